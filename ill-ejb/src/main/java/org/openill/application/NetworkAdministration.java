package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Branch;
import org.openill.domain.library.Library;
import org.openill.domain.library.Location;
import org.openill.domain.library.LocationType;
import org.openill.domain.reader.Reader;
import org.openill.domain.reader.ReaderCategory;
import org.openill.infrastructure.persistence.IllRepository;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Who takes part in the network and with what: libraries, their branches and collections, their readers and the
 * copies they hold in the union catalogue.
 */
@Stateless
public class NetworkAdministration {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private IllRepository repository;

    @EJB
    private AuditLog audit;

    /** A library joins the network under its ISIL. */
    public void registerLibrary(String staff, String isil, String name, ZoneId timeZone, String address,
                                String illEmail, String illPhone) {
        long taken = em.createQuery("SELECT COUNT(l) FROM Library l WHERE l.agencyId.type = 'ISIL' "
                + "AND l.agencyId.value = :isil", Long.class).setParameter("isil", isil).getSingleResult();
        if (taken > 0) {
            throw new IllRuleViolation("A library with the agency id ISIL:" + isil + " is already in the network");
        }
        Library library = new Library(AgencyId.isil(isil), name, timeZone);
        library.describeIllOffice(address, illEmail, illPhone);
        em.persist(library);
        audit.record(staff, "LIBRARY", isil, "REGISTER", null, library.status(), name);
    }

    public void openBranch(String staff, String isil, String code, String name) {
        repository.library(isil).openBranch(code, name);
        audit.record(staff, "LIBRARY", isil, "OPEN_BRANCH", null, null, code + " " + name);
    }

    /**
     * Adds a collection to a branch; a college or department reference room is refused as lendable.
     *
     * @return the id of the new collection (location)
     */
    public long addCollection(String staff, String isil, String branchCode, String code, String name,
                              LocationType type, boolean illLendable) {
        Library library = repository.library(isil);
        Branch branch = library.branches().stream().filter(candidate -> candidate.code().equals(branchCode)).findFirst()
                .orElseThrow(() -> new IllRuleViolation(isil + " has no branch " + branchCode));
        Location location = branch.addLocation(code, name, type, illLendable);
        em.flush();
        audit.record(staff, "LIBRARY", isil, "ADD_COLLECTION", null, null, branchCode + "/" + code + " " + name + ", "
                + type + (location.isLendableThroughIll() ? ", lends through ILL" : ", does not lend through ILL"));
        return location.id();
    }

    public void suspendLibrary(String staff, String isil, String reason) {
        Library library = repository.library(isil);
        var from = library.status();
        library.suspend();
        audit.record(staff, "LIBRARY", isil, "SUSPEND", from, library.status(), reason);
    }

    public void reactivateLibrary(String staff, String isil) {
        Library library = repository.library(isil);
        var from = library.status();
        library.reactivate();
        audit.record(staff, "LIBRARY", isil, "REACTIVATE", from, library.status(), null);
    }

    /** A reader registers with their home library's card; the card number is unique within the library. */
    public void registerReader(String staff, String isil, String cardNumber, LocalDate validFrom, LocalDate validUntil,
                               String firstName, String lastName, String email, String phone, String department,
                               ReaderCategory category) {
        if (cardNumber == null || cardNumber.isBlank()) {
            throw new IllRuleViolation("A reader needs a library card number");
        }
        Library library = repository.library(isil);
        long taken = em.createQuery("SELECT COUNT(r) FROM Reader r WHERE r.homeLibrary = :library AND r.cardNumber = :card",
                        Long.class)
                .setParameter("library", library).setParameter("card", cardNumber.trim()).getSingleResult();
        if (taken > 0) {
            throw new IllRuleViolation(isil + " already has a reader with the library card " + cardNumber);
        }
        Reader reader = new Reader(library, cardNumber, validFrom, validUntil, firstName, lastName, email, category);
        reader.recordContact(phone, department);
        em.persist(reader);
        audit.record(staff, "READER", isil + "/" + cardNumber, "REGISTER", null, reader.status(),
                category + ", card valid " + validFrom + " to " + validUntil);
    }

    public void blockReader(String staff, String isil, String cardNumber, String reason) {
        Reader reader = repository.reader(isil, cardNumber);
        var from = reader.status();
        reader.block(reason);
        audit.record(staff, "READER", isil + "/" + cardNumber, "BLOCK", from, reader.status(), reason);
    }

    public void unblockReader(String staff, String isil, String cardNumber) {
        Reader reader = repository.reader(isil, cardNumber);
        var from = reader.status();
        reader.unblock();
        audit.record(staff, "READER", isil + "/" + cardNumber, "UNBLOCK", from, reader.status(), null);
    }

    /** Adds a work to the union catalogue. @return its id */
    public long catalogue(String staff, BibliographicRecord record) {
        em.persist(record); // the sequence gives the id on persist, so records can still be written in batches
        audit.record(staff, "RECORD", record.id(), "CATALOGUE", null, null, record.title());
        return record.id();
    }

    /** Records that a collection holds a copy of a catalogued work. */
    public void addHolding(String staff, long recordId, long locationId, String callNumber, String barcode) {
        Location location = em.find(Location.class, locationId);
        if (location == null) {
            throw new IllRuleViolation("There is no collection #" + locationId);
        }
        BibliographicRecord record = em.find(BibliographicRecord.class, recordId);
        if (record == null) {
            throw new IllRuleViolation("There is no catalogue record #" + recordId);
        }
        em.persist(new Holding(record, location, callNumber, barcode));
        audit.record(staff, "RECORD", recordId, "ADD_HOLDING", null, null,
                location.branch().library().agencyId().value() + " " + location.name() + " " + barcode);
    }
}

package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.NotFoundException;
import org.openill.domain.Text;
import org.openill.domain.audit.AuditEntry;
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
import org.openill.infrastructure.persistence.UniqueKeys;

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
    public void registerLibrary(Actor admin, String isil, String name, ZoneId timeZone, String address,
                                String illEmail, String illPhone) {
        admin.requireNetworkWide("register a library");
        AgencyId agencyId = AgencyId.isil(isil);
        long taken = em.createQuery("SELECT COUNT(l) FROM Library l WHERE l.agencyId.type = 'ISIL' "
                + "AND l.agencyId.value = :isil", Long.class).setParameter("isil", agencyId.value()).getSingleResult();
        if (taken > 0) {
            throw new IllRuleViolation("A library with the agency id " + agencyId + " is already in the network");
        }
        Library library = new Library(agencyId, name, timeZone);
        library.describeIllOffice(address, illEmail, illPhone);
        em.persist(library);
        UniqueKeys.flush(em);
        audit.record(admin, "LIBRARY", agencyId.value(), "REGISTER", null, library.status(), library.name());
    }

    public void openBranch(Actor staff, String isil, String code, String name) {
        Library library = repository.library(isil);
        staff.requireSpeaksForOneOf("open a branch", library.agencyId());
        Branch branch = library.openBranch(code, name);
        UniqueKeys.flush(em);
        audit.record(staff, "LIBRARY", isil, "OPEN_BRANCH", null, null, branch.code() + " " + branch.name());
    }

    /**
     * Adds a collection to a branch; a college or department reference room is refused as lendable.
     *
     * @return the id of the new collection (location)
     */
    public long addCollection(Actor staff, String isil, String branchCode, String code, String name,
                              LocationType type, boolean illLendable) {
        Library library = repository.library(isil);
        staff.requireSpeaksForOneOf("add a collection", library.agencyId());
        Branch branch = library.branches().stream().filter(candidate -> candidate.code().equals(branchCode)).findFirst()
                .orElseThrow(() -> new NotFoundException(isil + " has no branch " + branchCode));
        Location location = branch.addLocation(code, name, type, illLendable);
        UniqueKeys.flush(em);
        audit.record(staff, "LIBRARY", isil, "ADD_COLLECTION", null, null, branch.code() + "/" + location.code() + " "
                + location.name() + ", "
                + type + (location.isLendableThroughIll() ? ", lends through ILL" : ", does not lend through ILL"));
        return location.id();
    }

    public void suspendLibrary(Actor admin, String isil, String reason) {
        admin.requireNetworkWide("suspend a library");
        String why = Text.optional("reason", reason, AuditEntry.MESSAGE_LENGTH);
        Library library = repository.library(isil);
        var from = library.status();
        library.suspend();
        audit.record(admin, "LIBRARY", isil, "SUSPEND", from, library.status(), why);
    }

    public void reactivateLibrary(Actor admin, String isil) {
        admin.requireNetworkWide("reactivate a library");
        Library library = repository.library(isil);
        var from = library.status();
        library.reactivate();
        audit.record(admin, "LIBRARY", isil, "REACTIVATE", from, library.status(), null);
    }

    /** A reader registers with their home library's card; the card number is unique within the library. */
    public void registerReader(Actor staff, String isil, String cardNumber, LocalDate validFrom, LocalDate validUntil,
                               String firstName, String lastName, String email, String phone, String department,
                               ReaderCategory category) {
        Library library = repository.library(isil);
        staff.requireSpeaksForOneOf("register a reader", library.agencyId());
        Reader reader = new Reader(library, cardNumber, validFrom, validUntil, firstName, lastName, email, category);
        reader.recordContact(phone, department);
        long taken = em.createQuery("SELECT COUNT(r) FROM Reader r WHERE r.homeLibrary = :library AND r.cardNumber = :card",
                        Long.class)
                .setParameter("library", library).setParameter("card", reader.cardNumber()).getSingleResult();
        if (taken > 0) {
            throw new IllRuleViolation(isil + " already has a reader with the library card " + reader.cardNumber());
        }
        em.persist(reader);
        UniqueKeys.flush(em);
        audit.record(staff, "READER", isil + "/" + reader.cardNumber(), "REGISTER", null, reader.status(),
                category + ", card valid " + validFrom + " to " + validUntil);
    }

    public void blockReader(Actor staff, String isil, String cardNumber, String reason) {
        Reader reader = repository.reader(isil, cardNumber);
        staff.requireSpeaksForOneOf("block a reader", reader.homeLibrary().agencyId());
        var from = reader.status();
        reader.block(reason);
        audit.record(staff, "READER", isil + "/" + reader.cardNumber(), "BLOCK", from, reader.status(),
                reader.blockedReason());
    }

    public void unblockReader(Actor staff, String isil, String cardNumber) {
        Reader reader = repository.reader(isil, cardNumber);
        staff.requireSpeaksForOneOf("unblock a reader", reader.homeLibrary().agencyId());
        var from = reader.status();
        reader.unblock();
        audit.record(staff, "READER", isil + "/" + reader.cardNumber(), "UNBLOCK", from, reader.status(), null);
    }

    /** Adds a work to the union catalogue. @return its id */
    public long catalogue(Actor staff, BibliographicRecord record) {
        staff.requireLibraryStaff("catalogue a work");
        em.persist(record); // the sequence gives the id on persist, so records can still be written in batches
        UniqueKeys.flush(em);
        audit.record(staff, "RECORD", record.id(), "CATALOGUE", null, null, record.title());
        return record.id();
    }

    /** Records that a collection holds a copy of a catalogued work. */
    public void addHolding(Actor staff, long recordId, long locationId, String callNumber, String barcode) {
        Location location = em.find(Location.class, locationId);
        if (location == null) {
            throw new NotFoundException("There is no collection #" + locationId);
        }
        staff.requireSpeaksForOneOf("add a copy to the catalogue", location.branch().library().agencyId());
        BibliographicRecord record = em.find(BibliographicRecord.class, recordId);
        if (record == null) {
            throw new NotFoundException("There is no catalogue record #" + recordId);
        }
        Holding holding = new Holding(record, location, callNumber, barcode);
        Library library = location.branch().library();
        if (holding.barcode() != null && em.createQuery(
                        "SELECT COUNT(h) FROM Holding h WHERE h.library = :library AND h.barcode = :barcode", Long.class)
                .setParameter("library", library).setParameter("barcode", holding.barcode()).getSingleResult() > 0) {
            throw new IllRuleViolation(library.agencyId().value() + " already has an item with the barcode "
                    + holding.barcode());
        }
        em.persist(holding);
        UniqueKeys.flush(em);
        audit.record(staff, "RECORD", recordId, "ADD_HOLDING", null, null,
                library.agencyId().value() + " " + location.name() + " " + holding.barcode());
    }
}

package org.openill.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.openill.domain.ConcurrentChangeException;
import org.openill.domain.NotFoundException;
import org.openill.domain.Text;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.reader.Reader;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.RequestState;

import java.sql.SQLException;
import java.util.List;

/**
 * Loads and stores what the lending services work on, with the errors a person understands when something is not
 * there or was changed by someone else meanwhile.
 */
@Stateless
public class IllRepository {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    /**
     * The request, checked against the version the caller saw (null: no check).
     *
     * @throws ConcurrentChangeException when it has changed since
     */
    public IllRequest request(long id, Long expectedVersion) {
        IllRequest request = em.find(IllRequest.class, id);
        if (request == null) {
            throw new NotFoundException("There is no ILL request #" + id);
        }
        if (expectedVersion != null && request.version() != expectedVersion) {
            throw changedMeanwhile(id);
        }
        return request;
    }

    /**
     * The request, locked for the caller's transaction; when another transaction is changing it right now, refused at
     * once rather than waited for (the clock must not stall behind a request someone holds).
     *
     * @throws ConcurrentChangeException when another transaction holds the request
     */
    public IllRequest requestNotBusy(long id) {
        lockNowOrRefuse("ill_request", id, "ILL request #" + id);
        return request(id, null);
    }

    /**
     * A loan as the reminder of its due date looks at it, read without the request itself: its state, due date, the
     * borrowing library's time zone, its reader, the reader's language and the title.
     */
    public record LoanDue(long requestId, RequestState state, java.time.LocalDate dueDate, java.time.ZoneId zone,
                          long readerId, java.util.Locale language, String title) {
    }

    /**
     * The loans among the requests that no other transaction is changing right now, locked for the caller's
     * transaction, as the reminder of their due date looks at them (the others are passed over); by id.
     */
    public List<LoanDue> loansDueNotBusy(java.util.Collection<Long> ids) {
        List<Long> free = notBusy("ill_request", ids);
        return free.isEmpty() ? List.of() : em.createQuery("""
                        SELECT r.id, r.state, r.dueDate, b.timeZone, d.id, d.language, r.description.title
                        FROM IllRequest r JOIN r.borrower b JOIN r.reader d WHERE r.id IN :ids ORDER BY r.id""",
                        Object[].class).setParameter("ids", free).getResultList().stream()
                .map(row -> new LoanDue((Long) row[0], (RequestState) row[1], (java.time.LocalDate) row[2],
                        java.time.ZoneId.of((String) row[3]), (Long) row[4],
                        Reader.languageOf((String) row[5]), (String) row[6]))
                .toList();
    }

    /**
     * Locks the lending records for the caller's transaction, all in one statement; when another transaction is
     * changing one of them right now, refused at once rather than waited for. Their ids, in order.
     *
     * @throws ConcurrentChangeException when another transaction holds one of them
     */
    public List<Long> lockSupplierRequestsNow(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try {
            @SuppressWarnings("unchecked")
            List<Number> locked = em.createNativeQuery("SELECT id FROM supplier_request WHERE id IN (" + inline(ids)
                    + ") ORDER BY id FOR NO KEY UPDATE NOWAIT").getResultList();
            return locked.stream().map(Number::longValue).toList();
        } catch (RuntimeException e) { // a PersistenceException, or the provider's own DatabaseException
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                    throw new ConcurrentChangeException("One of lending records " + ids.stream().sorted().toList()
                            + " is being changed in another transaction right now");
                }
            }
            throw e;
        }
    }

    /** The lending records, with their lender, by id. */
    public List<SupplierRequest> supplierRequests(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : em.createQuery("""
                        SELECT s FROM SupplierRequest s JOIN FETCH s.lender WHERE s.id IN :ids ORDER BY s.id""",
                SupplierRequest.class).setParameter("ids", List.copyOf(ids)).getResultList();
    }

    /** Of the records of the table, those no other transaction holds, locked now (ids are numbers: written inline). */
    private List<Long> notBusy(String table, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> free = em.createNativeQuery("SELECT id FROM " + table + " WHERE id IN (" + inline(ids)
                        + ") ORDER BY id FOR NO KEY UPDATE SKIP LOCKED").getResultList();
        return free.stream().map(Number::longValue).toList();
    }

    /** Ids written into SQL as a list: they are numbers, nothing else can get in. */
    private static String inline(java.util.Collection<Long> ids) {
        return ids.stream().map(id -> Long.toString(id)).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Locks the row of a request record (the borrowing library's, or a lending library's) for the caller's
     * transaction; when another transaction is changing it right now, refused at once rather than waited for.
     *
     * @param table ill_request or supplier_request
     * @throws ConcurrentChangeException when another transaction holds the row
     */
    public void lockNowOrRefuse(String table, long id, String what) {
        if (!table.equals("ill_request") && !table.equals("supplier_request")) {
            throw new IllegalArgumentException("not a table of request records: " + table);
        }
        try {
            em.createNativeQuery("SELECT id FROM " + table + " WHERE id = ?1 FOR NO KEY UPDATE NOWAIT")
                    .setParameter(1, id).getResultList();
        } catch (RuntimeException e) { // a PersistenceException, or the provider's own DatabaseException
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                    throw new ConcurrentChangeException(what + " is being changed in another transaction right now");
                }
            }
            throw e;
        }
    }

    /** Writes the changes now, so that a concurrent change is reported as such, inside the caller's transaction. */
    public void flush(IllRequest request) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw changedMeanwhile(request.id());
        } catch (PersistenceException e) {
            // providers may wrap their own optimistic-lock exception; look down the causes for one
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause.getClass().getSimpleName().equals("OptimisticLockException")) {
                    throw changedMeanwhile(request.id());
                }
            }
            throw UniqueKeys.broken(e).orElseThrow(() -> e);
        }
    }

    public void add(Object entity) {
        em.persist(entity);
    }

    public Library library(String isil) {
        String value = AgencyId.lookupValue(isil);
        return em.createQuery("SELECT l FROM Library l WHERE l.agencyId.type = 'ISIL' AND l.agencyId.value = :isil",
                        Library.class)
                .setParameter("isil", value).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("No library of the network has the agency id " + isil));
    }

    public Reader reader(String libraryIsil, String cardNumber) {
        String isil = AgencyId.lookupValue(libraryIsil);
        String card = Text.optional("library card number", cardNumber, Reader.CARD_NUMBER_LENGTH);
        return em.createQuery("""
                        SELECT r FROM Reader r JOIN FETCH r.homeLibrary l
                        WHERE l.agencyId.value = :isil AND r.cardNumber = :card""", Reader.class)
                .setParameter("isil", isil).setParameter("card", card == null ? "" : card)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("No reader of " + libraryIsil + " has the library card '"
                        + cardNumber + "'"));
    }

    /**
     * The union catalogue record with the ISBN, or else the one with the ISSN (the oldest of several), if any; both
     * normalised already.
     */
    public java.util.Optional<BibliographicRecord> recordWith(String isbn, String issn) {
        if (isbn != null) {
            java.util.Optional<BibliographicRecord> byIsbn = em.createQuery(
                            "SELECT r FROM BibliographicRecord r WHERE r.isbn = :isbn ORDER BY r.id", BibliographicRecord.class)
                    .setParameter("isbn", isbn).setMaxResults(1).getResultStream().findFirst();
            if (byIsbn.isPresent()) {
                return byIsbn;
            }
        }
        if (issn != null) {
            return em.createQuery("SELECT r FROM BibliographicRecord r WHERE r.issn = :issn ORDER BY r.id",
                            BibliographicRecord.class)
                    .setParameter("issn", issn).setMaxResults(1).getResultStream().findFirst();
        }
        return java.util.Optional.empty();
    }

    public BibliographicRecord record(long id) {
        BibliographicRecord record = em.find(BibliographicRecord.class, id);
        if (record == null) {
            throw new NotFoundException("There is no catalogue record #" + id);
        }
        return record;
    }

    public Holding holding(Library library, String barcode) {
        String checked = Text.optional("barcode", barcode, Holding.BARCODE_LENGTH);
        return em.createQuery("""
                        SELECT h FROM Holding h JOIN FETCH h.location c JOIN FETCH c.branch b
                        WHERE b.library = :library AND h.barcode = :barcode""", Holding.class)
                .setParameter("library", library).setParameter("barcode", checked == null ? "" : checked)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException(library.agencyId().value() + " has no item with barcode '"
                        + barcode + "'"));
    }

    private static ConcurrentChangeException changedMeanwhile(long id) {
        return new ConcurrentChangeException("ILL request #" + id
                + " was changed by someone else since you opened it; reload it and try again");
    }
}

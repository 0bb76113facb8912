package org.openill.application.staff;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.application.RequestDetails;
import org.openill.application.RequestQueries;
import org.openill.domain.Actor;
import org.openill.domain.NotFoundException;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.RequestState;
import org.openill.domain.staff.StaffAccount;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The back office of one library's ILL office: what its staff see and do, always as themselves and for their own
 * library only. The staff member is the authenticated caller (never an argument a page could forge); a request,
 * lending record, reader or agreement of another library is not found, whatever id is asked for.
 */
@Stateless
@DeclareRoles({"ILL_STAFF", "ILL_ADMIN", "NETWORK_ADMIN"})
@RolesAllowed("ILL_STAFF")
public class StaffDesk {

    @Resource
    private SessionContext session;

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private RequestQueries queries;

    @EJB
    private org.openill.application.LendingQueries lendingQueries;

    @EJB
    private org.openill.application.LendingService lending;

    @EJB
    private org.openill.application.BorrowingService borrowing;

    @EJB
    private org.openill.application.NetworkAdministration administration;

    @EJB
    private org.openill.application.reader.ReaderSignIn readerSignIn;

    /** The signed-in staff member and their library. */
    public StaffProfile me() {
        StaffAccount account = account();
        return new StaffProfile(account.username(), account.fullName(), account.role(),
                account.library().agencyId().value(), account.library().name());
    }

    /** The signed-in staff member as they act in the services. */
    public Actor actor() {
        return account().actor();
    }

    /** How many of the library's borrowing requests and lending records stand in each state. */
    public Overview overview() {
        StaffAccount account = account();
        Map<RequestState, Long> borrowing = new EnumMap<>(RequestState.class);
        em.createQuery("SELECT r.state, COUNT(r) FROM IllRequest r WHERE r.borrower = :library GROUP BY r.state",
                        Object[].class).setParameter("library", account.library()).getResultList()
                .forEach(row -> borrowing.put((RequestState) row[0], (Long) row[1]));
        Map<SupplierState, Long> lending = new EnumMap<>(SupplierState.class);
        em.createQuery("SELECT s.state, COUNT(s) FROM SupplierRequest s WHERE s.lender = :library GROUP BY s.state",
                        Object[].class).setParameter("library", account.library()).getResultList()
                .forEach(row -> lending.put((SupplierState) row[0], (Long) row[1]));
        return new Overview(borrowing, lending);
    }

    /** The counts of the library's queues: borrowing requests and lending records by state. */
    public record Overview(Map<RequestState, Long> borrowing, Map<SupplierState, Long> lending) {
    }

    /** One of the library's borrowing requests in a list. */
    public record BorrowingLine(long id, String title, String readerCard, RequestState state, String lender,
                                Instant since) {
    }

    /** One of the library's lending records in a list. */
    public record LendingLine(long id, String title, String requester, SupplierState state, Instant since) {
    }

    /** The library's latest borrowing requests (newest first, at most {@code max}). */
    public List<BorrowingLine> latestBorrowing(int max) {
        return em.createQuery("""
                        SELECT NEW org.openill.application.staff.StaffDesk.BorrowingLine(r.id, r.description.title,
                               rd.cardNumber, r.state, l.agencyId.value, r.createdAt)
                        FROM IllRequest r JOIN r.reader rd LEFT JOIN r.lender l
                        WHERE r.borrower = :library ORDER BY r.id DESC""", BorrowingLine.class)
                .setParameter("library", account().library()).setMaxResults(Math.min(max, 200)).getResultList();
    }

    /** The library's latest lending records (newest first, at most {@code max}). */
    public List<LendingLine> latestLending(int max) {
        return em.createQuery("""
                        SELECT NEW org.openill.application.staff.StaffDesk.LendingLine(s.id, s.description.title,
                               s.requestingAgency.value, s.state, s.createdAt)
                        FROM SupplierRequest s WHERE s.lender = :library ORDER BY s.id DESC""", LendingLine.class)
                .setParameter("library", account().library()).setMaxResults(Math.min(max, 200)).getResultList();
    }

    /**
     * Everything about one of the library's borrowing requests.
     *
     * @throws NotFoundException when the library has no such request (another library's included)
     */
    public RequestDetails borrowingRequest(long id) {
        IllRequest request = em.find(IllRequest.class, id);
        if (request == null || !request.borrower().equals(account().library())) {
            throw new NotFoundException("Your library has no borrowing request " + id);
        }
        return queries.details(id);
    }

    // ---- the library's readers ----

    /** One of the library's readers as staff find them. */
    public record ReaderLine(String cardNumber, String name, String email, String category, String status,
                             String blockedReason, java.time.LocalDate cardValidUntil, long openRequests) {
    }

    /** The library's readers whose card number or name contains the words (at most 50), by card number. */
    public List<ReaderLine> findReaders(String words) {
        String like = "%" + org.openill.domain.Text.required("search", words, 100).toLowerCase()
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<org.openill.domain.reader.Reader> readers = em.createQuery("""
                        SELECT r FROM Reader r WHERE r.homeLibrary = :library
                          AND (LOWER(r.cardNumber) LIKE :like OR LOWER(CONCAT(r.firstName, ' ', r.lastName)) LIKE :like)
                        ORDER BY r.cardNumber""", org.openill.domain.reader.Reader.class)
                .setParameter("library", account().library()).setParameter("like", like).setMaxResults(50)
                .getResultList();
        Map<Long, Long> open = new java.util.HashMap<>();
        if (!readers.isEmpty()) {
            em.createQuery("""
                            SELECT q.reader.id, COUNT(q) FROM IllRequest q WHERE q.reader IN :readers AND q.state NOT IN :done
                            GROUP BY q.reader.id""", Object[].class)
                    .setParameter("readers", readers)
                    .setParameter("done", java.util.Arrays.stream(RequestState.values()).filter(RequestState::isFinal)
                            .toList())
                    .getResultList().forEach(row -> open.put((Long) row[0], (Long) row[1]));
        }
        return readers.stream().map(reader -> new ReaderLine(reader.cardNumber(), reader.fullName(), reader.email(),
                reader.category().name(), reader.status().name(), reader.blockedReason(), reader.cardValidUntil(),
                open.getOrDefault(reader.id(), 0L))).toList();
    }

    /** Blocks one of the library's readers, with the reason they are told. */
    public void blockReader(String cardNumber, String reason) {
        StaffAccount account = account();
        administration.blockReader(account.actor(), account.library().agencyId().value(), cardNumber, reason);
    }

    public void unblockReader(String cardNumber) {
        StaffAccount account = account();
        administration.unblockReader(account.actor(), account.library().agencyId().value(), cardNumber);
    }

    /** Gives one of the library's readers a new PIN (which ends a lock-out). */
    public void resetPin(String cardNumber, String pin) {
        StaffAccount account = account();
        readerSignIn.setPin(account.actor(), account.library().agencyId().value(), cardNumber, pin);
    }

    // ---- the lending side: partners' requests to the library ----

    /** The partners' requests the library has to answer, each with the copies the supply rule lets it send. */
    public List<org.openill.application.IncomingRequest> toAnswer() {
        return lendingQueries.incoming(account().library().agencyId().value());
    }

    /** The library's lending records of loans the borrower sent back, to be checked in. */
    public List<LendingLine> returnsToReceive() {
        return lendingIn(org.openill.domain.lending.SupplierAction.CHECK_IN);
    }

    public void willSupply(long recordId) {
        lending.willSupply(ownLendingRecord(recordId), recordId);
    }

    public void unfilled(long recordId, String reason) {
        lending.unfilled(ownLendingRecord(recordId), recordId, reason);
    }

    /** Ships the copy with the barcode; the due date the loan got. */
    public java.time.LocalDate ship(long recordId, String barcode) {
        return lending.shipLoan(ownLendingRecord(recordId), recordId, barcode);
    }

    /**
     * Answers that the library will supply only on a condition (and at a cost, if any): RetryPossible with the terms,
     * which the borrowing library accepts by sending the request again.
     */
    public void supplyOnCondition(long recordId, org.openill.domain.request.LoanCondition condition,
                                  java.math.BigDecimal cost, String note) {
        java.util.Set<org.openill.domain.request.LoanCondition> conditions = condition == null ? java.util.Set.of()
                : java.util.Set.of(condition);
        lending.retryPossible(ownLendingRecord(recordId), recordId, note, conditions, cost, null);
    }

    /** The library's loans whose borrower asked for a renewal, to be granted or refused. */
    public List<LendingLine> renewalsAsked() {
        return lendingIn(org.openill.domain.lending.SupplierAction.RENEW_YES);
    }

    /** Grants the renewal; the new due date. */
    public java.time.LocalDate approveRenewal(long recordId) {
        return lending.approveRenewal(ownLendingRecord(recordId), recordId);
    }

    public void denyRenewal(long recordId, String reason) {
        lending.denyRenewal(ownLendingRecord(recordId), recordId, reason);
    }

    private List<LendingLine> lendingIn(org.openill.domain.lending.SupplierAction allowing) {
        return em.createQuery("""
                        SELECT NEW org.openill.application.staff.StaffDesk.LendingLine(s.id, s.description.title,
                               s.requestingAgency.value, s.state, s.createdAt)
                        FROM SupplierRequest s WHERE s.lender = :library AND s.state IN :states
                        ORDER BY s.id""", LendingLine.class)
                .setParameter("library", account().library())
                .setParameter("states", org.openill.domain.lending.SupplierStateMachine.statesAllowing(allowing))
                .getResultList();
    }

    public void checkIn(long recordId) {
        lending.checkIn(ownLendingRecord(recordId), recordId);
    }

    // ---- the borrowing side: the library's readers' requests ----

    public void validate(long requestId) {
        borrowing.validate(ownRequest(requestId), requestId, null);
    }

    /** Sends the request to the first lender of its rota; false when no lender could be found (it is unfilled). */
    public boolean route(long requestId) {
        return borrowing.route(ownRequest(requestId), requestId, null);
    }

    public void receive(long requestId) {
        borrowing.receive(ownRequest(requestId), requestId, null);
    }

    public void acceptConditions(long requestId) {
        borrowing.acceptConditions(ownRequest(requestId), requestId, null);
    }

    public void declineConditions(long requestId, String reason) {
        borrowing.declineConditions(ownRequest(requestId), requestId, null, reason);
    }

    /** Asks the lender for a longer loan, for the reader. */
    public void askRenewal(long requestId) {
        borrowing.requestRenewal(ownRequest(requestId), requestId);
    }

    public void shipBack(long requestId) {
        borrowing.shipBack(ownRequest(requestId), requestId, null);
    }

    /** The staff member as actor, once the request is known to be their library's (else not found). */
    private Actor ownRequest(long requestId) {
        StaffAccount account = account();
        IllRequest request = em.find(IllRequest.class, requestId);
        if (request == null || !request.borrower().equals(account.library())) {
            throw new NotFoundException("Your library has no borrowing request " + requestId);
        }
        return account.actor();
    }

    /** The staff member as actor, once the lending record is known to be their library's (else not found). */
    private Actor ownLendingRecord(long recordId) {
        StaffAccount account = account();
        org.openill.domain.lending.SupplierRequest record = em.find(org.openill.domain.lending.SupplierRequest.class,
                recordId);
        if (record == null || !record.lender().equals(account.library())) {
            throw new NotFoundException("Your library has no lending request " + recordId);
        }
        return account.actor();
    }

    private StaffAccount account() {
        String name = session.getCallerPrincipal().getName();
        return em.createQuery("SELECT a FROM StaffAccount a JOIN FETCH a.library WHERE a.username = :name AND a.active = true",
                        StaffAccount.class).setParameter("name", name).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("No staff account " + name + " of a library"));
    }
}

package org.openill.application.staff;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
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

    @EJB
    private StaffCaller caller;

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

    @EJB
    private org.openill.application.RoutingService routing;

    /** The signed-in staff member and their library. */
    public StaffProfile me() {
        StaffAccount account = account();
        return new StaffProfile(account.username(), account.fullName(), account.role(),
                account.library().agencyId().value(), account.library().name());
    }

    /** The id of the signed-in staff member's library: what every one of their queries is confined to. */
    public long libraryId() {
        return account().library().id();
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
        caller.ownRequest(id);
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

    /**
     * Ships the first copy the supply rule lets the library send (the one its pick slip lists first): a bulk action
     * of the queue; the due date the loan got.
     *
     * @throws org.openill.domain.IllRuleViolation when no copy may be sent
     */
    public java.time.LocalDate shipFirstCopy(long recordId) {
        Actor staff = ownLendingRecord(recordId);
        List<org.openill.application.IncomingRequest> records = lendingQueries.lendingRecords(
                account().library().agencyId().value(), List.of(recordId));
        String barcode = records.stream().flatMap(record -> record.suppliableCopies().stream())
                .map(org.openill.application.IncomingRequest.SuppliableCopy::barcode).findFirst()
                .orElseThrow(() -> new org.openill.domain.IllRuleViolation("Request " + recordId
                        + ": no copy may be sent (none on the shelf, or only in reference rooms)")
                        .says("noCopyToSend", recordId));
        return lending.shipLoan(staff, recordId, barcode);
    }

    /** What a pick slip or a shipping label prints of one request: the item, where to find it, where it goes. */
    public record Slip(long id, String title, String authors, String serviceType, String partRequested,
                       String fromName, String fromAddress, String toName, String toAddress, String toAgency,
                       String reader, java.time.LocalDate dueDate,
                       List<org.openill.application.IncomingRequest.SuppliableCopy> copies) {
    }

    /**
     * Pick slips and shipping labels of the library's lending records: where each item stands on the shelves, and
     * the requesting library it goes to. Ids of another library's records are left out.
     */
    public List<Slip> lendingSlips(java.util.Collection<Long> recordIds) {
        StaffAccount account = account();
        org.openill.domain.library.Library library = account.library();
        Map<Long, Object[]> extra = new java.util.HashMap<>();
        if (!recordIds.isEmpty()) {
            em.createQuery("""
                            SELECT s.id, b.name, b.address, s.patron, s.dueDate, h.barcode, h.callNumber
                            FROM SupplierRequest s LEFT JOIN s.borrower b LEFT JOIN s.suppliedHolding h
                            WHERE s.lender = :library AND s.id IN :ids""", Object[].class)
                    .setParameter("library", library).setParameter("ids", recordIds).getResultList()
                    .forEach(row -> extra.put((Long) row[0], row));
        }
        return lendingQueries.lendingRecords(library.agencyId().value(), recordIds).stream().map(record -> {
            Object[] row = extra.get(record.requestId());
            List<org.openill.application.IncomingRequest.SuppliableCopy> copies = row[5] != null
                    ? List.of(new org.openill.application.IncomingRequest.SuppliableCopy(record.requestId(),
                    (String) row[5], (String) row[6], null, "SUPPLIED")) : record.suppliableCopies();
            return new Slip(record.requestId(), record.title(), record.authors(), record.serviceType().name(),
                    record.partTitle() == null ? null : record.partTitle() + (record.pages() == null ? ""
                            : ", " + record.pages()),
                    library.name(), library.address(), row[1] == null ? record.borrowerIsil() : (String) row[1],
                    (String) row[2], record.borrowerIsil(), (String) row[3], (java.time.LocalDate) row[4], copies);
        }).toList();
    }

    /** Shipping labels of the library's borrowing requests whose items go back to their lenders. */
    public List<Slip> returnSlips(java.util.Collection<Long> requestIds) {
        StaffAccount account = account();
        org.openill.domain.library.Library library = account.library();
        if (requestIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        SELECT r FROM IllRequest r JOIN FETCH r.reader LEFT JOIN FETCH r.lender
                        WHERE r.borrower = :library AND r.id IN :ids ORDER BY r.id""", IllRequest.class)
                .setParameter("library", library).setParameter("ids", requestIds).getResultList().stream()
                .map(request -> new Slip(request.id(), request.description().title(), request.description().authors(),
                        request.serviceType().name(), null, library.name(), library.address(),
                        request.lender() == null ? null : request.lender().name(),
                        request.lender() == null ? null : request.lender().address(),
                        request.lender() == null ? null : request.lender().agencyId().value(),
                        request.reader().cardNumber(), request.dueDate(), List.of()))
                .toList();
    }

    /** Grants the renewal; the new due date. */
    public java.time.LocalDate approveRenewal(long recordId) {
        return lending.approveRenewal(ownLendingRecord(recordId), recordId);
    }

    public void denyRenewal(long recordId, String reason) {
        lending.denyRenewal(ownLendingRecord(recordId), recordId, reason);
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

    /** Lends the received item to the reader. */
    public void checkOut(long requestId) {
        borrowing.checkOut(ownRequest(requestId), requestId, null);
    }

    /** Takes the item back from the reader, to ship it back to the lender. */
    public void checkInFromReader(long requestId) {
        borrowing.checkInFromReader(ownRequest(requestId), requestId, null);
    }

    /**
     * Sends the request to a lender staff chose by hand (one that holds a copy it may lend: never a reference-room
     * copy, which the rota's rule leaves out).
     */
    public void routeTo(long requestId, String lenderIsil) {
        borrowing.routeTo(ownRequest(requestId), requestId, null, lenderIsil);
    }

    /** The lenders staff may send the request to by hand, and why the other holding libraries are left out. */
    public record LenderChoices(List<org.openill.application.LibraryChoice> lenders, List<String> leftOut) {
    }

    /**
     * Who may lend the request now, by the rota's one rule (agreements, limits, closures, and never a copy in a
     * reference room): the lenders staff may pick by hand.
     */
    public LenderChoices lenderChoices(long requestId) {
        IllRequest request = caller.ownRequest(requestId);
        org.openill.application.RoutingService.Rota rota = routing.rotaFor(request,
                java.time.LocalDate.now(request.borrower().timeZone()));
        return new LenderChoices(rota.lenders().stream().map(candidate -> new org.openill.application.LibraryChoice(
                candidate.lender().agencyId().value(), candidate.lender().name())).distinct().toList(), rota.reasons());
    }

    /** Passes over the current lender and asks the next of the rota (re-route). */
    public void skipLender(long requestId, String reason) {
        borrowing.skipLender(ownRequest(requestId), requestId, null, reason);
    }

    public void cancel(long requestId, String reason) {
        borrowing.cancel(ownRequest(requestId), requestId, null, reason);
    }

    public void reportLost(long requestId, String note) {
        borrowing.reportLost(ownRequest(requestId), requestId, null, note);
    }

    /** Sends the request to the lender again after its RetryPossible. */
    public void retry(long requestId) {
        borrowing.retry(ownRequest(requestId), requestId, null);
    }

    public void remind(long requestId) {
        borrowing.remind(ownRequest(requestId), requestId, null);
    }

    // ---- more of the lending side ----

    public void expectToSupply(long recordId) {
        lending.expectToSupply(ownLendingRecord(recordId), recordId);
    }

    /** Recalls the lent item: the borrower must send it back within the days given; the new due date. */
    public java.time.LocalDate recall(long recordId, int daysToReturn, String reason) {
        return lending.recall(ownLendingRecord(recordId), recordId, daysToReturn, reason);
    }

    public void completeWithoutReturn(long recordId, String note) {
        lending.completeWithoutReturn(ownLendingRecord(recordId), recordId, note);
    }

    /** The staff member as actor, once the request is known to be their library's (else not found). */
    private Actor ownRequest(long requestId) {
        caller.ownRequest(requestId);
        return caller.account().actor();
    }

    /** The staff member as actor, once the lending record is known to be their library's (else not found). */
    private Actor ownLendingRecord(long recordId) {
        caller.ownLendingRecord(recordId);
        return caller.account().actor();
    }

    private StaffAccount account() {
        return caller.account();
    }
}

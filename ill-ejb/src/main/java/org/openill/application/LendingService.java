package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.application.protocol.ProtocolMessages;
import org.openill.application.protocol.ProtocolOutbox;
import org.openill.domain.Actor;
import org.openill.domain.ConcurrentChangeException;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.NotFoundException;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.fee.FeeKind;
import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.library.Library;
import org.openill.domain.request.LoanCondition;
import org.openill.infrastructure.iso18626.Iso18626Messages.Costs;
import org.openill.infrastructure.iso18626.Iso18626Messages.Delivery;
import org.openill.infrastructure.iso18626.Iso18626Messages.Retry;
import org.openill.infrastructure.iso18626.Iso18626Messages.SupplierReport;
import org.openill.infrastructure.persistence.IllRepository;
import org.openill.infrastructure.persistence.UniqueKeys;
import org.openill.iso18626.v2021.TypeAction;
import org.openill.iso18626.v2021.TypeReasonForMessage;
import org.openill.iso18626.v2021.TypeStatus;
import org.openill.iso18626.v2021.TypeYesNo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lending side of interlibrary loan, on the lending library's own record of each request it was sent: it
 * answers, supplies under the terms of the partner agreement, renews, recalls, holds returns and checks items in, and
 * tells the borrower each step in a supplying agency message. What the borrower's messages ask of the record
 * ({@link #borrowerActs}) is answered here too. Whoever acts must speak for the lender.
 */
@Stateless
public class LendingService {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private FeeLedger ledger;

    @EJB
    private ProtocolOutbox outbox;

    @EJB
    private IllRepository repository;

    @EJB
    private RoutingService routing;

    /** The lending library's record of a request. */
    public SupplierRequest record(long supplierRequestId, Long expectedVersion) {
        SupplierRequest record = em.find(SupplierRequest.class, supplierRequestId);
        if (record == null) {
            throw new NotFoundException("There is no lending record #" + supplierRequestId);
        }
        if (expectedVersion != null && record.version() != expectedVersion) {
            throw new ConcurrentChangeException("Lending record #" + supplierRequestId
                    + " was changed by someone else since you opened it; reload it and try again");
        }
        return record;
    }

    public void expectToSupply(Actor staff, long recordId) {
        SupplierRequest record = record(recordId, null);
        record.expectToSupply(staff, Instant.now(), null);
        tell(record, ProtocolMessages.status(record, TypeReasonForMessage.REQUEST_RESPONSE));
    }

    /** The lender promises to supply; it must hold a copy it may supply ({@code SupplyRule}). */
    public void willSupply(Actor staff, long recordId) {
        SupplierRequest record = record(recordId, null);
        record.willSupply(staff, copiesOf(record), Instant.now(), null);
        tell(record, ProtocolMessages.status(record, answerReason(record)));
    }

    /**
     * The lender cannot supply now, or only on conditions or at a cost: RetryPossible with the terms, which the
     * borrower accepts by sending the request again.
     *
     * @param retryBefore until when the borrower may retry (null: the agreement's response time)
     */
    public void retryPossible(Actor staff, long recordId, String reason, Set<LoanCondition> conditions,
                              BigDecimal cost, Instant retryBefore) {
        SupplierRequest record = record(recordId, null);
        Instant now = Instant.now();
        String currency = record.agreement().map(PartnerAgreement::currency).orElse("EUR");
        record.retryPossible(staff, reason, conditions, cost, currency, retryBefore, copiesOf(record), now);
        Retry terms = Retry.because(record.conditionSet().isEmpty() ? "NotAvailableNow" : "LoanCondition")
                .between(null, retryBefore)
                .loanConditions(record.conditionSet().stream().map(LoanCondition::iso18626).toList())
                .offeredCosts(record.offeredCost() == null ? List.of()
                        : List.of(new Costs(record.offeredCost(), record.offeredCurrency())));
        SupplierReport report = ProtocolMessages.status(record, answerReason(record)).retry(terms);
        tell(record, reason == null ? report : report.note(reason));
    }

    /** The lender cannot supply: the borrower moves on to its next lender. */
    public void unfilled(Actor staff, long recordId, String reason) {
        SupplierRequest record = record(recordId, null);
        record.unfilled(staff, reason, Instant.now());
        SupplierReport report = ProtocolMessages.status(record, answerReason(record));
        tell(record, reason == null ? report.reasonUnfilled("NotAvailable")
                : report.reasonUnfilled("Other").note(reason));
    }

    /** Who answers new requests for a library that answers them without staff. */
    public static final Actor AUTO_RESPONDER = Actor.system("auto-responder");

    /**
     * Answers a new request without staff, for a lending library that asks for it: ExpectToSupply when it holds a
     * copy it may supply under the agreement (the one supply rule), otherwise Unfilled with the reason (not held,
     * only in a reference room, not on the shelf, the agreement's terms).
     */
    public void answerAutomatically(SupplierRequest record, Instant now) {
        Optional<SupplierRequest.NoCopy> noCopy = record.agreement().isEmpty()
                ? Optional.of(new SupplierRequest.NoCopy(SupplierRequest.NoCopy.POLICY_PROBLEM,
                record.lender().agencyId().value() + " has no partner agreement in force with "
                        + record.requestingAgency().value()))
                : record.whyNoCopyCanBeSupplied(copiesOf(record), now);
        if (noCopy.isEmpty()) {
            record.expectToSupply(AUTO_RESPONDER, now, "Answered automatically: a copy may be supplied");
            tell(record, ProtocolMessages.status(record, TypeReasonForMessage.REQUEST_RESPONSE));
        } else {
            record.unfilled(AUTO_RESPONDER, noCopy.get().message(), now);
            tell(record, ProtocolMessages.status(record, TypeReasonForMessage.REQUEST_RESPONSE)
                    .reasonUnfilled(noCopy.get().reasonUnfilled()).note(noCopy.get().message()));
        }
    }

    /**
     * Ships the item with the given barcode; the due date follows from the agreement's loan period, and the
     * agreement's loan fee (and any cost the borrower accepted) is charged to the borrowing library.
     */
    public LocalDate shipLoan(Actor staff, long recordId, String barcode) {
        SupplierRequest record = record(recordId, null);
        Holding holding = repository.holding(record.lender(), barcode);
        Instant now = Instant.now();
        SupplierReport report = ProtocolMessages.status(record, TypeReasonForMessage.STATUS_CHANGE);
        boolean answer = record.state().iso18626().equals("RequestReceived");
        LocalDate due = record.shipLoan(staff, holding, now);
        charge(record, FeeKind.LOAN, now);
        tell(record, ProtocolMessages.status(record, answer ? TypeReasonForMessage.REQUEST_RESPONSE
                : report.reasonForMessage()).delivery(new Delivery(now, List.of(holding.barcode()),
                record.conditionSet().stream().map(LoanCondition::iso18626).toList())));
        return due;
    }

    /** Delivers the copy made from the item with the given barcode, and charges the agreement's copy fee. */
    public void deliverCopy(Actor staff, long recordId, String barcode, String note) {
        SupplierRequest record = record(recordId, null);
        Holding holding = repository.holding(record.lender(), barcode);
        Instant now = Instant.now();
        boolean answer = record.state().iso18626().equals("RequestReceived");
        record.deliverCopy(staff, holding, now, note);
        charge(record, FeeKind.COPY, now);
        tell(record, ProtocolMessages.status(record, answer ? TypeReasonForMessage.REQUEST_RESPONSE
                : TypeReasonForMessage.STATUS_CHANGE).delivery(new Delivery(now, List.of(holding.barcode()), List.of())));
    }

    /** Renews the loan by the agreement's loan period, within the renewals the agreement allows. */
    public LocalDate approveRenewal(Actor staff, long recordId) {
        SupplierRequest record = record(recordId, null);
        LocalDate due = record.renew(staff, Instant.now());
        tell(record, ProtocolMessages.status(record, TypeReasonForMessage.RENEW_RESPONSE).answer(TypeYesNo.Y));
        return due;
    }

    public void denyRenewal(Actor staff, long recordId, String reason) {
        SupplierRequest record = record(recordId, null);
        record.refuseRenewal(staff, reason, Instant.now());
        SupplierReport report = ProtocolMessages.status(record, TypeReasonForMessage.RENEW_RESPONSE).answer(TypeYesNo.N);
        tell(record, reason == null ? report : report.note(reason));
    }

    /**
     * The lender needs the item back: due within the given number of days at the latest (never later than it was).
     * A renewal asked for is answered no first.
     */
    public LocalDate recall(Actor staff, long recordId, int daysToReturn, String reason) {
        SupplierRequest record = record(recordId, null);
        boolean renewalPending = record.renewalPending();
        record.recall(staff, daysToReturn, Instant.now(), reason);
        if (renewalPending) {
            tell(record, ProtocolMessages.status(record, TypeReasonForMessage.RENEW_RESPONSE).answer(TypeYesNo.N)
                    .note("The item is recalled"));
        }
        SupplierReport recalled = SupplierReport.of(TypeReasonForMessage.STATUS_CHANGE, TypeStatus.RECALLED)
                .dueDate(ProtocolMessages.endOfDay(record.dueDate(), record.lender().timeZone()));
        tell(record, reason == null ? recalled : recalled.note(reason));
        if (record.state().iso18626().equals("Overdue")) {
            tell(record, ProtocolMessages.status(record, TypeReasonForMessage.STATUS_CHANGE));
        }
        return record.dueDate();
    }

    /** The lender cannot take items back for now (e.g. it is closed): the borrower holds the return. */
    public void holdReturn(Actor staff, long recordId, String note) {
        SupplierRequest record = record(recordId, null);
        record.holdReturn(staff, Instant.now(), note);
        tell(record, ProtocolMessages.status(record, TypeReasonForMessage.STATUS_CHANGE));
    }

    /** The lender takes items back again. */
    public void releaseHoldReturn(Actor staff, long recordId) {
        SupplierRequest record = record(recordId, null);
        record.releaseHoldReturn(staff, Instant.now());
        SupplierReport released = SupplierReport.of(TypeReasonForMessage.STATUS_CHANGE, TypeStatus.RELEASE_HOLD_RETURN)
                .dueDate(ProtocolMessages.endOfDay(record.dueDate(), record.lender().timeZone()));
        tell(record, released);
        if (record.state().iso18626().equals("Overdue")) {
            tell(record, ProtocolMessages.status(record, TypeReasonForMessage.STATUS_CHANGE));
        }
    }

    /** The item is back at the lender (whether or not the borrower said it shipped it): the loan is completed. */
    public void checkIn(Actor staff, long recordId) {
        SupplierRequest record = record(recordId, null);
        record.checkIn(staff, Instant.now());
        tell(record, ProtocolMessages.status(record, TypeReasonForMessage.STATUS_CHANGE));
    }

    /** The lender closes the loan without the item (long overdue, lost in transit ...). */
    public void completeWithoutReturn(Actor staff, long recordId, String note) {
        SupplierRequest record = record(recordId, null);
        record.completeWithoutReturn(staff, Instant.now(), note);
        chargeReplacement(record, Instant.now());
        SupplierReport report = ProtocolMessages.status(record, TypeReasonForMessage.STATUS_CHANGE);
        tell(record, note == null ? report : report.note(note));
    }

    /** Staff of the lender write to the borrower's ILL office (a Notification). */
    public void notifyBorrower(Actor staff, long recordId, String note) {
        SupplierRequest record = record(recordId, null);
        String text = org.openill.domain.Text.required("note", note, 2000);
        if (!staff.speaksFor(record.lender().agencyId())) {
            throw new org.openill.domain.NotAllowedException(staff.text() + " cannot write about lending record #"
                    + recordId + ": it is " + record.lender().agencyId().value() + "'s");
        }
        record.noted(staff, "Notification sent: " + text, Instant.now());
        tell(record, ProtocolMessages.status(record, TypeReasonForMessage.NOTIFICATION).note(text));
    }

    /**
     * One step of the clock's sweep for overdue loans, in a transaction of its own: the loan becomes overdue if its
     * due date has passed by the lender's date, and the borrower is told.
     *
     * @return true when the loan became overdue now
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean markOverdue(Actor clock, long recordId, Instant now) {
        SupplierRequest record = recordNotBusy(recordId);
        if (!markIfOverdue(clock, record, now)) {
            return false;
        }
        tell(record, overdue(record));
        return true;
    }

    /**
     * Marks the loans among the records overdue whose due date has passed by their lender's date (a chunk of the
     * nightly reconciliation), in the caller's transaction, each as {@link #markOverdue(Actor, long, Instant)} does.
     * The records are locked in one statement; they are written a few at a time, each few then let go (the caller's
     * persistence context is cleared).
     *
     * @return how many it marked
     * @throws org.openill.domain.ConcurrentChangeException when another transaction is changing one of them right now
     */
    public int markOverdue(Actor clock, List<Long> recordIds, Instant now) {
        int marked = 0;
        List<Long> locked = repository.lockSupplierRequestsNow(recordIds);
        for (int from = 0; from < locked.size(); from += MARKED_AT_ONCE) {
            for (SupplierRequest record : repository.supplierRequests(
                    locked.subList(from, Math.min(locked.size(), from + MARKED_AT_ONCE)))) {
                if (markIfOverdue(clock, record, now)) {
                    // no flush for each: the records are locked, and the few are written together below
                    send(record, overdue(record));
                    marked++;
                }
            }
            // written (their messages too) and let go: a flush looks at the few records since the last one, not at all
            UniqueKeys.flush(em);
            em.clear();
        }
        return marked;
    }

    /** How many of the records given to {@link #markOverdue(Actor, List, Instant)} are read and written at once. */
    private static final int MARKED_AT_ONCE = 25;

    /** Marks the loan overdue if its due date has passed by its lender's date; true when it did (not told yet). */
    private static boolean markIfOverdue(Actor clock, SupplierRequest record, Instant now) {
        if (!record.isOverdueAt(now)) {
            return false;
        }
        record.markOverdue(clock, now);
        return true;
    }

    /** What the borrower is told of a loan become overdue. */
    private static SupplierReport overdue(SupplierRequest record) {
        return ProtocolMessages.status(record, TypeReasonForMessage.STATUS_CHANGE);
    }

    /**
     * What the borrower's requesting agency message asks of the lender's record: noted, applied and, where the
     * standard expects an answer (a status request, a cancellation, a loss, a held return), answered at once.
     */
    public void borrowerActs(Actor partner, SupplierRequest record, TypeAction action, String note, Instant now) {
        switch (action) {
            case STATUS_REQUEST -> {
                record.noted(partner, "Status asked; answered " + record.state().iso18626(), now);
                tell(record, ProtocolMessages.status(record, TypeReasonForMessage.STATUS_REQUEST_RESPONSE));
            }
            case RECEIVED -> record.borrowerReceived(partner, now);
            case CANCEL -> {
                boolean yes = record.cancelAsked(partner, now, note);
                tell(record, ProtocolMessages.status(record, TypeReasonForMessage.CANCEL_RESPONSE)
                        .answer(yes ? TypeYesNo.Y : TypeYesNo.N));
            }
            case RENEW -> record.renewalAsked(partner, now);
            case HOLD_RETURN -> {
                record.holdReturn(partner, now, note);
                tell(record, ProtocolMessages.status(record, TypeReasonForMessage.STATUS_CHANGE));
            }
            case SHIPPED_RETURN -> record.borrowerShippedReturn(partner, now, note);
            case SHIPPED_FORWARD -> record.borrowerShippedForward(partner, now, note);
            case NOTIFICATION -> record.noted(partner, "Notification from " + record.requestingAgency().value()
                    + (note == null ? "" : ": " + note), now);
            case LOST -> {
                record.borrowerLost(partner, now, note);
                chargeReplacement(record, now);
                tell(record, ProtocolMessages.status(record, TypeReasonForMessage.STATUS_CHANGE));
            }
            default -> throw new IllRuleViolation("The action " + action.value() + " is not supported");
        }
    }

    /** The agreement under which the lender supplies the borrower today, if one is in force. */
    public PartnerAgreement agreementFor(Library lender, Library borrower, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, lender.timeZone());
        return routing.agreementsBetween(borrower, lender).stream()
                .filter(agreement -> agreement.isInForceOn(today)).findFirst().orElse(null);
    }

    private static TypeReasonForMessage answerReason(SupplierRequest record) {
        // the first answer to a request (or to a retry) is its response; later news is a change of status
        return record.events().size() >= 2
                && record.events().get(record.events().size() - 2).toState().iso18626().equals("RequestReceived")
                ? TypeReasonForMessage.REQUEST_RESPONSE : TypeReasonForMessage.STATUS_CHANGE;
    }

    /** Writes the record's change now (a clash shows here), then tells the borrower. */
    private void tell(SupplierRequest record, SupplierReport report) {
        UniqueKeys.flush(em);
        send(record, report);
    }

    /** Tells the borrower, in a message written with the record's change (in its transaction). */
    private void send(SupplierRequest record, SupplierReport report) {
        outbox.send(record, ProtocolMessages.report(record, report, Instant.now()));
    }

    private SupplierRequest recordNotBusy(long id) {
        repository.lockNowOrRefuse("supplier_request", id, "Lending record #" + id);
        return record(id, null);
    }

    /** The lender's holdings of the work asked for (none when the borrower described an item the catalogue lacks). */
    private List<Holding> copiesOf(SupplierRequest record) {
        if (record.record() == null) {
            return List.of();
        }
        return em.createQuery("""
                        SELECT h FROM Holding h JOIN FETCH h.location c JOIN FETCH c.branch b
                        WHERE h.record = :record AND b.library = :lender ORDER BY h.id""", Holding.class)
                .setParameter("record", record.record()).setParameter("lender", record.lender()).getResultList();
    }

    private void charge(SupplierRequest record, FeeKind kind, Instant now) {
        PartnerAgreement terms = record.terms();
        if (record.borrower() == null) {
            return; // a partner outside the network directory settles outside this ledger
        }
        ledger.charge(record, kind, terms.fee(record.suppliedAs()), terms.currency(), now);
        if (record.conditionsAccepted() && record.offeredCost() != null) {
            ledger.charge(record, FeeKind.CONDITION_COST, record.offeredCost(), record.offeredCurrency(), now);
        }
    }

    private void chargeReplacement(SupplierRequest record, Instant now) {
        if (record.borrower() != null && record.agreement().isPresent()) {
            PartnerAgreement terms = record.agreement().get();
            ledger.charge(record, FeeKind.REPLACEMENT, terms.replacementFee(), terms.currency(), now);
        }
    }
}

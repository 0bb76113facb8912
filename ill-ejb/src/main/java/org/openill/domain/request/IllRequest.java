package org.openill.domain.request;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.NotAllowedException;
import org.openill.domain.Text;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.library.Library;
import org.openill.domain.reader.Reader;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The borrowing library's record of an interlibrary loan request (the requester side of ISO 18626): a reader of the
 * borrowing library asks, through its ILL office, for a loan or a copy of an item that partner libraries (the rota of
 * lenders) may supply. Each lender asked keeps its own record of the request, which this one never touches: the two
 * talk in ISO 18626 messages, and what the lender reports reaches this record as the steps of its messages (the
 * actor is then the lender as a partner). Every change goes through {@link RequestStateMachine} and leaves a line in
 * the audit trail.
 */
@Entity
@Table(name = "ill_request")
@SequenceGenerator(name = "ill_request_seq", sequenceName = "ill_request_seq", allocationSize = 50)
public class IllRequest {

    /** The longest reason staff may give (why a lender cannot supply, why a request is cancelled ...). */
    public static final int REASON_LENGTH = RotaEntry.REASON_LENGTH;
    public static final int CONDITIONS_LENGTH = 300;
    public static final int UNFILLED_REASONS_LENGTH = 4000;
    public static final int ROTA_NOTES_LENGTH = 4000;
    public static final int ITEM_ID_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ill_request_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "borrower_id")
    private Library borrower;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reader_id")
    private Reader reader;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "record_id")
    private BibliographicRecord record;

    @Embedded
    private BibliographicDescription description;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_type", nullable = false, length = 20)
    private ServiceType serviceType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private RequestState state;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "lender_id")
    private Library lender;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RotaEntry> rota = new ArrayList<>();

    /** The state to go back to when the lender refuses a cancellation. */
    @Enumerated(EnumType.STRING)
    @Column(name = "state_before_cancel", length = 30)
    private RequestState stateBeforeCancel;

    /** The ISO 18626 status the current lender last reported. */
    @Column(name = "lender_status", length = 30)
    private String lenderStatus;

    /** The lender's id of the item it sent (its barcode), as its Loaned or CopyCompleted message said. */
    @Column(name = "item_id", length = ITEM_ID_LENGTH)
    private String itemId;

    /** What the lender supplied for a "copy or loan" request (or the service asked for). */
    @Enumerated(EnumType.STRING)
    @Column(name = "supplied_as", length = 20)
    private ServiceType suppliedAs;

    /** Conditions the current lender set, as ISO 18626 names separated by commas. */
    @Column(length = CONDITIONS_LENGTH)
    private String conditions;

    @Column(name = "condition_cost", precision = 12, scale = 2)
    private BigDecimal conditionCost;

    @Column(name = "condition_currency", length = 3)
    private String conditionCurrency;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(nullable = false)
    private int renewals;

    @Column(name = "renewal_requested", nullable = false)
    private boolean renewalRequested;

    @Column(name = "received_at")
    private Instant receivedAt;

    /** When the borrowing library lent the item to its reader, and when the reader brought it back. */
    @Column(name = "checked_out_at")
    private Instant checkedOutAt;

    @Column(name = "reader_returned_at")
    private Instant readerReturnedAt;

    @Column(name = "unfilled_reasons", length = UNFILLED_REASONS_LENGTH)
    private String unfilledReasons;

    /** Why holding libraries were left out of the rota when it was planned; told to the reader if it runs out. */
    @Column(name = "rota_notes", length = ROTA_NOTES_LENGTH)
    private String rotaNotes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
    @OrderBy("occurredAt, id")
    private List<RequestEvent> events = new ArrayList<>();

    /** What the reader said with the application (null when nothing: read as {@link ReaderTerms#NONE}). */
    @jakarta.persistence.Embedded
    private ReaderTerms readerTerms;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "pickup_branch_id")
    private org.openill.domain.library.Branch pickupBranch;

    @Version
    private long version;

    protected IllRequest() {
        // for JPA
    }

    /**
     * A reader's application. The services check the reader and their limits before; this checks what the request
     * itself must carry.
     */
    public IllRequest(Actor actor, Reader reader, BibliographicRecord record, BibliographicDescription description,
                      ServiceType serviceType, Instant when) {
        this(actor, reader, record, description, serviceType, ReaderTerms.NONE, null, when);
    }

    /**
     * A reader's application with what they said besides the item, and the branch of their library where they will
     * pick it up (null: the ILL office decides).
     */
    public IllRequest(Actor actor, Reader reader, BibliographicRecord record, BibliographicDescription description,
                      ServiceType serviceType, ReaderTerms terms, org.openill.domain.library.Branch pickupBranch,
                      Instant when) {
        if (reader == null || description == null || serviceType == null) {
            throw new IllRuleViolation("A request needs a reader, a description and a service type");
        }
        String insufficiency = description.insufficiencyFor(serviceType);
        if (insufficiency != null) {
            throw new IllRuleViolation("The bibliographic data cannot identify the item: " + insufficiency);
        }
        if (pickupBranch != null && !pickupBranch.library().equals(reader.homeLibrary())) {
            throw new IllRuleViolation("Items are picked up at a branch of your own library, "
                    + reader.homeLibrary().name() + ", not at " + pickupBranch.name());
        }
        this.reader = reader;
        this.borrower = reader.homeLibrary();
        requireReaderOrBorrowingSide(actor, RequestAction.SUBMIT);
        this.readerTerms = terms == null || terms == ReaderTerms.NONE ? null : terms;
        this.pickupBranch = pickupBranch;
        this.record = record;
        this.description = description;
        this.serviceType = serviceType;
        this.state = RequestState.NEW;
        this.createdAt = when;
        this.updatedAt = when;
        events.add(new RequestEvent(this, when, actor.text(), RequestAction.SUBMIT, null, RequestState.NEW,
                serviceType.iso18626() + " request for \"" + description.title() + "\"", null));
    }

    public void validate(Actor actor, Instant when, String note) {
        requireBorrowingSide(actor, RequestAction.VALIDATE);
        transition(RequestAction.VALIDATE, actor, when, "Checked by the borrowing ILL office", note);
    }

    /**
     * Sets the lenders to ask, in order, replacing those not yet asked (lenders already asked keep their answers), and
     * notes why other holding libraries were left out.
     */
    public void planRota(Actor actor, List<PartnerAgreement> lendersInOrder, List<String> leftOut) {
        requireBorrowingSide(actor, RequestAction.SEND_TO_LENDER);
        require(RequestAction.SEND_TO_LENDER);
        // new entries are numbered after every entry there was, so no position is reused within the flush
        int position = rota.stream().mapToInt(RotaEntry::position).max().orElse(0);
        rota.removeIf(entry -> entry.status() == RotaEntryStatus.WAITING);
        for (PartnerAgreement agreement : lendersInOrder) {
            rota.add(new RotaEntry(this, ++position, agreement));
        }
        this.rotaNotes = leftOut.isEmpty() ? null : Text.cut(String.join("; ", leftOut), ROTA_NOTES_LENGTH);
    }

    /**
     * Asks the next lender of the rota that can still be asked (its agreement in force, the lender active); when
     * none is left, the request ends unfilled with the reasons collected.
     *
     * @return true when a lender was asked
     */
    public boolean sendToNextLender(Actor actor, Instant when) {
        requireBorrowingSide(actor, RequestAction.SEND_TO_LENDER);
        return askNextLender(actor, when);
    }

    /** Asks the next lender on whoever's step moved the request on (a lender's answer, the clock, the reader). */
    private boolean askNextLender(Actor actor, Instant when) {
        require(RequestAction.SEND_TO_LENDER);
        java.time.LocalDate day = java.time.LocalDate.ofInstant(when, borrower.timeZone());
        for (RotaEntry entry : rota) {
            if (entry.status() != RotaEntryStatus.WAITING) {
                continue;
            }
            String notAskable = entry.whyNotAskable(day, serviceType);
            if (notAskable != null) {
                entry.answered(RotaEntryStatus.SKIPPED, notAskable, when);
                continue;
            }
            entry.asked(when, nextRequestId(entry));
            this.lender = entry.lender();
            clearConditions();
            transition(RequestAction.SEND_TO_LENDER, actor, when,
                    "Sent to " + lender.agencyId().value() + " (rota position " + entry.position() + "), answer due by "
                            + entry.answerDueAt(), null);
            return true;
        }
        List<String> reasons = new ArrayList<>();
        if (rotaNotes != null) {
            reasons.add(rotaNotes);
        }
        rota.stream().filter(entry -> entry.reason() != null)
                .map(entry -> entry.lender().agencyId().value() + ": " + entry.reason())
                .forEach(reasons::add);
        if (reasons.isEmpty()) {
            reasons.add("no library of the network can supply it");
        }
        this.unfilledReasons = Text.cut(String.join("; ", reasons), UNFILLED_REASONS_LENGTH);
        this.lender = null;
        transition(RequestAction.EXHAUST_ROTA, actor, when, "No lender left: " + unfilledReasons, null);
        return false;
    }

    // ---- what the lender's supplying agency messages report (the actor is the lender, as a partner) ----

    /** The lender answered the request with its own id of the transaction (any supplying agency message). */
    public void lenderIdentified(Actor actor, String supplyingAgencyRequestId) {
        requireLender(actor, RequestAction.NOTE);
        currentEntry().supplierId(supplyingAgencyRequestId);
    }

    public void expectToSupply(Actor actor, Instant when, String note) {
        requireLender(actor, RequestAction.ANSWER_EXPECT_TO_SUPPLY);
        require(RequestAction.ANSWER_EXPECT_TO_SUPPLY);
        currentEntry().responded(when);
        fromLender(RequestAction.ANSWER_EXPECT_TO_SUPPLY, "ExpectToSupply", actor, when,
                lender.agencyId().value() + " expects to supply", note);
    }

    public void willSupply(Actor actor, Instant when, String note) {
        requireLender(actor, RequestAction.ANSWER_WILL_SUPPLY);
        require(RequestAction.ANSWER_WILL_SUPPLY);
        currentEntry().responded(when);
        fromLender(RequestAction.ANSWER_WILL_SUPPLY, "WillSupply", actor, when,
                lender.agencyId().value() + " will supply", note);
    }

    /**
     * The lender cannot supply now, and the request may be sent to it again (retry) until the instant given, else
     * within the agreement's response time.
     */
    public void retryPossible(Actor actor, String reason, Instant retryBefore, Instant when) {
        String why = reason(reason);
        requireLender(actor, RequestAction.ANSWER_RETRY_POSSIBLE);
        require(RequestAction.ANSWER_RETRY_POSSIBLE);
        clearConditions();
        currentEntry().retryLater(when, retryBefore);
        fromLender(RequestAction.ANSWER_RETRY_POSSIBLE, "RetryPossible", actor, when,
                lender.agencyId().value() + " cannot supply now, retry possible" + (why == null ? "" : ": " + why),
                null);
    }

    /**
     * The lender would supply on conditions or at a cost (RetryPossible with them): the borrowing office decides,
     * and the reader where they concern them; accepting sends the request again.
     */
    public void proposeConditions(Actor actor, Set<LoanCondition> proposed, BigDecimal cost, String currency,
                                  Instant retryBefore, Instant when, String note) {
        requireLender(actor, RequestAction.PROPOSE_CONDITIONS);
        require(RequestAction.PROPOSE_CONDITIONS);
        if (cost != null && cost.signum() < 0) {
            throw new IllRuleViolation("A cost cannot be negative");
        }
        EnumSet<LoanCondition> all = proposed == null || proposed.isEmpty() ? EnumSet.noneOf(LoanCondition.class)
                : EnumSet.copyOf(proposed);
        if (cost != null && cost.signum() > 0) {
            all.add(LoanCondition.COST);
        }
        if (all.isEmpty()) {
            throw new IllRuleViolation("Conditions need at least one loan condition or a cost");
        }
        this.conditions = all.stream().map(LoanCondition::iso18626).collect(Collectors.joining(","));
        this.conditionCost = cost != null && cost.signum() > 0 ? cost : null;
        this.conditionCurrency = conditionCost == null ? null : currency;
        currentEntry().retryLater(when, retryBefore);
        fromLender(RequestAction.PROPOSE_CONDITIONS, "RetryPossible", actor, when,
                lender.agencyId().value() + " would supply on conditions: " + conditions
                        + (conditionCost == null ? "" : " (cost " + conditionCost + " " + conditionCurrency + ")"),
                note);
    }

    /** The current lender cannot supply: the request moves on to the next lender of the rota. */
    public void lenderUnfilled(Actor actor, String reason, Instant when) {
        String given = reason(reason);
        requireLender(actor, RequestAction.LENDER_UNFILLED);
        require(RequestAction.LENDER_UNFILLED);
        String why = given == null ? "unfilled, no reason given" : given;
        currentEntry().answered(RotaEntryStatus.UNFILLED, why, when);
        if (state == RequestState.CANCEL_REQUESTED) {
            fromLender(RequestAction.LENDER_UNFILLED, "Unfilled", actor, when, lender.agencyId().value()
                    + " answered unfilled (" + why + "); the request is cancelled as asked", null);
            return;
        }
        fromLender(RequestAction.LENDER_UNFILLED, "Unfilled", actor, when,
                lender.agencyId().value() + " answered unfilled: " + why, null);
        askNextLender(actor, when);
    }

    /** The lender shipped a returnable item (status Loaned), due back on the date it set. */
    public void shipLoan(Actor actor, LocalDate due, String lendersItemId, Instant when) {
        requireLender(actor, RequestAction.SHIP_LOAN);
        require(RequestAction.SHIP_LOAN);
        requireService(ServiceType.LOAN, RequestAction.SHIP_LOAN);
        if (due == null) {
            throw new InvalidInputException("due date", "A loan needs the date it is due back");
        }
        this.dueDate = due;
        this.itemId = Text.cut(lendersItemId, ITEM_ID_LENGTH);
        this.suppliedAs = ServiceType.LOAN;
        this.stateBeforeCancel = null;
        currentEntry().answered(RotaEntryStatus.SUPPLYING, null, when);
        fromLender(RequestAction.SHIP_LOAN, "Loaned", actor, when, lender.agencyId().value() + " shipped "
                + (itemId == null ? "the item" : itemId) + ", due back " + due, null);
    }

    /** The lender delivered the copy (CopyCompleted); nothing comes back. */
    public void deliverCopy(Actor actor, String lendersItemId, Instant when, String note) {
        requireLender(actor, RequestAction.DELIVER_COPY);
        require(RequestAction.DELIVER_COPY);
        requireService(ServiceType.COPY, RequestAction.DELIVER_COPY);
        this.itemId = Text.cut(lendersItemId, ITEM_ID_LENGTH);
        this.suppliedAs = ServiceType.COPY;
        this.stateBeforeCancel = null;
        currentEntry().answered(RotaEntryStatus.SUPPLYING, null, when);
        fromLender(RequestAction.DELIVER_COPY, "CopyCompleted", actor, when, lender.agencyId().value()
                + " delivered the copy" + (description.partTitle() == null ? "" : " of " + description.partTitle()),
                note);
    }

    /** The lender renewed the loan (RenewResponse yes) until the date it set. */
    public void approveRenewal(Actor actor, LocalDate newDue, Instant when) {
        requireLender(actor, RequestAction.APPROVE_RENEWAL);
        require(RequestAction.APPROVE_RENEWAL);
        if (newDue == null) {
            throw new InvalidInputException("due date", "A renewal needs the new due date");
        }
        fromLender(RequestAction.APPROVE_RENEWAL, "Loaned", actor, when, "Renewed until " + newDue, null);
        this.renewals++;
        this.renewalRequested = false;
        this.dueDate = newDue;
    }

    /** The lender refused the renewal (RenewResponse no); the item stays due as it was. */
    public void denyRenewal(Actor actor, String reason, Instant when) {
        String why = reason(reason);
        requireLender(actor, RequestAction.DENY_RENEWAL);
        require(RequestAction.DENY_RENEWAL);
        fromLender(RequestAction.DENY_RENEWAL, lenderStatus, actor, when,
                "Renewal refused" + (why == null ? "" : ": " + why), null);
        this.renewalRequested = false;
    }

    /** The lender reports the loan overdue (its date, its calendar). */
    public void markOverdue(Actor actor, Instant when) {
        requireLender(actor, RequestAction.MARK_OVERDUE);
        require(RequestAction.MARK_OVERDUE);
        fromLender(RequestAction.MARK_OVERDUE, "Overdue", actor, when, "Overdue since " + dueDate, null);
    }

    /**
     * The lender recalled the item, due on the date it set. A recall never lengthens a loan here either: a later date
     * than the one already due is not taken. A renewal asked for and not yet answered is answered no by the recall.
     *
     * @return true when a renewal asked for was refused by the recall
     */
    public boolean recall(Actor actor, LocalDate newDue, Instant when, String reason) {
        String why = reason(reason);
        requireLender(actor, RequestAction.RECALL);
        require(RequestAction.RECALL);
        LocalDate due = newDue == null || dueDate != null && newDue.isAfter(dueDate) ? dueDate : newDue;
        boolean renewalRefused = renewalRequested;
        if (renewalRequested) {
            transition(RequestAction.DENY_RENEWAL, actor, when, "Renewal refused: the item is recalled", why);
            this.renewalRequested = false;
        }
        // whether the recalled loan is still overdue is the lender's call: it says so in a message of its own
        fromLender(RequestAction.RECALL, "Recalled", actor, when, "Recalled by " + lender.agencyId().value()
                + ", due " + due + (due.equals(dueDate) ? " (unchanged: a recall never lengthens a loan)" : ""), why);
        this.dueDate = due;
        return renewalRefused;
    }

    /** The lender asks the borrower to hold the return (status HoldReturn), e.g. while it is closed. */
    public void lenderHoldsReturn(Actor actor, Instant when, String note) {
        requireLender(actor, RequestAction.LENDER_HOLDS_RETURN);
        require(RequestAction.LENDER_HOLDS_RETURN);
        fromLender(RequestAction.LENDER_HOLDS_RETURN, "HoldReturn", actor, when,
                lender.agencyId().value() + " asks to hold the return for now", note);
    }

    /** The lender takes items back again (status ReleaseHoldReturn). */
    public void releaseHoldReturn(Actor actor, Instant when) {
        requireLender(actor, RequestAction.RELEASE_HOLD_RETURN);
        require(RequestAction.RELEASE_HOLD_RETURN);
        fromLender(RequestAction.RELEASE_HOLD_RETURN, "ReleaseHoldReturn", actor, when,
                lender.agencyId().value() + " takes the item back again, due " + dueDate, null);
    }

    /** The lender has the item back and closed the loan (LoanCompleted), with or without our ShippedReturn. */
    public void loanCompleted(Actor actor, Instant when) {
        requireLender(actor, RequestAction.LENDER_COMPLETES_LOAN);
        require(RequestAction.LENDER_COMPLETES_LOAN);
        boolean shipped = state == RequestState.SHIPPED_BACK || state == RequestState.SHIPPED_FORWARD;
        fromLender(RequestAction.LENDER_COMPLETES_LOAN, "LoanCompleted", actor, when, lender.agencyId().value()
                + " has the item back" + (shipped ? "" : " (the return was not recorded here)"), null);
    }

    /** The lender closed the loan without the item (CompletedWithoutReturn). */
    public void completedWithoutReturn(Actor actor, Instant when, String note) {
        requireLender(actor, RequestAction.LENDER_ENDS_WITHOUT_RETURN);
        require(RequestAction.LENDER_ENDS_WITHOUT_RETURN);
        fromLender(RequestAction.LENDER_ENDS_WITHOUT_RETURN, "CompletedWithoutReturn", actor, when,
                lender.agencyId().value() + " closed the loan without the item's return", note);
    }

    /** The lender answered the cancellation yes (CancelResponse Y). */
    public void cancelAccepted(Actor actor, Instant when) {
        requireLender(actor, RequestAction.CANCEL_ACCEPTED);
        require(RequestAction.CANCEL_ACCEPTED);
        currentEntry().answered(RotaEntryStatus.SKIPPED, "request cancelled", when);
        this.stateBeforeCancel = null;
        fromLender(RequestAction.CANCEL_ACCEPTED, "Cancelled", actor, when,
                lender.agencyId().value() + " agreed to cancel", null);
    }

    /** The lender answered the cancellation no (CancelResponse N): the request is where it was. */
    public void cancelRefused(Actor actor, String reason, Instant when) {
        String why = reason(reason);
        requireLender(actor, RequestAction.CANCEL_REFUSED);
        require(RequestAction.CANCEL_REFUSED);
        RequestState back = stateBeforeCancel == null ? RequestState.REQUEST_RECEIVED : stateBeforeCancel;
        RequestEvent event = new RequestEvent(this, when, actor.text(), RequestAction.CANCEL_REFUSED, state, back,
                lender.agencyId().value() + " refused to cancel" + (why == null ? "" : ": " + why), null);
        events.add(event);
        this.state = back;
        this.stateBeforeCancel = null;
        this.updatedAt = when;
    }

    /** A message of the lender that changes nothing here (a notification, a status answer): a line in the history. */
    public void noted(Actor actor, String what, Instant when) {
        events.add(new RequestEvent(this, when, actor.text(), RequestAction.NOTE, state, state,
                Text.cut(what, RequestEvent.MESSAGE_LENGTH), null));
        this.updatedAt = when;
    }

    /**
     * True when the request has waited past the deadline of the step expected next: the lender's answer (after being
     * asked, or after "retry possible" until the lender's retry-before), the firm answer after "expect to supply",
     * the shipment it promised, the decision on its conditions by the borrowing office or the reader, or the answer to
     * a cancellation. Each has the agreement's response time.
     */
    public boolean isPastDeadline(Instant now) {
        if (!RequestStateMachine.allows(state, RequestAction.NO_ANSWER)) {
            return false;
        }
        Instant due = currentEntry().answerDueAt();
        return due != null && now.isAfter(due);
    }

    /**
     * The deadline passed: the request leaves the current lender (so it holds none of its outstanding slots; the
     * lender is told to cancel) and the next lender is asked. A cancellation the lender did not answer in time is
     * taken as done.
     */
    public void moveOnPastDeadline(Actor actor, Instant when) {
        requireBorrowingSide(actor, RequestAction.NO_ANSWER);
        require(RequestAction.NO_ANSWER);
        RotaEntry entry = currentEntry();
        Instant due = entry.answerDueAt();
        if (!isPastDeadline(when)) {
            throw new IllRuleViolation("The request waits for its next step until " + due + "; it is " + when);
        }
        String isil = lender.agencyId().value();
        RotaEntryStatus outcome = RotaEntryStatus.NO_ANSWER;
        String why;
        String message;
        switch (state) {
            case EXPECT_TO_SUPPLY -> {
                why = "expected to supply, no further answer by " + due;
                message = isil + " expected to supply and said nothing more by " + due;
            }
            case WILL_SUPPLY -> {
                why = "promised to supply, nothing shipped by " + due;
                message = isil + " promised to supply and shipped nothing by " + due;
            }
            case RETRY_POSSIBLE -> {
                why = "retry possible, not retried by " + due;
                message = "The request was not sent to " + isil + " again by " + due;
            }
            case CONDITIONS_PROPOSED -> {
                outcome = RotaEntryStatus.CONDITIONS_DECLINED;
                why = "conditions " + conditions + " not answered by the borrowing library by " + due;
                message = "The conditions of " + isil + " were not answered by " + due;
            }
            case AWAITING_READER_CONSENT -> {
                outcome = RotaEntryStatus.CONDITIONS_DECLINED;
                why = "conditions " + conditions + " not answered by the reader by " + due;
                message = "The reader did not answer the conditions of " + isil + " by " + due;
            }
            case CANCEL_REQUESTED -> {
                outcome = RotaEntryStatus.SKIPPED;
                why = "request cancelled; no answer to the cancellation by " + due;
                message = isil + " did not answer the cancellation by " + due + ": the request is cancelled";
            }
            default -> {
                why = "no answer by " + due;
                message = isil + " did not answer by " + due;
            }
        }
        entry.answered(outcome, why, when);
        transition(RequestAction.NO_ANSWER, actor, when, message, null);
        if (state == RequestState.AWAITING_ROUTING) {
            askNextLender(actor, when);
        }
    }

    /**
     * The borrowing office stops waiting for the current lender (it does not deliver, or its agreement's limits no
     * longer hold) and the next lender is asked; the lender is told to cancel.
     */
    public void skipLender(Actor actor, String reason, Instant when) {
        String given = reason(reason);
        requireBorrowingSide(actor, RequestAction.SKIP_LENDER);
        require(RequestAction.SKIP_LENDER);
        String why = given == null ? "skipped by the borrowing library" : given;
        currentEntry().answered(RotaEntryStatus.SKIPPED, why, when);
        transition(RequestAction.SKIP_LENDER, actor, when, lender.agencyId().value() + " skipped: " + why, null);
        askNextLender(actor, when);
    }

    // ---- the borrowing library's own steps (each told to the lender where it concerns it) ----

    /** After RetryPossible without conditions: the request is sent to the same lender again, as a Retry. */
    public void sendRetry(Actor actor, Instant when) {
        requireBorrowingSide(actor, RequestAction.SEND_RETRY);
        require(RequestAction.SEND_RETRY);
        RotaEntry entry = currentEntry();
        entry.askedAgain(when, nextRequestId(entry));
        transition(RequestAction.SEND_RETRY, actor, when, "Sent to " + lender.agencyId().value() + " again (retry "
                + entry.requestingAgencyRequestId() + "), answer due by " + entry.answerDueAt(), null);
    }

    /** The lender has not answered yet: it is reminded (a Request of type Reminder); nothing else changes. */
    public void sendReminder(Actor actor, Instant when) {
        requireBorrowingSide(actor, RequestAction.SEND_REMINDER);
        transition(RequestAction.SEND_REMINDER, actor, when, lender.agencyId().value() + " reminded of the request",
                null);
    }

    /**
     * The borrowing ILL office accepts the lender's conditions; when a condition concerns the reader (use in the
     * library only, no copies, a fee they pay ...), the reader is asked, and only they can then accept. Accepting
     * sends the request to the lender again (a Retry), which is how ISO 18626 says yes to conditions.
     *
     * @return true when the reader must now be asked
     */
    public boolean acceptConditions(Actor actor, Instant when) {
        requireBorrowingSide(actor, RequestAction.ACCEPT_CONDITIONS);
        require(RequestAction.ACCEPT_CONDITIONS);
        if (conditionsConcernReader()) {
            transition(RequestAction.ASK_READER_CONSENT, actor, when, "The reader is asked to accept: " + conditions, null);
            currentEntry().nextStepDue(when);
            return true;
        }
        RotaEntry entry = currentEntry();
        entry.askedAgain(when, nextRequestId(entry));
        transition(RequestAction.ACCEPT_CONDITIONS, actor, when, "Conditions accepted: " + conditions
                + "; sent to " + lender.agencyId().value() + " again (retry " + entry.requestingAgencyRequestId() + ")",
                null);
        return false;
    }

    /** The borrowing ILL office declines the conditions: the lender is told to cancel, the next lender asked. */
    public void declineConditions(Actor actor, Instant when, String reason) {
        String given = reason(reason);
        requireBorrowingSide(actor, RequestAction.DECLINE_CONDITIONS);
        require(RequestAction.DECLINE_CONDITIONS);
        String why = "conditions " + conditions + " declined" + (given == null ? "" : ": " + given);
        currentEntry().answered(RotaEntryStatus.CONDITIONS_DECLINED, why, when);
        transition(RequestAction.DECLINE_CONDITIONS, actor, when, why, null);
        askNextLender(actor, when);
    }

    /** The reader answers the conditions passed on to them; accepting sends the request again, declining moves on. */
    public void readerAnswersConditions(Actor actor, boolean accept, Instant when) {
        requireTheReader(actor,
                accept ? RequestAction.READER_ACCEPTS_CONDITIONS : RequestAction.READER_DECLINES_CONDITIONS);
        if (accept) {
            require(RequestAction.READER_ACCEPTS_CONDITIONS);
            RotaEntry entry = currentEntry();
            entry.askedAgain(when, nextRequestId(entry));
            transition(RequestAction.READER_ACCEPTS_CONDITIONS, actor, when, "The reader accepted: " + conditions
                    + "; sent to " + lender.agencyId().value() + " again (retry " + entry.requestingAgencyRequestId()
                    + ")", null);
            return;
        }
        require(RequestAction.READER_DECLINES_CONDITIONS);
        String why = "conditions " + conditions + " declined by the reader";
        currentEntry().answered(RotaEntryStatus.CONDITIONS_DECLINED, why, when);
        transition(RequestAction.READER_DECLINES_CONDITIONS, actor, when, why, null);
        askNextLender(actor, when);
    }

    private boolean conditionsConcernReader() {
        Set<LoanCondition> set = conditionSet();
        return set.stream().anyMatch(LoanCondition::concernsReader)
                || set.contains(LoanCondition.COST) && reader.category().paysFees();
    }

    public void receive(Actor actor, Instant when) {
        requireBorrowingSide(actor, RequestAction.RECEIVE);
        transition(RequestAction.RECEIVE, actor, when, borrower.agencyId().value() + " received the item", null);
        this.receivedAt = when;
    }

    public void requestRenewal(Actor actor, Instant when) {
        requireReaderOrBorrowingSide(actor, RequestAction.REQUEST_RENEWAL);
        require(RequestAction.REQUEST_RENEWAL);
        if (renewalRequested) {
            throw new IllRuleViolation("A renewal has already been asked for and awaits the lender's answer");
        }
        transition(RequestAction.REQUEST_RENEWAL, actor, when, "Renewal asked for (due " + dueDate + ")", null);
        this.renewalRequested = true;
    }

    /** The borrowing library lends the item it received to its reader. */
    public void checkOut(Actor actor, Instant when) {
        requireBorrowingSide(actor, RequestAction.CHECK_OUT);
        require(RequestAction.CHECK_OUT);
        if (receivedAt == null) {
            throw new IllRuleViolation("The item has not been received yet: receive it before lending it to the reader")
                    .says("notReceivedYet");
        }
        if (isWithReader()) {
            throw new IllRuleViolation("The item is already lent to the reader").says("alreadyWithReader");
        }
        transition(RequestAction.CHECK_OUT, actor, when, "Lent to reader " + reader.cardNumber(), null);
        this.checkedOutAt = when;
        this.readerReturnedAt = null;
    }

    /** The reader brings the item back to the borrowing library. */
    public void checkInFromReader(Actor actor, Instant when) {
        requireBorrowingSide(actor, RequestAction.CHECK_IN_FROM_READER);
        require(RequestAction.CHECK_IN_FROM_READER);
        if (!isWithReader()) {
            throw new IllRuleViolation("The item is not lent to the reader").says("notWithReader");
        }
        transition(RequestAction.CHECK_IN_FROM_READER, actor, when, "Returned by reader " + reader.cardNumber(), null);
        this.readerReturnedAt = when;
    }

    /**
     * What may be done to the request now: what its state allows, less the steps the item's whereabouts rule out
     * (receive it once; lend it to the reader once received; ship it back only when the reader brought it back).
     */
    public java.util.Set<RequestAction> actionsNow() {
        java.util.Set<RequestAction> actions = java.util.EnumSet.noneOf(RequestAction.class);
        actions.addAll(RequestStateMachine.actionsIn(state));
        if (receivedAt != null) {
            actions.remove(RequestAction.RECEIVE);
        }
        if (receivedAt == null || isWithReader()) {
            actions.remove(RequestAction.CHECK_OUT);
        }
        if (!isWithReader()) {
            actions.remove(RequestAction.CHECK_IN_FROM_READER);
        } else {
            actions.remove(RequestAction.SHIP_BACK);
            actions.remove(RequestAction.SHIP_FORWARD);
        }
        if (renewalRequested) {
            actions.remove(RequestAction.REQUEST_RENEWAL);
        }
        return actions;
    }

    /** True while the reader has the item (checked out and not yet brought back). */
    public boolean isWithReader() {
        return checkedOutAt != null && readerReturnedAt == null;
    }

    public Instant checkedOutAt() {
        return checkedOutAt;
    }

    public void shipBack(Actor actor, Instant when, String note) {
        requireBorrowingSide(actor, RequestAction.SHIP_BACK);
        if (isWithReader()) {
            throw new IllRuleViolation("The reader still has the item: check it in from the reader before shipping it"
                    + " back").says("stillWithReader");
        }
        transition(RequestAction.SHIP_BACK, actor, when, borrower.agencyId().value() + " shipped the item back", note);
    }

    /** The item goes on to another library instead of back to the lender (ShippedForward). */
    public void shipForward(Actor actor, Instant when, String note) {
        requireBorrowingSide(actor, RequestAction.SHIP_FORWARD);
        transition(RequestAction.SHIP_FORWARD, actor, when, borrower.agencyId().value()
                + " shipped the item forward to another library", note);
    }

    /** The borrowing library cannot send the item back now (e.g. it is closed) and tells the lender (HoldReturn). */
    public void holdReturn(Actor actor, Instant when, String note) {
        requireBorrowingSide(actor, RequestAction.HOLD_RETURN);
        transition(RequestAction.HOLD_RETURN, actor, when, borrower.agencyId().value() + " holds the return for now",
                note);
    }

    /** The item is lost on the borrowing side (or on its way back): the lender is told (Lost). */
    public void reportLost(Actor actor, Instant when, String note) {
        requireBorrowingSide(actor, RequestAction.REPORT_LOST);
        transition(RequestAction.REPORT_LOST, actor, when, "Item reported lost", note);
    }

    /**
     * The reader or their ILL office withdraws the request: at once while no lender has it; otherwise the lender is
     * asked (Cancel) and its CancelResponse decides.
     */
    public void cancel(Actor actor, Instant when, String reason) {
        String why = reason(reason);
        requireReaderOrBorrowingSide(actor, RequestAction.CANCEL);
        require(RequestAction.CANCEL);
        RequestState before = state;
        transition(RequestAction.CANCEL, actor, when, state.isWithLender()
                ? "Cancellation asked of " + lender.agencyId().value() : "Cancelled", why);
        if (state == RequestState.CANCEL_REQUESTED) {
            this.stateBeforeCancel = before;
            currentEntry().nextStepDue(when);
        }
    }

    /** The id of the next ISO 18626 transaction with the entry's lender (a first ask, or a retry). */
    private String nextRequestId(RotaEntry entry) {
        return id + "-" + entry.position() + (entry.sends() == 0 ? "" : "-" + (entry.sends() + 1));
    }

    /** A step reported by the lender's message: the state changes, and the status it reported is remembered. */
    private void fromLender(RequestAction action, String status, Actor actor, Instant when, String message,
                            String note) {
        transition(action, actor, when, message, note);
        if (status != null) {
            this.lenderStatus = status;
        }
    }

    /** Refuses an action the state does not allow before anything is changed. */
    private void require(RequestAction action) {
        if (!RequestStateMachine.allows(state, action)) {
            throw new IllegalTransitionException(state, action);
        }
    }

    private void transition(RequestAction action, Actor actor, Instant when, String message, String note) {
        RequestState from = state;
        RequestState to = RequestStateMachine.next(from, action);
        RequestEvent event = new RequestEvent(this, when, actor.text(), action, from, to, message, note);
        this.state = to;
        this.updatedAt = when;
        events.add(event);
    }

    /** A reason staff or a partner gave, checked before anything changes; null when none was given. */
    private static String reason(String reason) {
        return Text.optional("reason", reason, REASON_LENGTH);
    }

    /**
     * Only the lender asked speaks on the lending side, through its messages: the lender's staff work on their own
     * library's record of the request, never on this one.
     */
    private void requireLender(Actor actor, RequestAction action) {
        if (lender != null && actor instanceof Actor.Partner && actor.speaksFor(lender.agencyId())) {
            return;
        }
        String notLender = "only the lender's messages may";
        if (actor instanceof Actor.Partner partner) {
            // naming the lender that is asked only makes sense after "... is not the lender"
            notLender = partner.agency().value() + " is not the lender of this request"
                    + (lender == null ? "" : "; " + lender.agencyId().value() + " is");
        } else if (actor instanceof Actor.Staff staff && lender != null && staff.speaksFor(lender.agencyId())) {
            notLender = "the lender's staff work on their own library's record of the request";
        }
        throw new NotAllowedException(actor.text() + " cannot " + action.words() + ": " + notLender);
    }

    /** The borrowing library's side: its staff, its own system, or the clock. */
    private void requireBorrowingSide(Actor actor, RequestAction action) {
        if (actor instanceof Actor.System || actor.speaksFor(borrower.agencyId())) {
            return;
        }
        if (actor instanceof Actor.Reader) {
            throw new NotAllowedException(actor.text() + " cannot " + action.words()
                    + ": the borrowing library's ILL office does that");
        }
        throw new NotAllowedException(actor.text() + " cannot " + action.words() + ": request #" + id
                + " is handled by the borrowing library " + borrower.agencyId().value());
    }

    /** The reader who applied, or the borrowing library's side for them. */
    private void requireReaderOrBorrowingSide(Actor actor, RequestAction action) {
        if (actor instanceof Actor.Reader) {
            requireTheReader(actor, action);
        } else {
            requireBorrowingSide(actor, action);
        }
    }

    /** Only the reader who applied; card numbers are unique within a library only, so both must match. */
    private void requireTheReader(Actor actor, RequestAction action) {
        if (actor instanceof Actor.Reader applicant && applicant.library().equals(borrower.agencyId())
                && applicant.cardNumber().equals(reader.cardNumber())) {
            return;
        }
        throw new NotAllowedException(actor instanceof Actor.Reader ? "Request #" + id + " is not yours"
                : actor.text() + " cannot " + action.words() + ": only the reader may");
    }

    private void requireService(ServiceType supplied, RequestAction action) {
        if (!serviceType.includes(supplied)) {
            throw new IllRuleViolation("Cannot " + action.words() + " for a " + serviceType.iso18626() + " request");
        }
    }

    /** The rota entry of the lender that has the request now (its current ISO 18626 transaction). */
    public RotaEntry currentEntry() {
        return rota.stream()
                .filter(entry -> entry.status() != RotaEntryStatus.WAITING)
                .filter(entry -> lender != null && entry.lender().agencyId().equals(lender.agencyId()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllRuleViolation("The request has not been sent to a lender"));
    }

    private void clearConditions() {
        this.conditions = null;
        this.conditionCost = null;
        this.conditionCurrency = null;
    }

    public Set<LoanCondition> conditionSet() {
        return LoanCondition.parse(conditions);
    }

    /** The agreement under which the current lender supplies, if a lender is asked. */
    public Optional<PartnerAgreement> currentAgreement() {
        return lender == null ? Optional.empty() : Optional.of(currentEntry().agreement());
    }

    public Long id() {
        return id;
    }

    public ReaderTerms readerTerms() {
        return readerTerms == null ? ReaderTerms.NONE : readerTerms;
    }

    public org.openill.domain.library.Branch pickupBranch() {
        return pickupBranch;
    }

    public long version() {
        return version;
    }

    public Library borrower() {
        return borrower;
    }

    public Reader reader() {
        return reader;
    }

    public BibliographicRecord record() {
        return record;
    }

    public BibliographicDescription description() {
        return description;
    }

    public ServiceType serviceType() {
        return serviceType;
    }

    public RequestState state() {
        return state;
    }

    public Library lender() {
        return lender;
    }

    public List<RotaEntry> rota() {
        return Collections.unmodifiableList(rota);
    }

    public RequestState stateBeforeCancel() {
        return stateBeforeCancel;
    }

    public String lenderStatus() {
        return lenderStatus;
    }

    public String itemId() {
        return itemId;
    }

    public ServiceType suppliedAs() {
        return suppliedAs;
    }

    /** The rota entry whose ISO 18626 transaction has the id, if it is one of this request's. */
    public Optional<RotaEntry> entryWithRequestId(String requestingAgencyRequestId) {
        return rota.stream().filter(entry -> requestingAgencyRequestId.equals(entry.requestingAgencyRequestId()))
                .findFirst();
    }

    public BigDecimal conditionCost() {
        return conditionCost;
    }

    public String conditionCurrency() {
        return conditionCurrency;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public int renewals() {
        return renewals;
    }

    public boolean renewalRequested() {
        return renewalRequested;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String unfilledReasons() {
        return unfilledReasons;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<RequestEvent> events() {
        return Collections.unmodifiableList(events);
    }
}

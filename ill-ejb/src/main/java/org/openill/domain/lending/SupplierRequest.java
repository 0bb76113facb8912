package org.openill.domain.lending;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
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
import org.openill.domain.agreement.SupplyRule;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.LoanCondition;
import org.openill.domain.request.ServiceType;

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
 * The lending library's record of a request (the supplier side of ISO 18626): a request a requesting agency sent to
 * this library, which it answers, supplies, renews, recalls and checks in by its own workflow. The borrower may be a
 * library hosted here or a partner hosted elsewhere; no reader of this library is involved. It is identified towards
 * the borrower by the borrower's agency id and request id, and its own id ({@link #supplyingAgencyRequestId()}).
 * Changed only by the lender's staff and clock, and by what the borrower's messages ask; every change goes through
 * {@link SupplierStateMachine} and leaves a line in its history.
 */
@Entity
@Table(name = "supplier_request")
// the same sequence as the borrowing records, so that a request number names one record whichever side it is
@SequenceGenerator(name = "supplier_request_seq", sequenceName = "ill_request_seq", allocationSize = 50)
public class SupplierRequest {

    public static final int REQUEST_ID_LENGTH = 100;
    public static final int REASON_LENGTH = 1000;
    public static final int CONDITIONS_LENGTH = 300;
    public static final int PATRON_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "supplier_request_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lender_id")
    private Library lender;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "type", column = @Column(name = "requesting_agency_type", nullable = false,
                    length = AgencyId.TYPE_LENGTH)),
            @AttributeOverride(name = "value", column = @Column(name = "requesting_agency_value", nullable = false,
                    length = AgencyId.VALUE_LENGTH))})
    private AgencyId requestingAgency;

    /** The requesting library when it is a library of the network directory; its agreement sets the terms. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "borrower_id")
    private Library borrower;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id")
    private PartnerAgreement agreement;

    @Column(name = "requesting_agency_request_id", nullable = false, length = REQUEST_ID_LENGTH)
    private String requestingAgencyRequestId;

    @Column(name = "previous_request_id", length = REQUEST_ID_LENGTH)
    private String previousRequestId;

    @Column(name = "patron", length = PATRON_LENGTH)
    private String patron;

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
    private SupplierState state;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supplied_holding_id")
    private Holding suppliedHolding;

    @Enumerated(EnumType.STRING)
    @Column(name = "supplied_as", length = 20)
    private ServiceType suppliedAs;

    /** Conditions offered with RetryPossible, as ISO 18626 names separated by commas; accepted by a Retry. */
    @Column(length = CONDITIONS_LENGTH)
    private String conditions;

    @Column(name = "offered_cost", precision = 12, scale = 2)
    private BigDecimal offeredCost;

    @Column(name = "offered_currency", length = 3)
    private String offeredCurrency;

    @Column(name = "conditions_accepted", nullable = false)
    private boolean conditionsAccepted;

    @Column(name = "retry_before")
    private Instant retryBefore;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(nullable = false)
    private int renewals;

    @Column(name = "renewal_pending", nullable = false)
    private boolean renewalPending;

    @Column(name = "borrower_received_at")
    private Instant borrowerReceivedAt;

    /** When the loan was shipped or the copy delivered. */
    @Column(name = "shipped_at")
    private Instant shippedAt;

    @Column(length = REASON_LENGTH)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
    @OrderBy("occurredAt, id")
    private List<SupplierEvent> events = new ArrayList<>();

    @Version
    private long version;

    protected SupplierRequest() {
        // for JPA
    }

    /**
     * A request arrives from a requesting agency.
     *
     * @param borrower  the requesting library when the directory knows it, else null
     * @param agreement the partner agreement under which this lender supplies that borrower, if one is in force
     */
    public SupplierRequest(Actor actor, Library lender, AgencyId requestingAgency, String requestingAgencyRequestId,
                           Library borrower, PartnerAgreement agreement, BibliographicRecord record,
                           BibliographicDescription description, ServiceType serviceType, String patron, Instant when) {
        if (lender == null || requestingAgency == null || description == null || serviceType == null) {
            throw new IllRuleViolation("A request needs the lender, the requesting agency, a description and a service");
        }
        if (requestingAgency.equals(lender.agencyId())) {
            throw new IllRuleViolation(lender.agencyId().value() + " cannot ask itself for an interlibrary loan");
        }
        this.requestingAgencyRequestId = Text.required("requesting agency request id", requestingAgencyRequestId,
                REQUEST_ID_LENGTH);
        this.patron = Text.cut(patron, PATRON_LENGTH);
        this.lender = lender;
        this.requestingAgency = requestingAgency;
        this.borrower = borrower;
        this.agreement = agreement;
        this.record = record;
        this.description = description;
        this.serviceType = serviceType;
        this.state = SupplierState.NEW;
        this.createdAt = when;
        this.updatedAt = when;
        events.add(new SupplierEvent(this, when, actor.text(), SupplierAction.RECEIVE_REQUEST, null, SupplierState.NEW,
                serviceType.iso18626() + " request " + requestingAgencyRequestId + " from " + requestingAgency.value()
                        + " for \"" + description.title() + "\"", null));
    }

    /** The lender's id of the transaction, told to the borrower in every supplying agency message. */
    public String supplyingAgencyRequestId() {
        return id == null ? null : "S" + id;
    }

    /** The borrower sends the request again after RetryPossible: its new id, and the conditions offered accepted. */
    public void retryReceived(Actor borrowerSide, String newRequestId, Instant when) {
        requireBorrower(borrowerSide, SupplierAction.RECEIVE_RETRY);
        String id = Text.required("requesting agency request id", newRequestId, REQUEST_ID_LENGTH);
        boolean withConditions = conditions != null;
        transition(SupplierAction.RECEIVE_RETRY, borrowerSide, when, "Request sent again as " + id
                + (withConditions ? ", accepting the conditions " + conditions : ""), null);
        this.previousRequestId = requestingAgencyRequestId;
        this.requestingAgencyRequestId = id;
        this.conditionsAccepted = withConditions;
        this.retryBefore = null;
    }

    public void reminderReceived(Actor borrowerSide, Instant when) {
        requireBorrower(borrowerSide, SupplierAction.RECEIVE_REMINDER);
        transition(SupplierAction.RECEIVE_REMINDER, borrowerSide, when, requestingAgency.value()
                + " reminds the lender of the request", null);
    }

    public void expectToSupply(Actor staff, Instant when, String note) {
        requireLender(staff, SupplierAction.ANSWER_EXPECT_TO_SUPPLY);
        transition(SupplierAction.ANSWER_EXPECT_TO_SUPPLY, staff, when, "Expects to supply", note);
    }

    /**
     * The lender promises to supply; it must hold a copy it may supply ({@link SupplyRule}), unless the item is known
     * only by the borrower's description and the lender identifies it itself.
     */
    public void willSupply(Actor staff, List<Holding> lendersCopies, Instant when, String note) {
        requireLender(staff, SupplierAction.ANSWER_WILL_SUPPLY);
        require(SupplierAction.ANSWER_WILL_SUPPLY);
        requireSuppliableCopyAmong(lendersCopies, when);
        transition(SupplierAction.ANSWER_WILL_SUPPLY, staff, when, "Will supply", note);
    }

    /**
     * The lender cannot supply as asked but could: later (between the instants given), or on conditions and costs
     * the borrower must accept by sending the request again. Conditions need a copy the lender may supply.
     */
    public void retryPossible(Actor staff, String reasonRetry, Set<LoanCondition> offered, BigDecimal cost,
                              String currency, Instant retryBefore, List<Holding> lendersCopies, Instant when) {
        String why = Text.optional("reason", reasonRetry, REASON_LENGTH);
        requireLender(staff, SupplierAction.ANSWER_RETRY_POSSIBLE);
        require(SupplierAction.ANSWER_RETRY_POSSIBLE);
        if (cost != null && cost.signum() < 0) {
            throw new InvalidInputException("cost", "A cost cannot be negative");
        }
        if (retryBefore != null && !retryBefore.isAfter(when)) {
            throw new InvalidInputException("retry before", "The borrower must have time to retry: " + retryBefore
                    + " has passed");
        }
        EnumSet<LoanCondition> all = offered == null || offered.isEmpty() ? EnumSet.noneOf(LoanCondition.class)
                : EnumSet.copyOf(offered);
        if (cost != null && cost.signum() > 0) {
            all.add(LoanCondition.COST);
        }
        if (!all.isEmpty()) {
            requireSuppliableCopyAmong(lendersCopies, when);
        }
        if (why == null && all.isEmpty()) {
            throw new InvalidInputException("reason", "Say why the borrower should retry, or offer conditions");
        }
        this.conditions = all.isEmpty() ? null : all.stream().map(LoanCondition::iso18626).collect(Collectors.joining(","));
        this.offeredCost = cost != null && cost.signum() > 0 ? cost : null;
        this.offeredCurrency = offeredCost == null ? null : currency;
        this.conditionsAccepted = false;
        this.retryBefore = retryBefore;
        this.reason = why;
        transition(SupplierAction.ANSWER_RETRY_POSSIBLE, staff, when, "Retry possible"
                + (why == null ? "" : ": " + why)
                + (conditions == null ? "" : "; conditions " + conditions)
                + (offeredCost == null ? "" : " (cost " + offeredCost + " " + offeredCurrency + ")"), null);
    }

    public void unfilled(Actor staff, String reasonUnfilled, Instant when) {
        String why = Text.optional("reason", reasonUnfilled, REASON_LENGTH);
        requireLender(staff, SupplierAction.ANSWER_UNFILLED);
        this.reason = why;
        transition(SupplierAction.ANSWER_UNFILLED, staff, when, "Unfilled" + (why == null ? "" : ": " + why), null);
    }

    /** Ships a returnable item from a copy it may supply; due back after the agreement's loan period. */
    public LocalDate shipLoan(Actor staff, Holding holding, Instant when) {
        requireLender(staff, SupplierAction.SHIP_LOAN);
        require(SupplierAction.SHIP_LOAN);
        requireService(ServiceType.LOAN, SupplierAction.SHIP_LOAN);
        requireSuppliable(holding, ServiceType.LOAN, when);
        this.suppliedHolding = holding;
        this.suppliedAs = ServiceType.LOAN;
        this.dueDate = lenderToday(when).plusDays(terms().loanPeriodDays());
        holding.lend();
        this.shippedAt = when;
        transition(SupplierAction.SHIP_LOAN, staff, when, "Shipped " + holding.barcode() + ", due back " + dueDate,
                null);
        return dueDate;
    }

    /** Delivers the copy (article or chapter) made from one of its items; nothing comes back. */
    public void deliverCopy(Actor staff, Holding holding, Instant when, String note) {
        requireLender(staff, SupplierAction.DELIVER_COPY);
        require(SupplierAction.DELIVER_COPY);
        requireService(ServiceType.COPY, SupplierAction.DELIVER_COPY);
        requireSuppliable(holding, ServiceType.COPY, when);
        this.suppliedHolding = holding;
        this.suppliedAs = ServiceType.COPY;
        this.shippedAt = when;
        transition(SupplierAction.DELIVER_COPY, staff, when, "Delivered the copy made from " + holding.barcode(), note);
    }

    /**
     * The borrower asks to cancel: yes while nothing has left the shelf, no once it has (or the record is closed).
     *
     * @return the answer
     */
    public boolean cancelAsked(Actor borrowerSide, Instant when, String note) {
        requireBorrower(borrowerSide, SupplierAction.CANCEL_YES);
        if (!SupplierStateMachine.allows(state, SupplierAction.CANCEL_YES)) {
            events.add(new SupplierEvent(this, when, borrowerSide.text(), SupplierAction.NOTE, state, state,
                    "Cancellation asked and refused: the request is " + state.iso18626(), Text.cut(note, 2000)));
            this.updatedAt = when;
            return false;
        }
        transition(SupplierAction.CANCEL_YES, borrowerSide, when, "Cancelled at the borrower's request",
                Text.cut(note, 2000));
        return true;
    }

    public void borrowerReceived(Actor borrowerSide, Instant when) {
        requireBorrower(borrowerSide, SupplierAction.BORROWER_RECEIVED);
        transition(SupplierAction.BORROWER_RECEIVED, borrowerSide, when, requestingAgency.value()
                + " received the item", null);
        this.borrowerReceivedAt = when;
    }

    public void renewalAsked(Actor borrowerSide, Instant when) {
        requireBorrower(borrowerSide, SupplierAction.RENEWAL_ASKED);
        require(SupplierAction.RENEWAL_ASKED);
        if (renewalPending) {
            throw new IllRuleViolation("A renewal has already been asked for and awaits the lender's answer");
        }
        transition(SupplierAction.RENEWAL_ASKED, borrowerSide, when, "Renewal asked for (due " + dueDate + ")", null);
        this.renewalPending = true;
    }

    /** Renews by the agreement's loan period, within the renewals it allows; returns the new due date. */
    public LocalDate renew(Actor staff, Instant when) {
        requireLender(staff, SupplierAction.RENEW_YES);
        require(SupplierAction.RENEW_YES);
        if (!renewalPending) {
            throw new IllRuleViolation("No renewal has been asked for");
        }
        PartnerAgreement terms = terms();
        if (renewals >= terms.maxRenewals()) {
            throw new IllRuleViolation("The partner agreement allows " + terms.maxRenewals() + " renewal(s) and "
                    + renewals + " have been granted");
        }
        LocalDate newDue = dueDate.plusDays(terms.loanPeriodDays());
        transition(SupplierAction.RENEW_YES, staff, when, "Renewed until " + newDue, null);
        this.renewals++;
        this.renewalPending = false;
        this.dueDate = newDue;
        return newDue;
    }

    public void refuseRenewal(Actor staff, String reasonNo, Instant when) {
        String why = Text.optional("reason", reasonNo, REASON_LENGTH);
        requireLender(staff, SupplierAction.RENEW_NO);
        require(SupplierAction.RENEW_NO);
        if (!renewalPending) {
            throw new IllRuleViolation("No renewal has been asked for");
        }
        transition(SupplierAction.RENEW_NO, staff, when, "Renewal refused" + (why == null ? "" : ": " + why), null);
        this.renewalPending = false;
    }

    /** True when the item is out (or recalled) and its due date has passed by the lender's date at the instant. */
    public boolean isOverdueAt(Instant now) {
        return SupplierStateMachine.allows(state, SupplierAction.MARK_OVERDUE)
                && dueDatePassed(dueDate, lender.timeZone(), now);
    }

    /** A due date passes at the lender's midnight, whatever the date is where the server runs. */
    public static boolean dueDatePassed(LocalDate dueDate, ZoneId lenderZone, Instant now) {
        return dueDate != null && LocalDate.ofInstant(now, lenderZone).isAfter(dueDate);
    }

    public void markOverdue(Actor actor, Instant when) {
        if (!(actor instanceof Actor.System)) {
            requireLender(actor, SupplierAction.MARK_OVERDUE);
        }
        require(SupplierAction.MARK_OVERDUE);
        if (!dueDatePassed(dueDate, lender.timeZone(), when)) {
            throw new IllRuleViolation("The loan is due " + dueDate + ", not overdue on " + lenderToday(when) + " at "
                    + lender.agencyId().value());
        }
        transition(SupplierAction.MARK_OVERDUE, actor, when, "Overdue since " + dueDate, null);
    }

    /**
     * The lender needs the item back within the given number of days, counted from its own date. A recall only ever
     * brings the due date forward: it never lengthens a loan, and a loan already overdue stays overdue. A renewal
     * asked for and not yet answered is refused, with the recall as the reason.
     *
     * @return true when a pending renewal was refused by the recall
     */
    public boolean recall(Actor staff, int daysToReturn, Instant when, String note) {
        String why = Text.optional("reason", note, REASON_LENGTH);
        requireLender(staff, SupplierAction.RECALL);
        require(SupplierAction.RECALL);
        if (daysToReturn < 1) {
            throw new InvalidInputException("days to return", "A recall gives the borrower at least one day to "
                    + "return the item; " + daysToReturn + " day(s) cannot be given");
        }
        LocalDate asked = lenderToday(when).plusDays(daysToReturn);
        LocalDate newDue = asked.isBefore(dueDate) ? asked : dueDate;
        boolean renewalRefused = renewalPending;
        if (renewalPending) {
            transition(SupplierAction.RENEW_NO, staff, when, "Renewal refused: the item is recalled", why);
            this.renewalPending = false;
        }
        transition(SupplierAction.RECALL, staff, when, "Recalled, due " + newDue
                + (newDue.equals(dueDate) ? " (unchanged: a recall never lengthens a loan)" : ""), why);
        this.dueDate = newDue;
        if (dueDatePassed(dueDate, lender.timeZone(), when)) {
            transition(SupplierAction.MARK_OVERDUE, staff, when, "Overdue since " + dueDate + ", and recalled", null);
        }
        return renewalRefused;
    }

    /** The return is held: asked by the borrower (it cannot send the item now), or by the lender (it is closed). */
    public void holdReturn(Actor actor, Instant when, String note) {
        requireEitherSide(actor, SupplierAction.PUT_RETURN_ON_HOLD);
        transition(SupplierAction.PUT_RETURN_ON_HOLD, actor, when, "Return on hold", note);
    }

    /** The lender can take the item back again; the loan is overdue at once if its due date has passed. */
    public void releaseHoldReturn(Actor staff, Instant when) {
        requireLender(staff, SupplierAction.RELEASE_HOLD_RETURN);
        transition(SupplierAction.RELEASE_HOLD_RETURN, staff, when, "The item may be returned, due " + dueDate, null);
        if (dueDatePassed(dueDate, lender.timeZone(), when)) {
            transition(SupplierAction.MARK_OVERDUE, staff, when, "Overdue since " + dueDate, null);
        }
    }

    public void borrowerShippedReturn(Actor borrowerSide, Instant when, String note) {
        requireBorrower(borrowerSide, SupplierAction.BORROWER_SHIPPED_RETURN);
        transition(SupplierAction.BORROWER_SHIPPED_RETURN, borrowerSide, when, requestingAgency.value()
                + " shipped the item back", note);
    }

    public void borrowerShippedForward(Actor borrowerSide, Instant when, String note) {
        requireBorrower(borrowerSide, SupplierAction.BORROWER_SHIPPED_FORWARD);
        transition(SupplierAction.BORROWER_SHIPPED_FORWARD, borrowerSide, when, requestingAgency.value()
                + " shipped the item forward to another library", note);
    }

    /** The item is back on the lender's shelf: with or without the borrower's word that it was shipped. */
    public void checkIn(Actor staff, Instant when) {
        requireLender(staff, SupplierAction.CHECK_IN);
        transition(SupplierAction.CHECK_IN, staff, when, "Checked in" + (state == SupplierState.RETURN_SHIPPED ? ""
                : " (the borrower had not said it shipped the item back)"), null);
        suppliedHolding.returnToShelf();
    }

    /** The borrower reports the item lost: it is missing from the lender's shelf for good. */
    public void borrowerLost(Actor borrowerSide, Instant when, String note) {
        requireBorrower(borrowerSide, SupplierAction.BORROWER_LOST);
        transition(SupplierAction.BORROWER_LOST, borrowerSide, when, requestingAgency.value()
                + " reports the item lost", note);
        suppliedHolding.markMissing();
    }

    /** The lender closes the loan without the item (it will not come back, e.g. long overdue or lost in transit). */
    public void completeWithoutReturn(Actor staff, Instant when, String note) {
        String why = Text.optional("reason", note, REASON_LENGTH);
        requireLender(staff, SupplierAction.COMPLETE_WITHOUT_RETURN);
        transition(SupplierAction.COMPLETE_WITHOUT_RETURN, staff, when, "Completed without return", why);
        suppliedHolding.markMissing();
    }

    /** A status request or a notification leaves a line in the history without changing the state. */
    public void noted(Actor actor, String what, Instant when) {
        events.add(new SupplierEvent(this, when, actor.text(), SupplierAction.NOTE, state, state,
                Text.cut(what, SupplierEvent.MESSAGE_LENGTH), null));
        this.updatedAt = when;
    }

    /** The terms this lender supplies under: the partner agreement with the borrower. */
    public PartnerAgreement terms() {
        if (agreement == null) {
            throw new IllRuleViolation(lender.agencyId().value() + " has no partner agreement with "
                    + requestingAgency.value() + ": it cannot supply under any terms");
        }
        return agreement;
    }

    private void require(SupplierAction action) {
        if (!SupplierStateMachine.allows(state, action)) {
            throw new IllegalSupplierTransitionException(state, action);
        }
    }

    private void transition(SupplierAction action, Actor actor, Instant when, String message, String note) {
        SupplierState from = state;
        SupplierState to = SupplierStateMachine.next(from, action);
        events.add(new SupplierEvent(this, when, actor.text(), action, from, to, message, note));
        this.state = to;
        this.updatedAt = when;
    }

    /**
     * Only the lender: its staff, or the system (its clock). Partners speak ISO 18626 to this record only as the
     * borrower; the lender's own partner identity makes no step here.
     */
    private void requireLender(Actor actor, SupplierAction action) {
        if (actor instanceof Actor.System || actor instanceof Actor.Staff && actor.speaksFor(lender.agencyId())) {
            return;
        }
        throw new NotAllowedException(actor.text() + " cannot " + action.words() + ": lending record #" + id
                + " is handled by " + lender.agencyId().value());
    }

    /**
     * Only the requesting agency, through its messages (a partner): the borrower's staff work on their own library's
     * record of the request, never on this one.
     */
    private void requireBorrower(Actor actor, SupplierAction action) {
        if (isRequestingAgency(actor)) {
            return;
        }
        throw new NotAllowedException(actor.text() + " cannot " + action.words() + ": only the messages of "
                + requestingAgency.value() + ", which asked, may");
    }

    private boolean isRequestingAgency(Actor actor) {
        return actor instanceof Actor.Partner && actor.speaksFor(requestingAgency);
    }

    private void requireEitherSide(Actor actor, SupplierAction action) {
        if (isRequestingAgency(actor)) {
            return;
        }
        requireLender(actor, action);
    }

    private void requireService(ServiceType supplied, SupplierAction action) {
        if (!serviceType.includes(supplied)) {
            throw new IllRuleViolation("Cannot " + action.words() + " for a " + serviceType.iso18626() + " request");
        }
    }

    /** The supplied copy: the lender's own, of the item asked for, suppliable under the agreement by the one rule. */
    private void requireSuppliable(Holding holding, ServiceType supplied, Instant when) {
        if (!holding.location().branch().library().agencyId().equals(lender.agencyId())) {
            throw new IllRuleViolation("Holding " + holding.barcode() + " is not held by " + lender.agencyId().value());
        }
        if (record != null && !sameWork(record, holding.record())) {
            throw new IllRuleViolation("Holding " + holding.barcode() + " is a copy of another work, not of \""
                    + description.title() + "\"");
        }
        SupplyRule.check(holding, terms(), supplied, lenderToday(when));
    }

    /** Refuses a promise when none of the lender's copies may be supplied, saying why for each. */
    private void requireSuppliableCopyAmong(List<Holding> lendersCopies, Instant when) {
        if (record == null) {
            return; // described by the borrower only: the lender identifies the item itself
        }
        whyNoCopyCanBeSupplied(lendersCopies, when).ifPresent(refusal -> {
            throw new IllRuleViolation(refusal.message());
        });
    }

    /**
     * Why the lender cannot supply the item asked for from its copies today, by the one {@link SupplyRule}; empty
     * when one of them may be supplied. An item known only by the borrower's description is not held, as far as the
     * lender's catalogue can tell.
     */
    public Optional<NoCopy> whyNoCopyCanBeSupplied(List<Holding> lendersCopies, Instant when) {
        String isil = lender.agencyId().value();
        if (record == null) {
            return Optional.of(new NoCopy(NoCopy.NOT_HELD, isil + " has no record of the item in its catalogue"));
        }
        PartnerAgreement terms = terms();
        List<SupplyRule.Refusal> refusals = new ArrayList<>();
        for (Holding holding : lendersCopies) {
            if (!holding.location().branch().library().agencyId().equals(lender.agencyId())
                    || !sameWork(record, holding.record())) {
                continue;
            }
            for (ServiceType concrete : serviceType.concrete()) {
                Optional<SupplyRule.Refusal> refusal = SupplyRule.refusal(holding, terms, concrete, lenderToday(when));
                if (refusal.isEmpty()) {
                    return Optional.empty();
                }
                refusals.add(refusal.get());
            }
        }
        if (refusals.isEmpty()) {
            return Optional.of(new NoCopy(NoCopy.NOT_HELD, isil + " holds no copy it may supply through interlibrary loan"));
        }
        if (refusals.stream().allMatch(r -> r.reason() == SupplyRule.Reason.REFERENCE_ROOM)) {
            return Optional.of(new NoCopy(NoCopy.NON_CIRCULATING, isil + " holds it only in a reference room, which "
                    + "never lends through interlibrary loan"));
        }
        String code = refusals.stream().allMatch(r -> r.reason() == SupplyRule.Reason.NOT_ON_SHELF)
                ? NoCopy.NOT_ON_SHELF : refusals.stream().anyMatch(r -> r.reason() == SupplyRule.Reason.AGREEMENT_TERMS
                || r.reason() == SupplyRule.Reason.COLLECTION_EXCLUDED) ? NoCopy.POLICY_PROBLEM : NoCopy.NON_CIRCULATING;
        return Optional.of(new NoCopy(code, isil + " holds no copy it may supply through interlibrary loan: "
                + refusals.stream().map(SupplyRule.Refusal::message).distinct().collect(Collectors.joining("; "))));
    }

    /** Why no copy can be supplied: the ISO 18626 reasonUnfilled code, and the words for people. */
    public record NoCopy(String reasonUnfilled, String message) {

        public NoCopy {
            message = Text.cut(message, REASON_LENGTH);
        }

        public static final String NOT_HELD = "NotHeld";
        public static final String NOT_ON_SHELF = "NotOnShelf";
        public static final String NON_CIRCULATING = "NonCirculating";
        public static final String POLICY_PROBLEM = "PolicyProblem";
    }

    private static boolean sameWork(BibliographicRecord one, BibliographicRecord other) {
        return one == other || one.id() != null && one.id().equals(other.id());
    }

    private LocalDate lenderToday(Instant when) {
        return LocalDate.ofInstant(when, lender.timeZone());
    }

    /** What staff may do to the record now: what its state allows, renewals only while one is asked for. */
    public Set<SupplierAction> actionsNow() {
        Set<SupplierAction> actions = java.util.EnumSet.noneOf(SupplierAction.class);
        actions.addAll(SupplierStateMachine.actionsIn(state));
        if (!renewalPending) {
            actions.remove(SupplierAction.RENEW_YES);
            actions.remove(SupplierAction.RENEW_NO);
        }
        return actions;
    }

    public Set<LoanCondition> conditionSet() {
        return LoanCondition.parse(conditions);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Library lender() {
        return lender;
    }

    public AgencyId requestingAgency() {
        return requestingAgency;
    }

    public Library borrower() {
        return borrower;
    }

    public Optional<PartnerAgreement> agreement() {
        return Optional.ofNullable(agreement);
    }

    public String requestingAgencyRequestId() {
        return requestingAgencyRequestId;
    }

    public String previousRequestId() {
        return previousRequestId;
    }

    public String patron() {
        return patron;
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

    public SupplierState state() {
        return state;
    }

    public Holding suppliedHolding() {
        return suppliedHolding;
    }

    public ServiceType suppliedAs() {
        return suppliedAs;
    }

    public BigDecimal offeredCost() {
        return offeredCost;
    }

    public String offeredCurrency() {
        return offeredCurrency;
    }

    public boolean conditionsAccepted() {
        return conditionsAccepted;
    }

    public Instant retryBefore() {
        return retryBefore;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public int renewals() {
        return renewals;
    }

    public boolean renewalPending() {
        return renewalPending;
    }

    public Instant borrowerReceivedAt() {
        return borrowerReceivedAt;
    }

    public Instant shippedAt() {
        return shippedAt;
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<SupplierEvent> events() {
        return Collections.unmodifiableList(events);
    }
}

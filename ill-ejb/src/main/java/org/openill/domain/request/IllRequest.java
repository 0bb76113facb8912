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
import org.openill.domain.agreement.SupplyRule;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.Holding;
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
 * An interlibrary loan request: a reader of the borrowing library asks, through its ILL office, for a loan or a copy
 * of an item that partner libraries (the rota of lenders) may supply. One object holds both sides of the transaction;
 * every change goes through {@link RequestStateMachine} and leaves a line in the audit trail.
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
    @Column(name = "service_type", nullable = false, length = 10)
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

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supplied_holding_id")
    private Holding suppliedHolding;

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
        if (reader == null || description == null || serviceType == null) {
            throw new IllRuleViolation("A request needs a reader, a description and a service type");
        }
        String insufficiency = description.insufficiencyFor(serviceType);
        if (insufficiency != null) {
            throw new IllRuleViolation("The bibliographic data cannot identify the item: " + insufficiency);
        }
        this.reader = reader;
        this.borrower = reader.homeLibrary();
        requireReaderOrBorrowingSide(actor, RequestAction.SUBMIT);
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
            entry.asked(when);
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

    public void expectToSupply(Actor actor, Instant when, String note) {
        requireLender(actor, RequestAction.ANSWER_EXPECT_TO_SUPPLY);
        require(RequestAction.ANSWER_EXPECT_TO_SUPPLY);
        currentEntry().responded(when);
        transition(RequestAction.ANSWER_EXPECT_TO_SUPPLY, actor, when, lender.agencyId().value() + " expects to supply", note);
    }

    /**
     * The lender promises to supply; it must hold a copy it may supply ({@link SupplyRule}), unless the item is known
     * only by the reader's description and the lender identifies it itself.
     *
     * @param lendersCopies the lender's holdings of the work asked for
     */
    public void willSupply(Actor actor, List<Holding> lendersCopies, Instant when, String note) {
        requireLender(actor, RequestAction.ANSWER_WILL_SUPPLY);
        require(RequestAction.ANSWER_WILL_SUPPLY);
        requireSuppliableCopyAmong(lendersCopies, when);
        currentEntry().responded(when);
        transition(RequestAction.ANSWER_WILL_SUPPLY, actor, when, lender.agencyId().value() + " will supply", note);
    }

    public void retryPossible(Actor actor, String reason, Instant when) {
        String why = reason(reason);
        requireLender(actor, RequestAction.ANSWER_RETRY_POSSIBLE);
        require(RequestAction.ANSWER_RETRY_POSSIBLE);
        currentEntry().retryLater(when);
        transition(RequestAction.ANSWER_RETRY_POSSIBLE, actor, when,
                lender.agencyId().value() + " cannot supply now, retry possible" + (why == null ? "" : ": " + why), null);
    }

    /** The current lender cannot supply: the request moves on to the next lender of the rota. */
    public void lenderUnfilled(Actor actor, String reason, Instant when) {
        String given = reason(reason);
        requireLender(actor, RequestAction.LENDER_UNFILLED);
        require(RequestAction.LENDER_UNFILLED);
        String why = given == null ? "unfilled, no reason given" : given;
        currentEntry().answered(RotaEntryStatus.UNFILLED, why, when);
        transition(RequestAction.LENDER_UNFILLED, actor, when, lender.agencyId().value() + " answered unfilled: " + why, null);
        askNextLender(actor, when);
    }

    /**
     * True when the request has waited past the deadline of the step expected next: the lender's answer (after being
     * asked, or after "retry possible"), the firm answer after "expect to supply", the shipment it promised, or the
     * decision on its conditions by the borrowing office or the reader. Each has the agreement's response time.
     */
    public boolean isPastDeadline(Instant now) {
        if (!RequestStateMachine.allows(state, RequestAction.NO_ANSWER)) {
            return false;
        }
        Instant due = currentEntry().answerDueAt();
        return due != null && now.isAfter(due);
    }

    /**
     * The deadline passed: the request leaves the current lender (so it holds none of its outstanding slots) and the
     * next lender is asked.
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
            default -> {
                why = "no answer by " + due;
                message = isil + " did not answer by " + due;
            }
        }
        entry.answered(outcome, why, when);
        transition(RequestAction.NO_ANSWER, actor, when, message, null);
        askNextLender(actor, when);
    }

    /**
     * The borrowing office stops waiting for the current lender (it does not deliver, or its agreement's limits no
     * longer hold) and the next lender is asked.
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

    /** The lender will supply on conditions; like a promise, it needs a copy it may supply. */
    public void proposeConditions(Actor actor, List<Holding> lendersCopies, Set<LoanCondition> proposed,
                                  BigDecimal cost, String currency, Instant when, String note) {
        requireLender(actor, RequestAction.PROPOSE_CONDITIONS);
        require(RequestAction.PROPOSE_CONDITIONS);
        requireSuppliableCopyAmong(lendersCopies, when);
        if (cost != null && cost.signum() < 0) {
            throw new IllRuleViolation("A cost cannot be negative");
        }
        if (proposed.isEmpty() && (cost == null || cost.signum() == 0)) {
            throw new IllRuleViolation("Conditions need at least one loan condition or a cost");
        }
        EnumSet<LoanCondition> all = proposed.isEmpty() ? EnumSet.noneOf(LoanCondition.class) : EnumSet.copyOf(proposed);
        if (cost != null && cost.signum() > 0) {
            all.add(LoanCondition.COST);
        }
        this.conditions = all.stream().map(LoanCondition::iso18626).collect(Collectors.joining(","));
        this.conditionCost = cost;
        this.conditionCurrency = cost == null ? null : currency;
        currentEntry().responded(when);
        transition(RequestAction.PROPOSE_CONDITIONS, actor, when,
                lender.agencyId().value() + " will supply on conditions: " + conditions
                        + (cost == null ? "" : " (cost " + cost + " " + currency + ")"), note);
    }

    /**
     * The borrowing ILL office accepts the lender's conditions; when a condition concerns the reader (use in the
     * library only, no copies, a fee they pay ...), the reader is asked, and only they can then accept.
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
        transition(RequestAction.ACCEPT_CONDITIONS, actor, when, "Conditions accepted: " + conditions, null);
        currentEntry().nextStepDue(when);
        return false;
    }

    /** The borrowing ILL office declines the conditions: the next lender is asked. */
    public void declineConditions(Actor actor, Instant when, String reason) {
        String given = reason(reason);
        requireBorrowingSide(actor, RequestAction.DECLINE_CONDITIONS);
        require(RequestAction.DECLINE_CONDITIONS);
        String why = "conditions " + conditions + " declined" + (given == null ? "" : ": " + given);
        currentEntry().answered(RotaEntryStatus.CONDITIONS_DECLINED, why, when);
        transition(RequestAction.DECLINE_CONDITIONS, actor, when, why, null);
        askNextLender(actor, when);
    }

    /** The reader answers the conditions passed on to them; declining sends the request to the next lender. */
    public void readerAnswersConditions(Actor actor, boolean accept, Instant when) {
        requireTheReader(actor,
                accept ? RequestAction.READER_ACCEPTS_CONDITIONS : RequestAction.READER_DECLINES_CONDITIONS);
        if (accept) {
            transition(RequestAction.READER_ACCEPTS_CONDITIONS, actor, when, "The reader accepted: " + conditions, null);
            currentEntry().nextStepDue(when);
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

    /** The lender ships a returnable item, from a holding of its own in a lendable collection. */
    public void shipLoan(Actor actor, Holding holding, LocalDate due, Instant when) {
        requireLender(actor, RequestAction.SHIP_LOAN);
        require(RequestAction.SHIP_LOAN);
        requireService(ServiceType.LOAN, RequestAction.SHIP_LOAN);
        requireSuppliable(holding, when);
        this.suppliedHolding = holding;
        this.dueDate = due;
        currentEntry().answered(RotaEntryStatus.SUPPLYING, null, when);
        transition(RequestAction.SHIP_LOAN, actor, when,
                lender.agencyId().value() + " shipped " + holding.barcode() + ", due back " + due, null);
    }

    /** The lender delivers the copy (article or chapter); nothing comes back. */
    public void deliverCopy(Actor actor, Holding holding, Instant when, String note) {
        requireLender(actor, RequestAction.DELIVER_COPY);
        require(RequestAction.DELIVER_COPY);
        requireService(ServiceType.COPY, RequestAction.DELIVER_COPY);
        requireSuppliable(holding, when);
        this.suppliedHolding = holding;
        currentEntry().answered(RotaEntryStatus.SUPPLYING, null, when);
        transition(RequestAction.DELIVER_COPY, actor, when,
                lender.agencyId().value() + " delivered the copy of " + description.partTitle(), note);
    }

    public void receive(Actor actor, Instant when) {
        requireBorrowingSide(actor, RequestAction.RECEIVE);
        transition(RequestAction.RECEIVE, actor, when, borrower.agencyId().value() + " received the item", null);
        this.receivedAt = when;
    }

    public void requestRenewal(Actor actor, Instant when) {
        requireReaderOrBorrowingSide(actor, RequestAction.REQUEST_RENEWAL);
        if (renewalRequested) {
            throw new IllRuleViolation("A renewal has already been asked for and awaits the lender's answer");
        }
        transition(RequestAction.REQUEST_RENEWAL, actor, when, "Renewal asked for (due " + dueDate + ")", null);
        this.renewalRequested = true;
    }

    /**
     * The lender renews the loan by its agreement's loan period, within the renewals the agreement allows.
     *
     * @return the new due date
     */
    public LocalDate approveRenewal(Actor actor, Instant when) {
        require(RequestAction.APPROVE_RENEWAL);
        requireLender(actor, RequestAction.APPROVE_RENEWAL);
        if (!renewalRequested) {
            throw new IllRuleViolation("No renewal has been asked for");
        }
        PartnerAgreement agreement = currentEntry().agreement();
        if (renewals >= agreement.maxRenewals()) {
            throw new IllRuleViolation("The partner agreement allows " + agreement.maxRenewals() + " renewal(s) and "
                    + renewals + " have been granted");
        }
        LocalDate newDue = dueDate.plusDays(agreement.loanPeriodDays());
        transition(RequestAction.APPROVE_RENEWAL, actor, when, "Renewed until " + newDue, null);
        this.renewals++;
        this.renewalRequested = false;
        this.dueDate = newDue;
        return newDue;
    }

    public void denyRenewal(Actor actor, String reason, Instant when) {
        String why = reason(reason);
        require(RequestAction.DENY_RENEWAL);
        requireLender(actor, RequestAction.DENY_RENEWAL);
        if (!renewalRequested) {
            throw new IllRuleViolation("No renewal has been asked for");
        }
        transition(RequestAction.DENY_RENEWAL, actor, when, "Renewal denied" + (why == null ? "" : ": " + why), null);
        this.renewalRequested = false;
    }

    /** True when the item is out (or recalled) and its due date has passed by the lender's calendar at the instant. */
    public boolean isOverdueAt(Instant now) {
        return RequestStateMachine.allows(state, RequestAction.MARK_OVERDUE)
                && dueDatePassed(dueDate, lender.timeZone(), now);
    }

    /**
     * A due date passes at the lender's midnight: a loan due on the 3rd is overdue once the 4th has begun where the
     * lender is, whatever the date is where the server runs.
     */
    public static boolean dueDatePassed(LocalDate dueDate, ZoneId lenderZone, Instant now) {
        return dueDate != null && LocalDate.ofInstant(now, lenderZone).isAfter(dueDate);
    }

    /** The due date has passed by the lender's date at the instant: the loan becomes overdue. */
    public void markOverdue(Actor actor, Instant when) {
        require(RequestAction.MARK_OVERDUE);
        if (!(actor instanceof Actor.System)) {
            requireLender(actor, RequestAction.MARK_OVERDUE);
        }
        if (!dueDatePassed(dueDate, lender.timeZone(), when)) {
            throw new IllRuleViolation("The loan is due " + dueDate + ", not overdue on "
                    + LocalDate.ofInstant(when, lender.timeZone()) + " at " + lender.agencyId().value());
        }
        transition(RequestAction.MARK_OVERDUE, actor, when, "Overdue since " + dueDate, null);
    }

    /**
     * The lender needs the item back within the given number of days, counted from its own date. A recall only ever
     * brings the due date forward: it never lengthens a loan, and a loan already overdue stays overdue. A renewal
     * asked for and not yet answered is answered no, with the recall as the reason.
     *
     * @return the due date now
     */
    public LocalDate recall(Actor actor, int daysToReturn, Instant when, String reason) {
        String why = reason(reason);
        require(RequestAction.RECALL);
        requireLender(actor, RequestAction.RECALL);
        if (daysToReturn < 1) {
            throw new InvalidInputException("days to return", "A recall gives the borrower at least one day to "
                    + "return the item; " + daysToReturn + " day(s) cannot be given");
        }
        LocalDate asked = lenderToday(when).plusDays(daysToReturn);
        LocalDate newDue = asked.isBefore(dueDate) ? asked : dueDate;
        if (renewalRequested) {
            transition(RequestAction.DENY_RENEWAL, actor, when, "Renewal denied: the item is recalled", why);
            this.renewalRequested = false;
        }
        transition(RequestAction.RECALL, actor, when, "Recalled by " + lender.agencyId().value() + ", due " + newDue
                + (newDue.equals(dueDate) ? " (unchanged: a recall never lengthens a loan)" : ""), why);
        this.dueDate = newDue;
        if (dueDatePassed(dueDate, lender.timeZone(), when)) {
            transition(RequestAction.MARK_OVERDUE, actor, when, "Overdue since " + dueDate + ", and recalled", null);
        }
        return newDue;
    }

    public void shipBack(Actor actor, Instant when, String note) {
        requireBorrowingSide(actor, RequestAction.SHIP_BACK);
        transition(RequestAction.SHIP_BACK, actor, when, borrower.agencyId().value() + " shipped the item back", note);
    }

    public void checkIn(Actor actor, Instant when) {
        requireLender(actor, RequestAction.CHECK_IN);
        transition(RequestAction.CHECK_IN, actor, when, lender.agencyId().value() + " received the item back", null);
    }

    public void reportLost(Actor actor, Instant when, String note) {
        requireBorrowingSide(actor, RequestAction.REPORT_LOST);
        transition(RequestAction.REPORT_LOST, actor, when, "Item reported lost", note);
    }

    public void cancel(Actor actor, Instant when, String reason) {
        String why = reason(reason);
        requireReaderOrBorrowingSide(actor, RequestAction.CANCEL);
        require(RequestAction.CANCEL);
        transition(RequestAction.CANCEL, actor, when, "Cancelled", why);
        if (!rota.isEmpty() && lender != null) {
            currentEntry().answered(RotaEntryStatus.SKIPPED, "request cancelled", when);
        }
    }

    private static boolean sameWork(BibliographicRecord one, BibliographicRecord other) {
        return one == other || one.id() != null && one.id().equals(other.id());
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
     * The library that lends this request, for a step of its lending office.
     *
     * @throws NotAllowedException unless the actor speaks for the lender asked (its staff, or its own system)
     */
    public Library lenderActingAs(Actor actor, RequestAction action) {
        requireLender(actor, action);
        return lender;
    }

    /** Only the lender asked acts on the lending side: its staff, or its own system as a partner. */
    private void requireLender(Actor actor, RequestAction action) {
        if (lender != null && actor.speaksFor(lender.agencyId())) {
            return;
        }
        String notLender = "only the lender's staff may";
        if (actor instanceof Actor.Staff staff) {
            notLender = staff.library().value() + " is not the lender of this request";
        } else if (actor instanceof Actor.Partner partner) {
            notLender = partner.agency().value() + " is not the lender of this request";
        }
        throw new NotAllowedException(actor.text() + " cannot " + action.words() + ": " + notLender
                + (lender == null ? "" : "; " + lender.agencyId().value() + " is"));
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

    private void requireService(ServiceType expected, RequestAction action) {
        if (serviceType != expected) {
            throw new IllRuleViolation("Cannot " + action.words() + " for a " + serviceType.iso18626() + " request");
        }
    }

    /**
     * What the supplied copy must be, whatever path the supply comes from: the lender's own, of the item asked for,
     * and suppliable under the current agreement by the one {@link SupplyRule}.
     */
    private void requireSuppliable(Holding holding, Instant when) {
        if (!holding.location().branch().library().agencyId().equals(lender.agencyId())) {
            throw new IllRuleViolation("Holding " + holding.barcode() + " is not held by " + lender.agencyId().value());
        }
        if (record != null && !sameWork(record, holding.record())) {
            throw new IllRuleViolation("Holding " + holding.barcode() + " is a copy of another work, not of \""
                    + description.title() + "\"");
        }
        SupplyRule.check(holding, currentEntry().agreement(), serviceType, lenderToday(when));
    }

    /** Refuses a promise to supply when none of the lender's copies may be supplied, saying why for each. */
    private void requireSuppliableCopyAmong(List<Holding> lendersCopies, Instant when) {
        if (record == null) {
            return; // described by the reader only: the lender identifies the item itself
        }
        PartnerAgreement agreement = currentEntry().agreement();
        List<SupplyRule.Refusal> refusals = new ArrayList<>();
        for (Holding holding : lendersCopies) {
            if (!holding.location().branch().library().agencyId().equals(lender.agencyId())
                    || !sameWork(record, holding.record())) {
                continue;
            }
            Optional<SupplyRule.Refusal> refusal = SupplyRule.refusal(holding, agreement, serviceType, lenderToday(when));
            if (refusal.isEmpty()) {
                return;
            }
            refusals.add(refusal.get());
        }
        String isil = lender.agencyId().value();
        if (!refusals.isEmpty() && refusals.stream().allMatch(r -> r.reason() == SupplyRule.Reason.REFERENCE_ROOM)) {
            throw new IllRuleViolation(isil + " holds it only in a reference room, which never lends through "
                    + "interlibrary loan");
        }
        throw new IllRuleViolation(isil + " holds no copy it may supply through interlibrary loan"
                + (refusals.isEmpty() ? "" : ": " + refusals.stream().map(SupplyRule.Refusal::message)
                .collect(Collectors.joining("; "))));
    }

    /** The day it is at the lender, by whose calendar its agreement and its due dates count. */
    private LocalDate lenderToday(Instant when) {
        return LocalDate.ofInstant(when, lender.timeZone());
    }

    private RotaEntry currentEntry() {
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
        if (conditions == null) {
            return Set.of();
        }
        EnumSet<LoanCondition> set = EnumSet.noneOf(LoanCondition.class);
        for (String name : conditions.split(",")) {
            for (LoanCondition condition : LoanCondition.values()) {
                if (condition.iso18626().equals(name)) {
                    set.add(condition);
                }
            }
        }
        return set;
    }

    /** The agreement under which the current lender supplies, if a lender is asked. */
    public Optional<PartnerAgreement> currentAgreement() {
        return lender == null ? Optional.empty() : Optional.of(currentEntry().agreement());
    }

    public Long id() {
        return id;
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

    public Holding suppliedHolding() {
        return suppliedHolding;
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

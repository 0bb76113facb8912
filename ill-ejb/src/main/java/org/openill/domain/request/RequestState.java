package org.openill.domain.request;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where the borrowing library's record of a request stands (the requester side of ISO 18626). Where it reflects what
 * the lender reported, the ISO 18626:2021 status value is named; the borrowing library's own steps (new, validated,
 * awaiting routing, conditions to decide, cancel asked, shipped back or forward) come in between.
 */
public enum RequestState {
    NEW(null),
    VALIDATED(null),
    AWAITING_ROUTING(null),
    REQUEST_RECEIVED("RequestReceived"),
    EXPECT_TO_SUPPLY("ExpectToSupply"),
    WILL_SUPPLY("WillSupply"),
    CONDITIONS_PROPOSED("ExpectToSupply"),
    AWAITING_READER_CONSENT("ExpectToSupply"),
    RETRY_POSSIBLE("RetryPossible"),
    CANCEL_REQUESTED(null),
    LOANED("Loaned"),
    OVERDUE("Overdue"),
    RECALLED("Recalled"),
    RETURN_HELD("HoldReturn"),
    SHIPPED_BACK("Loaned"),
    SHIPPED_FORWARD("Loaned"),
    LOAN_COMPLETED("LoanCompleted"),
    COPY_COMPLETED("CopyCompleted"),
    COMPLETED_WITHOUT_RETURN("CompletedWithoutReturn"),
    UNFILLED("Unfilled"),
    CANCELLED("Cancelled");

    /**
     * The requests that count against a partner agreement's limit of items outstanding: with the lender (asked, or
     * conditions to decide) or its item out. Defined once here; routing counts with it.
     */
    public static final Set<RequestState> OUTSTANDING = Collections.unmodifiableSet(EnumSet.copyOf(
            Arrays.stream(values()).filter(state -> state.isWithLender() || state.isItemOut()).toList()));

    /** The requests a lender has to answer or supply: its inbox, and its load when rotas are ordered. */
    public static final Set<RequestState> AWAITING_LENDER = Collections.unmodifiableSet(EnumSet.copyOf(
            Arrays.stream(values()).filter(RequestState::isAwaitingLender).toList()));

    private final String iso18626;

    RequestState(String iso18626) {
        this.iso18626 = iso18626;
    }

    /**
     * The ISO 18626 status the lender last reported that leads to this state, or null in the borrowing library's own
     * steps (before a lender has the request, or while a cancellation awaits its answer).
     */
    public String iso18626() {
        return iso18626;
    }

    /**
     * Whether the lender's record, reporting the ISO 18626 status given, agrees with this state of ours: the one rule
     * by which the nightly reconciliation finds requests whose two sides disagree and reconciles them on the lender's
     * answer. Our own steps (before a lender has the request, a cancellation asked) and closed requests agree with
     * anything; conditions to decide agree with the lender waiting for our retry.
     */
    public boolean agreesWithLender(String lenderStatus) {
        if (iso18626 == null || isFinal()) {
            return true;
        }
        if (this == CONDITIONS_PROPOSED || this == AWAITING_READER_CONSENT) {
            return "RetryPossible".equals(lenderStatus) || iso18626.equals(lenderStatus);
        }
        return iso18626.equals(lenderStatus);
    }

    /** True when nothing more happens to the request. */
    public boolean isFinal() {
        return this == LOAN_COMPLETED || this == COPY_COMPLETED || this == COMPLETED_WITHOUT_RETURN
                || this == UNFILLED || this == CANCELLED;
    }

    /** True while a lender is asked and has not yet supplied or refused (its conditions may await the borrower). */
    public boolean isWithLender() {
        return isAwaitingLender() || this == CONDITIONS_PROPOSED || this == AWAITING_READER_CONSENT
                || this == CANCEL_REQUESTED;
    }

    /** True while the next step is the lender's: to answer, or to supply what it promised. */
    public boolean isAwaitingLender() {
        return this == REQUEST_RECEIVED || this == EXPECT_TO_SUPPLY || this == WILL_SUPPLY || this == RETRY_POSSIBLE;
    }

    /** True while the borrowing library has an item of the lender (it counts against the agreement's limit). */
    public boolean isItemOut() {
        return this == LOANED || this == OVERDUE || this == RECALLED || this == RETURN_HELD || this == SHIPPED_BACK
                || this == SHIPPED_FORWARD;
    }
}

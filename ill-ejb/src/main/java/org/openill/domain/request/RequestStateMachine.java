package org.openill.domain.request;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.openill.domain.request.RequestAction.*;
import static org.openill.domain.request.RequestState.*;

/**
 * The one state machine of the borrowing library's record of a request (the requester side of ISO 18626), used by
 * every path (pages, services, the lender's messages, the clock). Each state lists the actions it allows and where
 * each leads; anything else is refused. The lender's record has its own, {@code SupplierStateMachine}.
 */
public final class RequestStateMachine {

    private static final Map<RequestState, Map<RequestAction, RequestState>> TRANSITIONS = new EnumMap<>(RequestState.class);

    static {
        on(NEW, VALIDATE, VALIDATED);
        on(NEW, CANCEL, CANCELLED);

        for (RequestState routable : Set.of(VALIDATED, AWAITING_ROUTING)) {
            on(routable, SEND_TO_LENDER, REQUEST_RECEIVED);
            on(routable, EXHAUST_ROTA, UNFILLED);
            on(routable, CANCEL, CANCELLED);
        }

        // Every state that holds a lender's slot has a deadline: when it passes (no answer, a promise not kept,
        // conditions not decided by the office or the reader, a cancellation not answered), the request moves on.
        for (RequestState waiting : Set.of(REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY, RETRY_POSSIBLE,
                CONDITIONS_PROPOSED, AWAITING_READER_CONSENT, CANCEL_REQUESTED)) {
            on(waiting, NO_ANSWER, waiting == CANCEL_REQUESTED ? CANCELLED : AWAITING_ROUTING);
        }
        // the lender's answers to a request (New or Retry): a supplying agency message with reason RequestResponse
        on(REQUEST_RECEIVED, ANSWER_EXPECT_TO_SUPPLY, EXPECT_TO_SUPPLY);
        for (RequestState asked : Set.of(REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY)) {
            on(asked, ANSWER_WILL_SUPPLY, WILL_SUPPLY);
            on(asked, ANSWER_RETRY_POSSIBLE, RETRY_POSSIBLE);
            on(asked, PROPOSE_CONDITIONS, CONDITIONS_PROPOSED);
            on(asked, LENDER_UNFILLED, AWAITING_ROUTING);
            on(asked, SHIP_LOAN, LOANED);
            on(asked, DELIVER_COPY, COPY_COMPLETED);
            on(asked, SEND_REMINDER, asked);
        }
        // the borrowing office stops waiting for a lender (it does not deliver, its terms no longer hold)
        for (RequestState withLender : Set.of(REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY, RETRY_POSSIBLE)) {
            on(withLender, SKIP_LENDER, AWAITING_ROUTING);
        }
        // a lender holds the request: cancelling is asking it, and its CancelResponse decides
        for (RequestState withLender : Set.of(REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY, RETRY_POSSIBLE,
                CONDITIONS_PROPOSED, AWAITING_READER_CONSENT)) {
            on(withLender, CANCEL, CANCEL_REQUESTED);
        }
        on(CANCEL_REQUESTED, CANCEL_ACCEPTED, CANCELLED);
        // refused: back where the request was (kept by the request), the lender's status message follows
        on(CANCEL_REQUESTED, CANCEL_REFUSED, CANCEL_REQUESTED);
        // what the lender did before it read the cancellation still happens
        on(CANCEL_REQUESTED, SHIP_LOAN, LOANED);
        on(CANCEL_REQUESTED, DELIVER_COPY, COPY_COMPLETED);
        on(CANCEL_REQUESTED, LENDER_UNFILLED, CANCELLED);

        // RetryPossible: the requester may send the request again (a Request of type Retry)
        on(RETRY_POSSIBLE, SEND_RETRY, REQUEST_RECEIVED);
        // RetryPossible with conditions or costs: the office decides, and the reader where they concern them
        on(CONDITIONS_PROPOSED, ACCEPT_CONDITIONS, REQUEST_RECEIVED);
        on(CONDITIONS_PROPOSED, ASK_READER_CONSENT, AWAITING_READER_CONSENT);
        on(CONDITIONS_PROPOSED, DECLINE_CONDITIONS, AWAITING_ROUTING);
        on(AWAITING_READER_CONSENT, READER_ACCEPTS_CONDITIONS, REQUEST_RECEIVED);
        on(AWAITING_READER_CONSENT, READER_DECLINES_CONDITIONS, AWAITING_ROUTING);

        for (RequestState out : Set.of(LOANED, OVERDUE, RECALLED)) {
            on(out, RECEIVE, out);
            on(out, CHECK_OUT, out);
            on(out, CHECK_IN_FROM_READER, out);
            on(out, SHIP_BACK, SHIPPED_BACK);
            on(out, SHIP_FORWARD, SHIPPED_FORWARD);
            on(out, HOLD_RETURN, RETURN_HELD);
            on(out, LENDER_HOLDS_RETURN, RETURN_HELD);
            on(out, RECALL, RECALLED);
        }
        for (RequestState renewable : Set.of(LOANED, OVERDUE)) {
            on(renewable, REQUEST_RENEWAL, renewable);
            on(renewable, APPROVE_RENEWAL, LOANED);
            on(renewable, DENY_RENEWAL, renewable);
        }
        on(LOANED, MARK_OVERDUE, OVERDUE);
        on(RECALLED, MARK_OVERDUE, OVERDUE);
        on(RETURN_HELD, RELEASE_HOLD_RETURN, LOANED);
        on(RETURN_HELD, SHIP_BACK, SHIPPED_BACK);
        on(RETURN_HELD, LENDER_HOLDS_RETURN, RETURN_HELD);
        // the lender closes the loan: the item is back (with or without the borrower's ShippedReturn), or it is not
        for (RequestState lent : Set.of(LOANED, OVERDUE, RECALLED, RETURN_HELD, SHIPPED_BACK, SHIPPED_FORWARD)) {
            on(lent, LENDER_COMPLETES_LOAN, LOAN_COMPLETED);
            on(lent, LENDER_ENDS_WITHOUT_RETURN, COMPLETED_WITHOUT_RETURN);
            on(lent, REPORT_LOST, COMPLETED_WITHOUT_RETURN);
        }
    }

    private RequestStateMachine() {
    }

    private static void on(RequestState from, RequestAction action, RequestState to) {
        TRANSITIONS.computeIfAbsent(from, state -> new EnumMap<>(RequestAction.class)).put(action, to);
    }

    /**
     * The state the action leads to.
     *
     * @throws IllegalTransitionException when the state does not allow the action
     */
    public static RequestState next(RequestState from, RequestAction action) {
        RequestState to = TRANSITIONS.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            throw new IllegalTransitionException(from, action);
        }
        return to;
    }

    public static boolean allows(RequestState from, RequestAction action) {
        return TRANSITIONS.getOrDefault(from, Map.of()).containsKey(action);
    }

    /** The states that allow the action, e.g. for the clock to find the requests it may have to move. */
    public static Set<RequestState> statesAllowing(RequestAction action) {
        EnumSet<RequestState> states = EnumSet.noneOf(RequestState.class);
        TRANSITIONS.forEach((state, actions) -> {
            if (actions.containsKey(action)) {
                states.add(state);
            }
        });
        return states;
    }

    /** The actions allowed in a state, e.g. to show staff the buttons that make sense. */
    public static Set<RequestAction> actionsIn(RequestState state) {
        return Set.copyOf(TRANSITIONS.getOrDefault(state, Map.of()).keySet());
    }
}

package org.openill.domain.request;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.openill.domain.request.RequestAction.*;
import static org.openill.domain.request.RequestState.*;

/**
 * The one state machine of an interlibrary loan request, used by every path (pages, services, protocol messages,
 * batch jobs). Each state lists the actions it allows and where each leads; anything else is refused.
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

        on(REQUEST_RECEIVED, ANSWER_EXPECT_TO_SUPPLY, EXPECT_TO_SUPPLY);
        // Every state that holds a lender's slot has a deadline: when it passes (no answer, a promise not kept,
        // conditions not decided by the office or the reader), the request moves on to the next lender.
        for (RequestState waiting : Set.of(REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY, RETRY_POSSIBLE,
                CONDITIONS_PROPOSED, AWAITING_READER_CONSENT)) {
            on(waiting, NO_ANSWER, AWAITING_ROUTING);
        }
        for (RequestState asked : Set.of(REQUEST_RECEIVED, EXPECT_TO_SUPPLY, RETRY_POSSIBLE)) {
            on(asked, ANSWER_WILL_SUPPLY, WILL_SUPPLY);
            on(asked, PROPOSE_CONDITIONS, CONDITIONS_PROPOSED);
            on(asked, ANSWER_RETRY_POSSIBLE, RETRY_POSSIBLE);
        }
        for (RequestState asked : Set.of(REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY, RETRY_POSSIBLE)) {
            on(asked, LENDER_UNFILLED, AWAITING_ROUTING);
            // the borrowing office stops waiting for a lender that does not deliver, or whose terms no longer hold
            on(asked, SKIP_LENDER, AWAITING_ROUTING);
            on(asked, CANCEL, CANCELLED);
        }
        for (RequestState supplying : Set.of(REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY)) {
            on(supplying, SHIP_LOAN, LOANED);
            on(supplying, DELIVER_COPY, COPY_COMPLETED);
        }

        on(CONDITIONS_PROPOSED, ACCEPT_CONDITIONS, WILL_SUPPLY);
        on(CONDITIONS_PROPOSED, ASK_READER_CONSENT, AWAITING_READER_CONSENT);
        on(CONDITIONS_PROPOSED, DECLINE_CONDITIONS, AWAITING_ROUTING);
        on(CONDITIONS_PROPOSED, CANCEL, CANCELLED);
        on(AWAITING_READER_CONSENT, READER_ACCEPTS_CONDITIONS, WILL_SUPPLY);
        on(AWAITING_READER_CONSENT, READER_DECLINES_CONDITIONS, AWAITING_ROUTING);
        on(AWAITING_READER_CONSENT, CANCEL, CANCELLED);

        for (RequestState out : Set.of(LOANED, OVERDUE, RECALLED)) {
            on(out, RECEIVE, out);
            on(out, SHIP_BACK, SHIPPED_BACK);
            on(out, REPORT_LOST, COMPLETED_WITHOUT_RETURN);
            on(out, RECALL, RECALLED);
        }
        for (RequestState renewable : Set.of(LOANED, OVERDUE)) {
            on(renewable, REQUEST_RENEWAL, renewable);
            on(renewable, APPROVE_RENEWAL, LOANED);
            on(renewable, DENY_RENEWAL, renewable);
        }
        on(LOANED, MARK_OVERDUE, OVERDUE);
        on(RECALLED, MARK_OVERDUE, OVERDUE);
        on(SHIPPED_BACK, CHECK_IN, LOAN_COMPLETED);
        on(SHIPPED_BACK, REPORT_LOST, COMPLETED_WITHOUT_RETURN);
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

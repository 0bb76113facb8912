package org.openill.domain.lending;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.openill.domain.lending.SupplierAction.*;
import static org.openill.domain.lending.SupplierState.*;

/**
 * The one state machine of the lending library's record of a request (the supplier side of ISO 18626): each state
 * lists the actions it allows and where each leads; anything else is refused naming the state and the action. The
 * borrowing library's record has its own, {@code RequestStateMachine}. A status request, a notification and a
 * cancellation the lender must refuse change no state, so they are not steps of the table.
 */
public final class SupplierStateMachine {

    private static final Map<SupplierState, Map<SupplierAction, SupplierState>> TRANSITIONS =
            new EnumMap<>(SupplierState.class);

    static {
        on(RETRY_POSSIBLE, RECEIVE_RETRY, NEW);
        on(NEW, ANSWER_EXPECT_TO_SUPPLY, EXPECT_TO_SUPPLY);
        for (SupplierState toAnswer : Set.of(NEW, EXPECT_TO_SUPPLY, WILL_SUPPLY)) {
            on(toAnswer, RECEIVE_REMINDER, toAnswer);
            on(toAnswer, SupplierAction.ANSWER_WILL_SUPPLY, WILL_SUPPLY);
            on(toAnswer, SupplierAction.ANSWER_RETRY_POSSIBLE, RETRY_POSSIBLE);
            on(toAnswer, SupplierAction.ANSWER_UNFILLED, UNFILLED);
            on(toAnswer, SHIP_LOAN, LOANED);
            on(toAnswer, DELIVER_COPY, COPY_COMPLETED);
        }
        // nothing has left the shelf yet: a cancellation is answered yes
        for (SupplierState notShipped : Set.of(NEW, EXPECT_TO_SUPPLY, WILL_SUPPLY,
                RETRY_POSSIBLE)) {
            on(notShipped, CANCEL_YES, CANCELLED);
        }
        for (SupplierState out : Set.of(LOANED, OVERDUE, RECALLED)) {
            on(out, BORROWER_RECEIVED, out);
            on(out, RECALL, RECALLED);
            on(out, SupplierAction.PUT_RETURN_ON_HOLD, HOLD_RETURN);
            on(out, BORROWER_SHIPPED_RETURN, RETURN_SHIPPED);
            on(out, BORROWER_SHIPPED_FORWARD, SHIPPED_FORWARD);
        }
        for (SupplierState renewable : Set.of(LOANED, OVERDUE)) {
            on(renewable, RENEWAL_ASKED, renewable);
            on(renewable, RENEW_YES, LOANED);
            on(renewable, RENEW_NO, renewable);
        }
        on(LOANED, MARK_OVERDUE, OVERDUE);
        on(RECALLED, MARK_OVERDUE, OVERDUE);
        on(HOLD_RETURN, SupplierAction.PUT_RETURN_ON_HOLD, HOLD_RETURN);
        on(HOLD_RETURN, RELEASE_HOLD_RETURN, LOANED);
        on(HOLD_RETURN, BORROWER_SHIPPED_RETURN, RETURN_SHIPPED);
        // the lender closes the loan itself: the item is back whether or not the borrower said it shipped it, or it
        // is not coming back
        for (SupplierState lent : Set.of(LOANED, OVERDUE, RECALLED, HOLD_RETURN, RETURN_SHIPPED,
                SHIPPED_FORWARD)) {
            on(lent, CHECK_IN, LOAN_COMPLETED);
            on(lent, BORROWER_LOST, COMPLETED_WITHOUT_RETURN);
            on(lent, COMPLETE_WITHOUT_RETURN, COMPLETED_WITHOUT_RETURN);
        }
    }

    private SupplierStateMachine() {
    }

    private static void on(SupplierState from, SupplierAction action, SupplierState to) {
        TRANSITIONS.computeIfAbsent(from, state -> new EnumMap<>(SupplierAction.class)).put(action, to);
    }

    /**
     * The state the action leads to.
     *
     * @throws IllegalSupplierTransitionException when the state does not allow the action
     */
    public static SupplierState next(SupplierState from, SupplierAction action) {
        SupplierState to = TRANSITIONS.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            throw new IllegalSupplierTransitionException(from, action);
        }
        return to;
    }

    public static boolean allows(SupplierState from, SupplierAction action) {
        return TRANSITIONS.getOrDefault(from, Map.of()).containsKey(action);
    }

    /** The states that allow the action, e.g. for the clock to find the records it may have to move. */
    public static Set<SupplierState> statesAllowing(SupplierAction action) {
        EnumSet<SupplierState> states = EnumSet.noneOf(SupplierState.class);
        TRANSITIONS.forEach((state, actions) -> {
            if (actions.containsKey(action)) {
                states.add(state);
            }
        });
        return states;
    }

    /** The actions allowed in a state, e.g. to show staff the buttons that make sense. */
    public static Set<SupplierAction> actionsIn(SupplierState state) {
        return Set.copyOf(TRANSITIONS.getOrDefault(state, Map.of()).keySet());
    }
}

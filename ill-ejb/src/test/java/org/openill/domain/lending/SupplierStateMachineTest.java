package org.openill.domain.lending;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.domain.lending.SupplierAction.*;
import static org.openill.domain.lending.SupplierState.*;

/**
 * Every legal transition of the lending library's record, and every other (state, action) pair of the two enums
 * refused with an {@link IllegalSupplierTransitionException} naming both. The expected table is written out here by
 * hand, not read from the machine, so that a change to the machine shows up as a failing pair.
 */
class SupplierStateMachineTest {

    /** The whole table, written out independently of the implementation; a state not filled in allows nothing. */
    static final Map<SupplierState, Map<SupplierAction, SupplierState>> EXPECTED = expectedTable();

    private static Map<SupplierState, Map<SupplierAction, SupplierState>> expectedTable() {
        Map<SupplierState, Map<SupplierAction, SupplierState>> table = new EnumMap<>(SupplierState.class);
        for (SupplierState state : SupplierState.values()) {
            table.put(state, new EnumMap<>(SupplierAction.class));
        }
        table.get(NEW).putAll(Map.of(RECEIVE_REMINDER, NEW, ANSWER_EXPECT_TO_SUPPLY, EXPECT_TO_SUPPLY,
                ANSWER_WILL_SUPPLY, WILL_SUPPLY, ANSWER_RETRY_POSSIBLE, RETRY_POSSIBLE, ANSWER_UNFILLED, UNFILLED,
                SHIP_LOAN, LOANED, DELIVER_COPY, COPY_COMPLETED, CANCEL_YES, CANCELLED));
        table.get(EXPECT_TO_SUPPLY).putAll(Map.of(RECEIVE_REMINDER, EXPECT_TO_SUPPLY,
                ANSWER_WILL_SUPPLY, WILL_SUPPLY, ANSWER_RETRY_POSSIBLE, RETRY_POSSIBLE, ANSWER_UNFILLED, UNFILLED,
                SHIP_LOAN, LOANED, DELIVER_COPY, COPY_COMPLETED, CANCEL_YES, CANCELLED));
        table.get(WILL_SUPPLY).putAll(Map.of(RECEIVE_REMINDER, WILL_SUPPLY,
                ANSWER_WILL_SUPPLY, WILL_SUPPLY, ANSWER_RETRY_POSSIBLE, RETRY_POSSIBLE, ANSWER_UNFILLED, UNFILLED,
                SHIP_LOAN, LOANED, DELIVER_COPY, COPY_COMPLETED, CANCEL_YES, CANCELLED));
        table.get(RETRY_POSSIBLE).putAll(Map.of(RECEIVE_RETRY, NEW, CANCEL_YES, CANCELLED));
        table.get(LOANED).putAll(Map.ofEntries(
                Map.entry(BORROWER_RECEIVED, LOANED),
                Map.entry(RENEWAL_ASKED, LOANED),
                Map.entry(RENEW_YES, LOANED),
                Map.entry(RENEW_NO, LOANED),
                Map.entry(MARK_OVERDUE, OVERDUE),
                Map.entry(RECALL, RECALLED),
                Map.entry(PUT_RETURN_ON_HOLD, HOLD_RETURN),
                Map.entry(BORROWER_SHIPPED_RETURN, RETURN_SHIPPED),
                Map.entry(BORROWER_SHIPPED_FORWARD, SHIPPED_FORWARD),
                Map.entry(CHECK_IN, LOAN_COMPLETED),
                Map.entry(BORROWER_LOST, COMPLETED_WITHOUT_RETURN),
                Map.entry(COMPLETE_WITHOUT_RETURN, COMPLETED_WITHOUT_RETURN)));
        table.get(OVERDUE).putAll(Map.ofEntries(
                Map.entry(BORROWER_RECEIVED, OVERDUE),
                Map.entry(RENEWAL_ASKED, OVERDUE),
                Map.entry(RENEW_YES, LOANED),
                Map.entry(RENEW_NO, OVERDUE),
                Map.entry(RECALL, RECALLED),
                Map.entry(PUT_RETURN_ON_HOLD, HOLD_RETURN),
                Map.entry(BORROWER_SHIPPED_RETURN, RETURN_SHIPPED),
                Map.entry(BORROWER_SHIPPED_FORWARD, SHIPPED_FORWARD),
                Map.entry(CHECK_IN, LOAN_COMPLETED),
                Map.entry(BORROWER_LOST, COMPLETED_WITHOUT_RETURN),
                Map.entry(COMPLETE_WITHOUT_RETURN, COMPLETED_WITHOUT_RETURN)));
        table.get(RECALLED).putAll(Map.ofEntries(
                Map.entry(BORROWER_RECEIVED, RECALLED),
                Map.entry(MARK_OVERDUE, OVERDUE),
                Map.entry(RECALL, RECALLED),
                Map.entry(PUT_RETURN_ON_HOLD, HOLD_RETURN),
                Map.entry(BORROWER_SHIPPED_RETURN, RETURN_SHIPPED),
                Map.entry(BORROWER_SHIPPED_FORWARD, SHIPPED_FORWARD),
                Map.entry(CHECK_IN, LOAN_COMPLETED),
                Map.entry(BORROWER_LOST, COMPLETED_WITHOUT_RETURN),
                Map.entry(COMPLETE_WITHOUT_RETURN, COMPLETED_WITHOUT_RETURN)));
        table.get(HOLD_RETURN).putAll(Map.of(PUT_RETURN_ON_HOLD, HOLD_RETURN, RELEASE_HOLD_RETURN, LOANED,
                BORROWER_SHIPPED_RETURN, RETURN_SHIPPED, CHECK_IN, LOAN_COMPLETED,
                BORROWER_LOST, COMPLETED_WITHOUT_RETURN, COMPLETE_WITHOUT_RETURN, COMPLETED_WITHOUT_RETURN));
        for (SupplierState shipped : List.of(RETURN_SHIPPED, SHIPPED_FORWARD)) {
            table.get(shipped).putAll(Map.of(CHECK_IN, LOAN_COMPLETED, BORROWER_LOST, COMPLETED_WITHOUT_RETURN,
                    COMPLETE_WITHOUT_RETURN, COMPLETED_WITHOUT_RETURN));
        }
        // LOAN_COMPLETED, COPY_COMPLETED, COMPLETED_WITHOUT_RETURN, UNFILLED and CANCELLED allow nothing
        return table;
    }

    static Stream<Arguments> legalTransitions() {
        List<Arguments> all = new ArrayList<>();
        EXPECTED.forEach((from, actions) -> actions.forEach((action, to) -> all.add(Arguments.of(from, action, to))));
        return all.stream();
    }

    /** Every pair of the two enums that the expected table does not list. */
    static Stream<Arguments> illegalTransitions() {
        List<Arguments> all = new ArrayList<>();
        for (SupplierState from : SupplierState.values()) {
            for (SupplierAction action : SupplierAction.values()) {
                if (!EXPECTED.get(from).containsKey(action)) {
                    all.add(Arguments.of(from, action));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("legalTransitions")
    void legalTransitionLeadsToItsState(SupplierState from, SupplierAction action, SupplierState to) {
        assertTrue(SupplierStateMachine.allows(from, action));
        assertEquals(to, SupplierStateMachine.next(from, action));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("illegalTransitions")
    void illegalTransitionIsRefusedNamingStateAndAction(SupplierState from, SupplierAction action) {
        assertFalse(SupplierStateMachine.allows(from, action));
        IllegalSupplierTransitionException refused = assertThrows(IllegalSupplierTransitionException.class,
                () -> SupplierStateMachine.next(from, action));
        assertEquals(from, refused.state());
        assertEquals(action, refused.action());
        assertTrue(refused.getMessage().contains(from.name()), refused.getMessage());
        assertTrue(refused.getMessage().contains(action.name()), refused.getMessage());
    }

    @Test
    void thePairsCoverBothEnumsWhole() {
        long pairs = legalTransitions().count() + illegalTransitions().count();
        assertEquals((long) SupplierState.values().length * SupplierAction.values().length, pairs);
    }

    @Test
    void theActionsOfEachStateAreThoseOfTheExpectedTable() {
        for (SupplierState state : SupplierState.values()) {
            assertEquals(EXPECTED.get(state).keySet(), SupplierStateMachine.actionsIn(state), state.name());
        }
    }

    @Test
    void finalStatesAllowNothing() {
        for (SupplierState state : SupplierState.values()) {
            assertEquals(state.isFinal(), SupplierStateMachine.actionsIn(state).isEmpty(), state.name());
        }
    }

    @Test
    void aCancellationIsAnsweredYesExactlyWhileNothingHasLeftTheShelf() {
        assertEquals(EnumSet.of(NEW, EXPECT_TO_SUPPLY, WILL_SUPPLY, RETRY_POSSIBLE),
                SupplierStateMachine.statesAllowing(CANCEL_YES));
        for (SupplierState state : SupplierState.values()) {
            if (state.isItemOut()) {
                assertFalse(SupplierStateMachine.allows(state, CANCEL_YES), state.name());
            }
        }
    }

    @Test
    void theClockMarksOverdueOnlyALoanOutOrRecalled() {
        assertEquals(EnumSet.of(LOANED, RECALLED), SupplierStateMachine.statesAllowing(MARK_OVERDUE));
    }

    @Test
    void receivingTheRequestAndNotesAreNotTransitions() {
        for (SupplierState state : SupplierState.values()) {
            assertFalse(SupplierStateMachine.allows(state, RECEIVE_REQUEST), state.name());
            assertFalse(SupplierStateMachine.allows(state, NOTE), state.name());
        }
    }

    @Test
    void illegalStepIsRefusedWithTheStateAndTheActionInWords() {
        IllegalSupplierTransitionException refused = assertThrows(IllegalSupplierTransitionException.class,
                () -> SupplierStateMachine.next(LOAN_COMPLETED, RECALL));
        assertEquals("Cannot recall the item (RECALL) when the lending record is LOAN_COMPLETED",
                refused.getMessage());
    }
}

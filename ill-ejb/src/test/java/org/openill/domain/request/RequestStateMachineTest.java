package org.openill.domain.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.domain.request.RequestAction.*;
import static org.openill.domain.request.RequestState.*;

/**
 * Every legal transition of the borrowing library's record, and every other (state, action) pair of the two enums
 * refused with an error naming both. The expected table is written out here by hand, not read from the machine, so
 * that a change to the machine shows up as a failing pair.
 */
class RequestStateMachineTest {

    /** The whole table, written out independently of the implementation; a state not listed allows nothing. */
    static final Map<RequestState, Map<RequestAction, RequestState>> EXPECTED = expectedTable();

    private static Map<RequestState, Map<RequestAction, RequestState>> expectedTable() {
        Map<RequestState, Map<RequestAction, RequestState>> table = new EnumMap<>(RequestState.class);
        for (RequestState state : RequestState.values()) {
            table.put(state, new EnumMap<>(RequestAction.class));
        }
        table.get(NEW).putAll(Map.of(VALIDATE, VALIDATED, CANCEL, CANCELLED));
        table.get(VALIDATED).putAll(Map.of(SEND_TO_LENDER, REQUEST_RECEIVED, EXHAUST_ROTA, UNFILLED,
                CANCEL, CANCELLED));
        table.get(AWAITING_ROUTING).putAll(Map.of(SEND_TO_LENDER, REQUEST_RECEIVED, EXHAUST_ROTA, UNFILLED,
                CANCEL, CANCELLED));
        table.get(REQUEST_RECEIVED).putAll(Map.ofEntries(
                Map.entry(ANSWER_EXPECT_TO_SUPPLY, EXPECT_TO_SUPPLY),
                Map.entry(ANSWER_WILL_SUPPLY, WILL_SUPPLY),
                Map.entry(ANSWER_RETRY_POSSIBLE, RETRY_POSSIBLE),
                Map.entry(PROPOSE_CONDITIONS, CONDITIONS_PROPOSED),
                Map.entry(LENDER_UNFILLED, AWAITING_ROUTING),
                Map.entry(SHIP_LOAN, LOANED),
                Map.entry(DELIVER_COPY, COPY_COMPLETED),
                Map.entry(SEND_REMINDER, REQUEST_RECEIVED),
                Map.entry(NO_ANSWER, AWAITING_ROUTING),
                Map.entry(SKIP_LENDER, AWAITING_ROUTING),
                Map.entry(CANCEL, CANCEL_REQUESTED)));
        table.get(EXPECT_TO_SUPPLY).putAll(Map.ofEntries(
                Map.entry(ANSWER_WILL_SUPPLY, WILL_SUPPLY),
                Map.entry(ANSWER_RETRY_POSSIBLE, RETRY_POSSIBLE),
                Map.entry(PROPOSE_CONDITIONS, CONDITIONS_PROPOSED),
                Map.entry(LENDER_UNFILLED, AWAITING_ROUTING),
                Map.entry(SHIP_LOAN, LOANED),
                Map.entry(DELIVER_COPY, COPY_COMPLETED),
                Map.entry(SEND_REMINDER, EXPECT_TO_SUPPLY),
                Map.entry(NO_ANSWER, AWAITING_ROUTING),
                Map.entry(SKIP_LENDER, AWAITING_ROUTING),
                Map.entry(CANCEL, CANCEL_REQUESTED)));
        table.get(WILL_SUPPLY).putAll(Map.ofEntries(
                Map.entry(ANSWER_WILL_SUPPLY, WILL_SUPPLY),
                Map.entry(ANSWER_RETRY_POSSIBLE, RETRY_POSSIBLE),
                Map.entry(PROPOSE_CONDITIONS, CONDITIONS_PROPOSED),
                Map.entry(LENDER_UNFILLED, AWAITING_ROUTING),
                Map.entry(SHIP_LOAN, LOANED),
                Map.entry(DELIVER_COPY, COPY_COMPLETED),
                Map.entry(SEND_REMINDER, WILL_SUPPLY),
                Map.entry(NO_ANSWER, AWAITING_ROUTING),
                Map.entry(SKIP_LENDER, AWAITING_ROUTING),
                Map.entry(CANCEL, CANCEL_REQUESTED)));
        table.get(RETRY_POSSIBLE).putAll(Map.of(SEND_RETRY, REQUEST_RECEIVED, NO_ANSWER, AWAITING_ROUTING,
                SKIP_LENDER, AWAITING_ROUTING, CANCEL, CANCEL_REQUESTED));
        table.get(CONDITIONS_PROPOSED).putAll(Map.of(ACCEPT_CONDITIONS, REQUEST_RECEIVED,
                ASK_READER_CONSENT, AWAITING_READER_CONSENT, DECLINE_CONDITIONS, AWAITING_ROUTING,
                NO_ANSWER, AWAITING_ROUTING, CANCEL, CANCEL_REQUESTED));
        table.get(AWAITING_READER_CONSENT).putAll(Map.of(READER_ACCEPTS_CONDITIONS, REQUEST_RECEIVED,
                READER_DECLINES_CONDITIONS, AWAITING_ROUTING, NO_ANSWER, AWAITING_ROUTING,
                CANCEL, CANCEL_REQUESTED));
        table.get(CANCEL_REQUESTED).putAll(Map.of(CANCEL_ACCEPTED, CANCELLED, CANCEL_REFUSED, CANCEL_REQUESTED,
                NO_ANSWER, CANCELLED, SHIP_LOAN, LOANED, DELIVER_COPY, COPY_COMPLETED, LENDER_UNFILLED, CANCELLED));
        table.get(LOANED).putAll(Map.ofEntries(
                Map.entry(RECEIVE, LOANED),
                Map.entry(CHECK_OUT, LOANED),
                Map.entry(CHECK_IN_FROM_READER, LOANED),
                Map.entry(SHIP_BACK, SHIPPED_BACK),
                Map.entry(SHIP_FORWARD, SHIPPED_FORWARD),
                Map.entry(HOLD_RETURN, RETURN_HELD),
                Map.entry(LENDER_HOLDS_RETURN, RETURN_HELD),
                Map.entry(RECALL, RECALLED),
                Map.entry(REQUEST_RENEWAL, LOANED),
                Map.entry(APPROVE_RENEWAL, LOANED),
                Map.entry(DENY_RENEWAL, LOANED),
                Map.entry(MARK_OVERDUE, OVERDUE),
                Map.entry(LENDER_COMPLETES_LOAN, LOAN_COMPLETED),
                Map.entry(LENDER_ENDS_WITHOUT_RETURN, COMPLETED_WITHOUT_RETURN),
                Map.entry(REPORT_LOST, COMPLETED_WITHOUT_RETURN)));
        table.get(OVERDUE).putAll(Map.ofEntries(
                Map.entry(RECEIVE, OVERDUE),
                Map.entry(CHECK_OUT, OVERDUE),
                Map.entry(CHECK_IN_FROM_READER, OVERDUE),
                Map.entry(SHIP_BACK, SHIPPED_BACK),
                Map.entry(SHIP_FORWARD, SHIPPED_FORWARD),
                Map.entry(HOLD_RETURN, RETURN_HELD),
                Map.entry(LENDER_HOLDS_RETURN, RETURN_HELD),
                Map.entry(RECALL, RECALLED),
                Map.entry(REQUEST_RENEWAL, OVERDUE),
                Map.entry(APPROVE_RENEWAL, LOANED),
                Map.entry(DENY_RENEWAL, OVERDUE),
                Map.entry(LENDER_COMPLETES_LOAN, LOAN_COMPLETED),
                Map.entry(LENDER_ENDS_WITHOUT_RETURN, COMPLETED_WITHOUT_RETURN),
                Map.entry(REPORT_LOST, COMPLETED_WITHOUT_RETURN)));
        table.get(RECALLED).putAll(Map.ofEntries(
                Map.entry(RECEIVE, RECALLED),
                Map.entry(CHECK_OUT, RECALLED),
                Map.entry(CHECK_IN_FROM_READER, RECALLED),
                Map.entry(SHIP_BACK, SHIPPED_BACK),
                Map.entry(SHIP_FORWARD, SHIPPED_FORWARD),
                Map.entry(HOLD_RETURN, RETURN_HELD),
                Map.entry(LENDER_HOLDS_RETURN, RETURN_HELD),
                Map.entry(RECALL, RECALLED),
                Map.entry(MARK_OVERDUE, OVERDUE),
                Map.entry(LENDER_COMPLETES_LOAN, LOAN_COMPLETED),
                Map.entry(LENDER_ENDS_WITHOUT_RETURN, COMPLETED_WITHOUT_RETURN),
                Map.entry(REPORT_LOST, COMPLETED_WITHOUT_RETURN)));
        table.get(RETURN_HELD).putAll(Map.of(RELEASE_HOLD_RETURN, LOANED, SHIP_BACK, SHIPPED_BACK,
                LENDER_HOLDS_RETURN, RETURN_HELD, LENDER_COMPLETES_LOAN, LOAN_COMPLETED,
                LENDER_ENDS_WITHOUT_RETURN, COMPLETED_WITHOUT_RETURN, REPORT_LOST, COMPLETED_WITHOUT_RETURN));
        for (RequestState shipped : List.of(SHIPPED_BACK, SHIPPED_FORWARD)) {
            table.get(shipped).putAll(Map.of(LENDER_COMPLETES_LOAN, LOAN_COMPLETED,
                    LENDER_ENDS_WITHOUT_RETURN, COMPLETED_WITHOUT_RETURN, REPORT_LOST, COMPLETED_WITHOUT_RETURN));
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
        for (RequestState from : RequestState.values()) {
            for (RequestAction action : RequestAction.values()) {
                if (!EXPECTED.get(from).containsKey(action)) {
                    all.add(Arguments.of(from, action));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("legalTransitions")
    void legalTransitionLeadsToItsState(RequestState from, RequestAction action, RequestState to) {
        assertTrue(RequestStateMachine.allows(from, action));
        assertEquals(to, RequestStateMachine.next(from, action));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("illegalTransitions")
    void illegalTransitionIsRefusedNamingStateAndAction(RequestState from, RequestAction action) {
        assertFalse(RequestStateMachine.allows(from, action));
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> RequestStateMachine.next(from, action));
        assertEquals(from, refused.state());
        assertEquals(action, refused.action());
        assertTrue(refused.getMessage().contains(from.name()), refused.getMessage());
        assertTrue(refused.getMessage().contains(action.name()), refused.getMessage());
    }

    @Test
    void thePairsCoverBothEnumsWhole() {
        long pairs = legalTransitions().count() + illegalTransitions().count();
        assertEquals((long) RequestState.values().length * RequestAction.values().length, pairs);
    }

    @Test
    void theActionsOfEachStateAreThoseOfTheExpectedTable() {
        for (RequestState state : RequestState.values()) {
            assertEquals(EXPECTED.get(state).keySet(), RequestStateMachine.actionsIn(state), state.name());
        }
    }

    @Test
    void finalStatesAllowNothing() {
        for (RequestState state : RequestState.values()) {
            assertEquals(state.isFinal(), RequestStateMachine.actionsIn(state).isEmpty(), state.name());
        }
    }

    @Test
    void everyStateThatHoldsALendersSlotHasADeadlineThatMovesTheRequestOn() {
        for (RequestState state : RequestState.values()) {
            assertEquals(state.isWithLender(), RequestStateMachine.allows(state, NO_ANSWER), state.name());
        }
        assertEquals(EnumSet.of(REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY, RETRY_POSSIBLE, CONDITIONS_PROPOSED,
                AWAITING_READER_CONSENT, CANCEL_REQUESTED), RequestStateMachine.statesAllowing(NO_ANSWER));
    }

    @Test
    void submissionAndNotesAreNotTransitions() {
        for (RequestState state : RequestState.values()) {
            assertFalse(RequestStateMachine.allows(state, SUBMIT), state.name());
            assertFalse(RequestStateMachine.allows(state, NOTE), state.name());
        }
        assertEquals(Set.of(VALIDATE, CANCEL), RequestStateMachine.actionsIn(NEW));
    }

    @Test
    void isoStatusesAreSpelledAsTheStandardDoes() {
        assertEquals("ExpectToSupply", EXPECT_TO_SUPPLY.iso18626());
        assertEquals("CompletedWithoutReturn", COMPLETED_WITHOUT_RETURN.iso18626());
        assertNull(NEW.iso18626());
        assertNull(CANCEL_REQUESTED.iso18626());
    }
}

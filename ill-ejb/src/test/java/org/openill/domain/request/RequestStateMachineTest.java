package org.openill.domain.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.domain.request.RequestAction.*;
import static org.openill.domain.request.RequestState.*;

/** Every legal transition of an ILL request, and every other state/action pair refused with a clear error. */
class RequestStateMachineTest {

    /** The whole table, written out independently of the implementation. */
    static final Map<RequestState, Map<RequestAction, RequestState>> EXPECTED = Map.ofEntries(
            Map.entry(NEW, Map.of(VALIDATE, VALIDATED, CANCEL, CANCELLED)),
            Map.entry(VALIDATED, Map.of(SEND_TO_LENDER, REQUEST_RECEIVED, EXHAUST_ROTA, UNFILLED, CANCEL, CANCELLED)),
            Map.entry(AWAITING_ROUTING, Map.of(SEND_TO_LENDER, REQUEST_RECEIVED, EXHAUST_ROTA, UNFILLED, CANCEL, CANCELLED)),
            Map.entry(REQUEST_RECEIVED, Map.ofEntries(Map.entry(ANSWER_EXPECT_TO_SUPPLY, EXPECT_TO_SUPPLY),
                    Map.entry(ANSWER_WILL_SUPPLY, WILL_SUPPLY), Map.entry(PROPOSE_CONDITIONS, CONDITIONS_PROPOSED),
                    Map.entry(ANSWER_RETRY_POSSIBLE, RETRY_POSSIBLE), Map.entry(LENDER_UNFILLED, AWAITING_ROUTING),
                    Map.entry(NO_ANSWER, AWAITING_ROUTING), Map.entry(SKIP_LENDER, AWAITING_ROUTING),
                    Map.entry(CANCEL, CANCELLED), Map.entry(SHIP_LOAN, LOANED), Map.entry(DELIVER_COPY, COPY_COMPLETED))),
            Map.entry(EXPECT_TO_SUPPLY, Map.of(ANSWER_WILL_SUPPLY, WILL_SUPPLY, PROPOSE_CONDITIONS, CONDITIONS_PROPOSED,
                    ANSWER_RETRY_POSSIBLE, RETRY_POSSIBLE, LENDER_UNFILLED, AWAITING_ROUTING, SKIP_LENDER, AWAITING_ROUTING,
                    NO_ANSWER, AWAITING_ROUTING, CANCEL, CANCELLED, SHIP_LOAN, LOANED, DELIVER_COPY, COPY_COMPLETED)),
            Map.entry(WILL_SUPPLY, Map.of(LENDER_UNFILLED, AWAITING_ROUTING, SKIP_LENDER, AWAITING_ROUTING,
                    NO_ANSWER, AWAITING_ROUTING, CANCEL, CANCELLED, SHIP_LOAN, LOANED, DELIVER_COPY, COPY_COMPLETED)),
            Map.entry(RETRY_POSSIBLE, Map.of(ANSWER_WILL_SUPPLY, WILL_SUPPLY, PROPOSE_CONDITIONS, CONDITIONS_PROPOSED,
                    ANSWER_RETRY_POSSIBLE, RETRY_POSSIBLE, LENDER_UNFILLED, AWAITING_ROUTING, NO_ANSWER, AWAITING_ROUTING,
                    SKIP_LENDER, AWAITING_ROUTING, CANCEL, CANCELLED)),
            Map.entry(CONDITIONS_PROPOSED, Map.of(ACCEPT_CONDITIONS, WILL_SUPPLY, ASK_READER_CONSENT, AWAITING_READER_CONSENT,
                    DECLINE_CONDITIONS, AWAITING_ROUTING, NO_ANSWER, AWAITING_ROUTING, CANCEL, CANCELLED)),
            Map.entry(AWAITING_READER_CONSENT, Map.of(READER_ACCEPTS_CONDITIONS, WILL_SUPPLY,
                    READER_DECLINES_CONDITIONS, AWAITING_ROUTING, NO_ANSWER, AWAITING_ROUTING, CANCEL, CANCELLED)),
            Map.entry(LOANED, Map.of(RECEIVE, LOANED, SHIP_BACK, SHIPPED_BACK, REPORT_LOST, COMPLETED_WITHOUT_RETURN,
                    RECALL, RECALLED, REQUEST_RENEWAL, LOANED, APPROVE_RENEWAL, LOANED, DENY_RENEWAL, LOANED,
                    MARK_OVERDUE, OVERDUE)),
            Map.entry(OVERDUE, Map.of(RECEIVE, OVERDUE, SHIP_BACK, SHIPPED_BACK, REPORT_LOST, COMPLETED_WITHOUT_RETURN,
                    RECALL, RECALLED, REQUEST_RENEWAL, OVERDUE, APPROVE_RENEWAL, LOANED, DENY_RENEWAL, OVERDUE)),
            Map.entry(RECALLED, Map.of(RECEIVE, RECALLED, SHIP_BACK, SHIPPED_BACK, REPORT_LOST, COMPLETED_WITHOUT_RETURN,
                    RECALL, RECALLED, MARK_OVERDUE, OVERDUE)),
            Map.entry(SHIPPED_BACK, Map.of(CHECK_IN, LOAN_COMPLETED, REPORT_LOST, COMPLETED_WITHOUT_RETURN)),
            Map.entry(LOAN_COMPLETED, Map.of()),
            Map.entry(COPY_COMPLETED, Map.of()),
            Map.entry(COMPLETED_WITHOUT_RETURN, Map.of()),
            Map.entry(UNFILLED, Map.of()),
            Map.entry(CANCELLED, Map.of()));

    static Stream<Arguments> legalTransitions() {
        List<Arguments> all = new ArrayList<>();
        EXPECTED.forEach((from, actions) -> actions.forEach((action, to) -> all.add(Arguments.of(from, action, to))));
        return all.stream();
    }

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
        assertEquals(to, RequestStateMachine.next(from, action));
        assertTrue(RequestStateMachine.allows(from, action));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("illegalTransitions")
    void illegalTransitionIsRefusedNamingStateAndAction(RequestState from, RequestAction action) {
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> RequestStateMachine.next(from, action));
        assertTrue(refused.getMessage().contains(from.name()), refused.getMessage());
        assertTrue(refused.getMessage().contains(action.name()), refused.getMessage());
        assertFalse(RequestStateMachine.allows(from, action));
    }

    @Test
    void everyStateIsInTheTableAndFinalStatesAllowNothing() {
        assertEquals(EnumSet.allOf(RequestState.class), EXPECTED.keySet());
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
                AWAITING_READER_CONSENT), RequestStateMachine.statesAllowing(NO_ANSWER));
    }

    @Test
    void submissionIsNotATransition() {
        for (RequestState state : RequestState.values()) {
            assertFalse(RequestStateMachine.allows(state, SUBMIT));
        }
        assertEquals(Set.of(VALIDATE, CANCEL), RequestStateMachine.actionsIn(NEW));
    }

    @Test
    void isoStatusesAreSpelledAsTheStandardDoes() {
        assertEquals("ExpectToSupply", EXPECT_TO_SUPPLY.iso18626());
        assertEquals("CompletedWithoutReturn", COMPLETED_WITHOUT_RETURN.iso18626());
        assertEquals(null, NEW.iso18626());
    }
}

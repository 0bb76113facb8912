package org.openill.domain.request;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClockFailureTest {

    private static final Instant T0 = Instant.parse("2026-11-02T01:10:00Z");
    private static final Duration ROUND = Duration.ofMinutes(10);

    @Test
    void thirdFailureInARowLeavesTheRequestToStaffOnce() {
        ClockFailure failure = new ClockFailure(7, RequestAction.MARK_OVERDUE, "row locked", T0);
        assertFalse(failure.needsAttention());
        assertFalse(failure.failedAgain(RequestAction.MARK_OVERDUE, "row locked", T0.plus(ROUND)));
        assertTrue(failure.failedAgain(RequestAction.MARK_OVERDUE, "row locked", T0.plus(ROUND.multipliedBy(2))));
        assertTrue(failure.needsAttention());
        assertEquals(T0.plus(ROUND.multipliedBy(2)), failure.needsAttentionSince());
        assertFalse(failure.failedAgain(RequestAction.MARK_OVERDUE, "row locked", T0.plus(ROUND.multipliedBy(3))),
                "staff are asked once, not at every further failure");
        assertEquals(T0.plus(ROUND.multipliedBy(2)), failure.needsAttentionSince());
        assertEquals("The clock failed 4 time(s) in a row to mark overdue (last: row locked); it leaves the request to "
                + "staff until they let it try again", failure.reason());
    }

    @Test
    void failureAtAnotherStepStartsTheCountAgain() {
        ClockFailure failure = new ClockFailure(7, RequestAction.NO_ANSWER, "lender library missing", T0);
        failure.failedAgain(RequestAction.NO_ANSWER, "lender library missing", T0.plus(ROUND));
        assertFalse(failure.failedAgain(RequestAction.MARK_OVERDUE, "row locked", T0.plus(ROUND.multipliedBy(2))));
        assertEquals(1, failure.consecutiveFailures());
        assertEquals(RequestAction.MARK_OVERDUE, failure.step());
        assertEquals(T0.plus(ROUND.multipliedBy(2)), failure.firstFailedAt());
        assertEquals("The clock failed 1 time(s) in a row to mark overdue (last: row locked); it tries again on its "
                + "next round", failure.reason());
    }

    @Test
    void errorIsKeptToTheSizeOfItsColumn() {
        ClockFailure failure = new ClockFailure(7, RequestAction.MARK_OVERDUE, "x".repeat(5000), T0);
        assertEquals(ClockFailure.ERROR_LENGTH, failure.lastError().length());
        assertTrue(failure.lastError().endsWith("…"));
        failure.failedAgain(RequestAction.MARK_OVERDUE, "  ", T0.plus(ROUND));
        assertEquals("no reason given", failure.lastError());
    }
}

package org.openill.infrastructure.batch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchJobsTest {

    @AfterEach
    void forget() {
        System.clearProperty("ill.reconciliation.at");
        System.clearProperty("ill.reconciliation.catch-up");
    }

    @Test
    void theReconciliationRunsAtTheTimeConfiguredElseAtHalfPastTwo() {
        assertEquals(LocalTime.of(2, 30), BatchJobs.reconciliationTime());
        System.setProperty("ill.reconciliation.at", " 23:05 ");
        assertEquals(LocalTime.of(23, 5), BatchJobs.reconciliationTime());
    }

    @Test
    void aNightlyRunIsMissedWhenNoneCompletedSinceItWasLastDue() {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        LocalTime at = LocalTime.of(2, 30);
        java.time.Instant morning = java.time.Instant.parse("2026-11-29T09:00:00Z"); // 10:00 in Berlin
        assertTrue(BatchJobs.missedNightlyRun(null, morning, at, berlin), "never ran");
        assertFalse(BatchJobs.missedNightlyRun(java.time.Instant.parse("2026-11-29T01:35:00Z"), morning, at, berlin),
                "ran at 02:35 Berlin time today");
        assertTrue(BatchJobs.missedNightlyRun(java.time.Instant.parse("2026-11-28T01:35:00Z"), morning, at, berlin),
                "last ran yesterday night, not tonight");
        java.time.Instant beforeTonight = java.time.Instant.parse("2026-11-29T00:30:00Z"); // 01:30 in Berlin
        assertFalse(BatchJobs.missedNightlyRun(java.time.Instant.parse("2026-11-28T01:35:00Z"), beforeTonight, at,
                berlin), "tonight's run is not due yet");
    }

    @Test
    void startUpCatchesUpUnlessConfiguredNotTo() {
        assertTrue(BatchJobs.catchUpAtStartUp());
        System.setProperty("ill.reconciliation.catch-up", "FALSE");
        assertFalse(BatchJobs.catchUpAtStartUp());
    }

    @Test
    void aTimeThatIsNoTimeFallsBackToTheDefault() {
        System.setProperty("ill.reconciliation.at", "25:99");
        assertEquals(LocalTime.of(2, 30), BatchJobs.reconciliationTime());
    }

    @Test
    void eachJobHasALockOfItsOwnApartFromTheLendingClocks() {
        assertNotEquals(SingleExecution.lockKey("loan-reconciliation"), SingleExecution.lockKey("fee-settlement"));
        for (String job : BatchJobs.JOBS) {
            long key = SingleExecution.lockKey(job);
            assertEquals(key, SingleExecution.lockKey(job), "the same key on every server");
            for (org.openill.infrastructure.scheduling.LendingClock.Sweep sweep
                    : org.openill.infrastructure.scheduling.LendingClock.Sweep.values()) {
                assertNotEquals(sweep.lockKey(), key);
            }
        }
    }
}

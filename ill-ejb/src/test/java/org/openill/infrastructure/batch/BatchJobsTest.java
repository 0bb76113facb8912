package org.openill.infrastructure.batch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class BatchJobsTest {

    @AfterEach
    void forget() {
        System.clearProperty("ill.reconciliation.at");
    }

    @Test
    void theReconciliationRunsAtTheTimeConfiguredElseAtHalfPastTwo() {
        assertEquals(LocalTime.of(2, 30), BatchJobs.reconciliationTime());
        System.setProperty("ill.reconciliation.at", " 23:05 ");
        assertEquals(LocalTime.of(23, 5), BatchJobs.reconciliationTime());
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

package org.openill.it;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;

/** Waits for a batch job's execution to end, as the tests of the batch jobs do. */
final class BatchRuns {

    private BatchRuns() {
    }

    /** The execution once it has ended (at most a minute from now). */
    static JobExecution ended(long executionId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JobExecution execution = BatchRuntime.getJobOperator().getJobExecution(executionId);
            BatchStatus status = execution.getBatchStatus();
            if (status == BatchStatus.COMPLETED || status == BatchStatus.FAILED || status == BatchStatus.STOPPED
                    || status == BatchStatus.ABANDONED) {
                return execution;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Execution " + executionId + " did not end within a minute");
    }
}

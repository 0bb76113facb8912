package org.openill.application.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.openill.infrastructure.batch.BatchJobs;

import java.util.List;

/** The network administrators' view of the batch jobs: their executions, and starting, stopping, restarting them. */
@Stateless
@RolesAllowed("NETWORK_ADMIN")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StaffJobs {

    @EJB
    private BatchJobs jobs;

    public List<String> jobs() {
        return BatchJobs.JOBS;
    }

    public List<BatchJobs.ExecutionLine> executions() {
        return jobs.executions(50);
    }

    public long start(String job) {
        return jobs.start(job);
    }

    /** Settles the fees of a period (first and last day, UTC); the execution. */
    public long settleFees(java.time.LocalDate from, java.time.LocalDate until) {
        if (from == null || until == null || until.isBefore(from)) {
            throw new org.openill.domain.IllRuleViolation("A settlement period runs from a first day to a last day"
                    + " not before it").says("settlementPeriod");
        }
        return jobs.settleFees(from, until);
    }

    public void stop(long executionId) {
        jobs.stop(executionId);
    }

    public long restart(long executionId) {
        return jobs.restart(executionId);
    }
}

package org.openill.it;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.RequestQueries;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.request.RequestState;
import org.openill.infrastructure.batch.BatchJobs;
import org.openill.infrastructure.batch.SingleExecution;

import javax.naming.InitialContext;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.lending;

/**
 * The loan-reconciliation batch job in a real WildFly (JBeret, its job repository in PostgreSQL): loans past their due
 * date marked overdue on both sides, readers of loans due soon reminded once, agreements past their end expired; a
 * second run changes nothing; a second execution while one runs does nothing; an execution a crash left started is
 * marked failed.
 */
@ExtendWith(ArquillianExtension.class)
class LoanReconciliationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(LoanReconciliationIT.class, Fixtures.class, BatchRuns.class);
    }

    @EJB
    BatchJobs jobs;

    @EJB
    RequestQueries queries;

    @EJB
    Fixtures fixtures;

    /** Two months ahead: nothing of the test falls due by the real clock meanwhile. */
    private final LocalDate dueDay = LocalDate.now(ZoneOffset.UTC).plusDays(60);

    @Test
    void theJobMarksOverdueRemindsAndExpiresAndASecondRunChangesNothing() throws Exception {
        String borrower = fixtures.newLibraryIn(ZoneOffset.UTC);
        String lender = fixtures.newLibraryIn(ZoneOffset.UTC);
        fixtures.agreement(lending(lender).to(borrower));
        long ended = fixtures.agreement(lending(borrower).to(lender).until(dueDay.minusDays(10)));
        long late = loanDueOn(dueDay, lender, borrower);
        long dueSoon = loanDueOn(dueDay.plusDays(4), lender, borrower);
        long notYet = loanDueOn(dueDay.plusDays(30), lender, borrower);
        Instant asOf = dueDay.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();

        JobExecution first = BatchRuns.ended(jobs.start("loan-reconciliation", asOf));
        assertEquals(BatchStatus.COMPLETED, first.getBatchStatus(), first.getExitStatus());
        assertEquals(SupplierState.OVERDUE, fixtures.lendingStateOf(late));
        assertEquals(RequestState.OVERDUE, queries.details(late).state(), "the lender's message reached the borrower");
        assertEquals(SupplierState.LOANED, fixtures.lendingStateOf(dueSoon));
        assertEquals(1, reminders(dueSoon));
        assertEquals(0, reminders(notYet));
        assertEquals(SupplierState.LOANED, fixtures.lendingStateOf(notYet));
        assertEquals("EXPIRED", fixtures.agreementStatus(ended));

        long version = queries.details(late).version();
        int lenderSteps = fixtures.lendingHistoryOf(late).size();
        JobExecution second = BatchRuns.ended(jobs.start("loan-reconciliation", asOf));
        assertEquals(BatchStatus.COMPLETED, second.getBatchStatus(), second.getExitStatus());
        assertEquals(version, queries.details(late).version(), "nothing changed the second time");
        assertEquals(lenderSteps, fixtures.lendingHistoryOf(late).size());
        assertEquals(1, reminders(dueSoon), "a reader is reminded once");
        assertTrue(jobs.executions(10).stream().anyMatch(line -> line.id() == second.getExecutionId()
                && line.steps().stream().anyMatch(step -> step.step().equals("overdue"))));
    }

    @Test
    void anExecutionStartedWhileAnotherRunsDoesNothing() throws Exception {
        String borrower = fixtures.newLibraryIn(ZoneOffset.UTC);
        String lender = fixtures.newLibraryIn(ZoneOffset.UTC);
        fixtures.agreement(lending(lender).to(borrower));
        long late = loanDueOn(dueDay, lender, borrower);
        Instant asOf = dueDay.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/IllDS");
        try (Connection otherServer = dataSource.getConnection()) {
            // another server runs the job: it holds the job's lock
            lock(otherServer, "SELECT pg_advisory_lock(?)");
            try {
                JobExecution refused = BatchRuns.ended(jobs.start("loan-reconciliation", asOf));
                assertEquals(BatchStatus.FAILED, refused.getBatchStatus());
                assertEquals(SingleExecution.REFUSED, refused.getExitStatus());
                assertEquals(SupplierState.LOANED, fixtures.lendingStateOf(late), "the refused execution did nothing");
            } finally {
                lock(otherServer, "SELECT pg_advisory_unlock(?)");
            }
        }
        JobExecution ran = BatchRuns.ended(jobs.start("loan-reconciliation", asOf));
        assertEquals(BatchStatus.COMPLETED, ran.getBatchStatus(), ran.getExitStatus());
        assertEquals(SupplierState.OVERDUE, fixtures.lendingStateOf(late));
    }

    @Test
    void anExecutionACrashLeftStartedIsMarkedFailedUnlessAServerStillRunsIt() throws Exception {
        Instant asOf = dueDay.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        long id = BatchRuns.ended(jobs.start("loan-reconciliation", asOf)).getExecutionId();
        // as a server killed in the middle leaves it in the repository: started, its last step started
        String leftStarted = "UPDATE job_execution SET batchstatus = 'STARTED', endtime = NULL, exitstatus = NULL"
                + " WHERE jobexecutionid = " + id;
        String stepLeftStarted = "UPDATE step_execution SET batchstatus = 'STARTED', endtime = NULL"
                + " WHERE jobexecutionid = " + id + " AND stepname = 'expire-agreements'";
        fixtures.nativeUpdate(leftStarted);
        fixtures.nativeUpdate(stepLeftStarted);
        assertTrue(operator().getRunningExecutions("loan-reconciliation").contains(id));

        // while another server holds the job's lock, the execution is its own: left alone
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/IllDS");
        try (Connection otherServer = dataSource.getConnection()) {
            lock(otherServer, "SELECT pg_advisory_lock(?)");
            try {
                jobs.markCrashed();
                assertEquals(List.of("STARTED"), fixtures.strings(
                        "SELECT batchstatus FROM job_execution WHERE jobexecutionid = " + id));
            } finally {
                lock(otherServer, "SELECT pg_advisory_unlock(?)");
            }
        }
        // nobody runs it: marked failed, its step too, so that it can be restarted from its checkpoints
        jobs.markCrashed();
        assertEquals(List.of("FAILED " + BatchJobs.CRASHED), fixtures.strings(
                "SELECT batchstatus || ' ' || exitstatus FROM job_execution WHERE jobexecutionid = " + id));
        assertEquals(List.of("FAILED " + BatchJobs.CRASHED), fixtures.strings("SELECT batchstatus || ' ' || exitstatus"
                + " FROM step_execution WHERE jobexecutionid = " + id + " AND stepname = 'expire-agreements'"));
    }

    private static void lock(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, SingleExecution.lockKey("loan-reconciliation"));
            statement.execute();
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    private long reminders(long requestId) {
        return fixtures.notificationsOf(requestId).stream().filter(text -> text.startsWith("DUE_SOON: ")).count();
    }

    /** A loan the lender shipped to a new reader of the borrower, falling due on the day given. */
    private long loanDueOn(LocalDate due, String lender, String borrower) {
        long id = fixtures.shippedLoan(lender, borrower, "Reconciled Book");
        fixtures.loanFallsDueOn(id, due);
        return id;
    }
}

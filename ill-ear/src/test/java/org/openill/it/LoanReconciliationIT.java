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
import org.openill.application.BorrowingService;
import org.openill.application.LendingService;
import org.openill.application.RequestQueries;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.request.RequestState;
import org.openill.infrastructure.batch.BatchJobs;
import org.openill.infrastructure.batch.ReconciliationWork;
import org.openill.infrastructure.batch.SingleExecution;

import javax.naming.InitialContext;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.staffOf;

/**
 * The loan-reconciliation batch job in a real WildFly (JBeret, its job repository in PostgreSQL): loans past their due
 * date marked overdue on both sides, readers of loans due soon reminded once, agreements past their end expired, slow
 * lenders reminded once and flagged for their staff, a completion the borrower missed reconciled by a StatusRequest
 * and a status it cannot follow flagged; a second run changes nothing; a second execution while one runs does nothing; an execution a crash left started is
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
    BorrowingService borrowing;

    @EJB
    LendingService lending;

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

    @Test
    void aSlowLenderIsRemindedOnceAtHalfItsResponseTimeAndFlaggedForItsStaffPastIt() throws Exception {
        String borrower = fixtures.newLibraryIn(ZoneOffset.UTC);
        String lender = fixtures.newLibraryIn(ZoneOffset.UTC);
        fixtures.agreement(lending(lender).to(borrower)); // answers within 24 hours
        long id = fixtures.sentLoanRequest(lender, borrower, "Slowly Answered Book");
        long record = fixtures.lendingRecordOf(id);
        Instant asked = Instant.now();

        run(asked.plus(Duration.ofHours(8)));
        assertEquals(0, lenderMessages(id, "Reminder"), "not yet half of the 24 hours");
        run(asked.plus(Duration.ofHours(14)));
        assertEquals(1, lenderMessages(id, "Reminder"));
        assertTrue(fixtures.lenderProtocolOf(id).stream().anyMatch(line -> line.contains("Reminder")),
                "the lender's record received it: " + fixtures.lenderProtocolOf(id));
        run(asked.plus(Duration.ofHours(15)));
        assertEquals(1, lenderMessages(id, "Reminder"), "reminded once");
        assertEquals(List.of(), openFlags(record));

        run(asked.plus(Duration.ofHours(26)));
        assertEquals(List.of("NOT_ANSWERED " + lender + " Not answered within the agreement’s response time (24 h)"),
                openFlags(record));
        assertTrue(onQueue(record, "LENDING_EXCEPTIONS"), "on the lender's exceptions queue");
        run(asked.plus(Duration.ofHours(27)));
        assertEquals(1, fixtures.strings("SELECT id FROM attention_flag WHERE supplier_request_id = " + record).size(),
                "flagged once");

        // the lender answers: the next night clears the flag
        lending.unfilled(staffOf(lender), record, "NotAvailableForILL");
        run(asked.plus(Duration.ofHours(28)));
        assertEquals(List.of(), openFlags(record));
        assertFalse(onQueue(record, "LENDING_EXCEPTIONS"));
    }

    @Test
    void aCompletionTheBorrowerMissedIsReconciledByAStatusRequestAndASecondRunAsksNothing() throws Exception {
        String borrower = fixtures.newLibraryIn(ZoneOffset.UTC);
        String lender = fixtures.newLibraryIn(ZoneOffset.UTC);
        fixtures.agreement(lending(lender).to(borrower));
        long id = fixtures.shippedLoan(lender, borrower, "Returned Book");
        borrowing.receive(fixtures.borrowingOffice(id), id, null);
        borrowing.shipBack(fixtures.borrowingOffice(id), id, null);
        lending.checkIn(staffOf(lender), fixtures.lendingRecordOf(id));
        assertEquals(RequestState.LOAN_COMPLETED, queries.details(id).state());
        // as if the lender's LoanCompleted had never reached the borrower
        fixtures.nativeUpdate("UPDATE ill_request SET state = 'SHIPPED_BACK' WHERE id = " + id);
        Instant asOf = Instant.now().plus(Duration.ofDays(ReconciliationWork.STATUS_REQUEST_AFTER_DAYS + 1));

        run(asOf);
        assertEquals(1, lenderMessages(id, "StatusRequest"));
        assertEquals(RequestState.LOAN_COMPLETED, eventually(id, RequestState.LOAN_COMPLETED),
                "closed on the lender's answer: " + fixtures.borrowerProtocolOf(id));
        assertTrue(fixtures.borrowerProtocolOf(id).stream().anyMatch(line -> line.contains("StatusRequestResponse")),
                fixtures.borrowerProtocolOf(id).toString());
        long version = queries.details(id).version();
        run(asOf.plusSeconds(60));
        assertEquals(1, lenderMessages(id, "StatusRequest"), "the two sides agree: nothing asked the second time");
        assertEquals(version, queries.details(id).version());
    }

    @Test
    void aPartnerStatusTheRequestCannotFollowIsNotedAndFlaggedForTheBorrowersStaff() throws Exception {
        String borrower = fixtures.newLibraryIn(ZoneOffset.UTC);
        String lender = fixtures.newLibraryIn(ZoneOffset.UTC);
        fixtures.agreement(lending(lender).to(borrower));
        long id = fixtures.shippedLoan(lender, borrower, "Disputed Book");
        borrowing.receive(fixtures.borrowingOffice(id), id, null);
        // the lender's record says it never supplied the item the borrower holds
        fixtures.nativeUpdate("UPDATE supplier_request SET state = 'UNFILLED' WHERE id = " + fixtures.lendingRecordOf(id));
        Instant asOf = Instant.now().plus(Duration.ofDays(ReconciliationWork.STATUS_REQUEST_AFTER_DAYS + 1));

        run(asOf);
        assertEquals(1, lenderMessages(id, "StatusRequest"));
        List<String> flags = List.of();
        for (int i = 0; i < 50 && flags.isEmpty(); i++) {
            Thread.sleep(100);
            flags = fixtures.strings("SELECT kind FROM attention_flag WHERE cleared_at IS NULL AND request_id = " + id);
        }
        assertEquals(List.of("PARTNER_DISAGREES"), flags);
        assertEquals(RequestState.LOANED, queries.details(id).state(), "the request stays as it is");
        assertTrue(queries.details(id).audit().stream().anyMatch(line -> line.message() != null
                && line.message().contains("reports Unfilled while the request is LOANED")), "noted");
        assertTrue(onQueue(id, "BORROWING_EXCEPTIONS"), "on the borrower's exceptions queue");
    }

    @Test
    void aChunksOverdueMessagesGoTogetherAndOneTheBorrowerCannotApplyIsAnsweredErrorWhileTheOthersAreApplied()
            throws Exception {
        String borrower = fixtures.newLibraryIn(ZoneOffset.UTC);
        String lender = fixtures.newLibraryIn(ZoneOffset.UTC);
        fixtures.agreement(lending(lender).to(borrower));
        List<Long> loans = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            loans.add(loanDueOn(dueDay, lender, borrower));
        }
        long broken = loans.get(2);
        long brokenRecord = fixtures.lendingRecordOf(broken);
        // the borrower's record no longer answers to the transaction id the lender's messages carry
        assertEquals(1, fixtures.nativeUpdate("UPDATE rota_entry SET requesting_agency_request_id ="
                + " requesting_agency_request_id || '-moved' WHERE request_id = " + broken));
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        long logBefore = java.nio.file.Files.size(log);

        run(dueDay.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
        for (long loan : loans) {
            assertEquals(SupplierState.OVERDUE, loan == broken ? fixtures.lendingState(brokenRecord)
                    : fixtures.lendingStateOf(loan), "the lender marked #" + loan);
            assertEquals(loan == broken ? RequestState.LOANED : RequestState.OVERDUE,
                    eventually(loan, loan == broken ? RequestState.LOANED : RequestState.OVERDUE), "borrower's #" + loan);
        }
        assertEquals(List.of("REFUSED"), fixtures.strings("SELECT state FROM outbound_message WHERE supplier_request_id = "
                + brokenRecord + " ORDER BY id DESC LIMIT 1"), "answered ERROR, not retried");
        String logged;
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            file.seek(logBefore);
            byte[] added = new byte[(int) (file.length() - logBefore)];
            file.readFully(added);
            logged = new String(added, java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(logged.contains("Of 4 messages received together one could not be applied; each is received alone"),
                "the four went together first");
    }

    /** Runs the job as of the instant, to its end, completed. */
    private void run(Instant asOf) throws InterruptedException {
        JobExecution run = BatchRuns.ended(jobs.start("loan-reconciliation", asOf));
        assertEquals(BatchStatus.COMPLETED, run.getBatchStatus(), run.getExitStatus());
    }

    /** How many messages of the borrower to the lender about the request carry the text (Reminder, StatusRequest). */
    private long lenderMessages(long requestId, String text) {
        return fixtures.borrowerProtocolOf(requestId).stream().filter(line -> line.startsWith("OUT")
                && line.contains(text)).count();
    }

    private List<String> openFlags(long lendingRecordId) {
        return fixtures.strings("SELECT f.kind || ' ' || l.agency_id_value || ' ' || f.reason FROM attention_flag f"
                + " JOIN library l ON l.id = f.library_id WHERE f.cleared_at IS NULL AND f.supplier_request_id = "
                + lendingRecordId);
    }

    /** Whether the record is on the queue (its condition, as the staff page reads it). */
    private boolean onQueue(long id, String queue) {
        org.openill.application.staff.Queue chosen = org.openill.application.staff.Queue.valueOf(queue);
        String table = chosen.side() == org.openill.application.staff.Queue.Side.BORROWING ? "ill_request r"
                : "supplier_request s";
        String alias = table.substring(table.length() - 1);
        return !fixtures.strings("SELECT " + alias + ".id FROM " + table + " WHERE " + alias + ".id = " + id + " AND "
                + chosen.condition()).isEmpty();
    }

    /** The request's state once it is the one awaited (messages travel after commit), at most five seconds on. */
    private RequestState eventually(long requestId, RequestState awaited) throws InterruptedException {
        RequestState state = queries.details(requestId).state();
        for (int i = 0; i < 50 && state != awaited; i++) {
            Thread.sleep(100);
            state = queries.details(requestId).state();
        }
        return state;
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

package org.openill.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openill.server.DatabaseAccounts;
import org.openill.server.DatabaseSettings;
import org.openill.server.EmbeddedDatabase;
import org.openill.server.Ports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kill -9 in the middle of the nightly loan reconciliation, as a power cut or the OOM killer does it: the server
 * (WildFly and its launcher) is killed while the job marks thousands of overdue loans; at the next start-up the
 * execution left "started" is marked failed (CRASHED) and, the night's run having been missed, restarted from its
 * last checkpoints; in the end every loan is overdue on both sides with exactly one overdue step and one reader
 * notice each — what an uninterrupted run leaves — and the restarted execution did not read again what the killed
 * one had checkpointed. Runs with LauncherIT (its own failsafe execution), since both need ports 8080 and 9990.
 */
class JobCrashIT {

    /** Loans falling due together: enough for the job to run for many seconds, with checkpoints every 1,000. */
    static final int LOANS = 6000;

    private final Path work = Path.of(System.getProperty("ill.launcher.it.dir"))
            .resolve("crash-" + UUID.randomUUID().toString().substring(0, 8));
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void stopEverythingThisTestStarted() {
        for (ProcessHandle process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void aReconciliationKilledMidwayGoesOnFromItsCheckpointsAtStartUpAndMarksEveryLoanOnce() throws Exception {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(work.resolve("pg"), Ports.anyFree(), false)) {
            DatabaseAccounts accounts = postgres.database("crash");
            DatabaseSettings owner = accounts.owner();
            Map<String, String> env = new HashMap<>(accounts.asEnvironment());
            env.put("ILL_DATA_DIR", work.resolve("data").toString());
            env.put("ILL_DEMO_ACTIVITY", "false");

            // the schema and the demo network (libraries, agreements, readers), then the loans, all due two days ago
            env.put("ILL_RECONCILIATION_CATCH_UP", "false");
            Launcher first = start("first.out", env);
            first.process().destroy();
            assertTrue(first.process().waitFor(2, TimeUnit.MINUTES), "the first launcher did not stop");
            String generator = Files.readString(Path.of(System.getProperty("ill.bench.dir"), "open-loans.sql"))
                    .replace("${loans}", String.valueOf(LOANS))
                    .replace("${first_due}", LocalDate.now(ZoneOffset.UTC).minusDays(2).toString())
                    .replace("${days}", "1");
            execute(owner, generator);
            assertEquals(LOANS, count(owner, "SELECT COUNT(*) FROM supplier_request WHERE state = 'LOANED'"));

            // the next start-up catches up on the night's reconciliation; it is killed once it checkpointed
            env.remove("ILL_RECONCILIATION_CATCH_UP");
            Launcher second = start("second.out", env);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            long marked = 0;
            while (System.nanoTime() < deadline && (marked < LOANS / 4 || count(owner,
                    "SELECT COUNT(*) FROM partition_execution WHERE readercheckpointinfo IS NOT NULL") == 0)) {
                Thread.sleep(200);
                marked = count(owner, "SELECT COUNT(*) FROM supplier_request WHERE state = 'OVERDUE'");
            }
            assertTrue(marked < LOANS, "the job ended before it could be killed: " + marked + " marked");
            second.process().descendants().forEach(ProcessHandle::destroyForcibly);
            second.process().destroyForcibly();
            second.process().waitFor(30, TimeUnit.SECONDS);
            long killedAt = count(owner, "SELECT COUNT(*) FROM supplier_request WHERE state = 'OVERDUE'");
            assertTrue(killedAt < LOANS, "killed after the job ended");
            assertEquals(List.of("STARTED"), strings(owner, "SELECT batchstatus FROM job_execution"));
            long killed = count(owner, "SELECT jobexecutionid FROM job_execution");

            // the third start-up marks the killed execution crashed and restarts it from its checkpoints
            Launcher third = start("third.out", env);
            deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline && count(owner,
                    "SELECT COUNT(*) FROM job_execution WHERE batchstatus IN ('COMPLETED', 'FAILED', 'STOPPED')"
                            + " AND jobexecutionid <> " + killed) == 0) {
                Thread.sleep(500);
            }
            assertEquals(List.of(killed + " FAILED CRASHED", (killed + 1) + " COMPLETED COMPLETED"), strings(owner,
                    "SELECT jobexecutionid || ' ' || batchstatus || ' ' || exitstatus FROM job_execution"
                            + " ORDER BY jobexecutionid"), third.output());
            assertTrue(Files.readString(work.resolve("data/log/server.log")).contains("goes on from its last checkpoint"),
                    "restarted, not started anew");

            // a message the kill caught between the lender's commit and its delivery goes from the outbox after start-up
            deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline
                    && count(owner, "SELECT COUNT(*) FROM outbound_message WHERE state = 'PENDING'") > 0) {
                Thread.sleep(500);
            }
            // what an uninterrupted run leaves: every loan overdue on both sides, each marked once, each reader told once
            String seen = String.join("; ", strings(owner, "SELECT 'partition ' || p.stepexecutionid || '/'"
                    + " || p.partitionexecutionid || ' ' || p.batchstatus || ' ' || COALESCE(encode(p.readercheckpointinfo, 'hex'), '-')"
                    + " FROM partition_execution p"
                    + " UNION ALL SELECT 'step ' || s.jobexecutionid || ' ' || s.stepname || ' ' || s.batchstatus"
                    + " || ' read ' || s.readcount || ' written ' || s.writecount FROM step_execution s"
                    + " UNION ALL SELECT 'outbox ' || state || ' ' || COALESCE(claimed_by, '-') || ': ' || COUNT(*)"
                    + " FROM outbound_message GROUP BY state, claimed_by"
                    + " UNION ALL SELECT 'borrowing ' || state || ': ' || COUNT(*) FROM ill_request GROUP BY state"
                    + " ORDER BY 1")) + "; killed with " + killedAt + " marked";
            assertEquals(List.of(), strings(owner, "SELECT s.id || ' ' || s.lender_id || ' ' || s.state FROM supplier_request s"
                    + " WHERE s.state <> 'OVERDUE' AND s.bib_title LIKE 'Open Loan %' ORDER BY s.id"), "not marked; " + seen);
            assertEquals(LOANS, count(owner, "SELECT COUNT(*) FROM supplier_request WHERE state = 'OVERDUE'"), seen);
            assertEquals(LOANS, count(owner, "SELECT COUNT(*) FROM ill_request WHERE state = 'OVERDUE'"), seen);
            assertEquals(LOANS, count(owner, "SELECT COUNT(*) FROM supplier_event WHERE action = 'MARK_OVERDUE'"), seen);
            assertEquals(0, count(owner, "SELECT COUNT(*) FROM (SELECT supplier_request_id FROM supplier_event"
                    + " WHERE action = 'MARK_OVERDUE' GROUP BY 1 HAVING COUNT(*) > 1) twice"), seen);
            assertEquals(LOANS, count(owner, "SELECT COUNT(*) FROM request_event WHERE action = 'MARK_OVERDUE'"), seen);
            assertEquals(LOANS, count(owner, "SELECT COUNT(DISTINCT request_id) FROM reader_notification"
                    + " WHERE kind = 'OVERDUE'"), seen);
            assertEquals(LOANS, count(owner, "SELECT COUNT(*) FROM reader_notification WHERE kind = 'OVERDUE'"), seen);
            // the restart read only what the killed execution had not checkpointed: the readers of the partitions that
            // had checkpointed went on after their last checkpoint, not from the start
            java.util.regex.Matcher resumed = java.util.regex.Pattern.compile(
                    "Loan reconciliation \\(overdue\\) of library (\\d+) goes on after #(\\d+), its last checkpoint")
                    .matcher(Files.readString(work.resolve("data/log/server.log")));
            int partitionsResumed = 0;
            while (resumed.find()) {
                partitionsResumed++;
                assertTrue(Long.parseLong(resumed.group(2)) > 0, resumed.group());
            }
            assertTrue(partitionsResumed > 0, "no partition went on from its checkpoint; " + seen);
            long reread = count(owner, "SELECT COALESCE(SUM(readcount), 0) FROM step_execution"
                    + " WHERE jobexecutionid = " + (killed + 1) + " AND stepname = 'overdue'");
            assertEquals(LOANS - killedAt, reread, "read again after the restart: only the loans not marked; " + seen);

            third.process().destroy();
            assertTrue(third.process().waitFor(2, TimeUnit.MINUTES), "the third launcher did not stop");
        }
    }

    private Launcher start(String out, Map<String, String> env) throws Exception {
        Launcher launcher = Launcher.start(work.resolve(out), env);
        started.add(launcher.process().toHandle());
        launcher.awaitReady();
        return launcher;
    }

    private static void execute(DatabaseSettings account, String sql) throws SQLException {
        try (Connection connection = account.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(DatabaseSettings account, String sql) throws SQLException {
        try (Connection connection = account.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            if (!row.next()) {
                fail("No row: " + sql);
            }
            return row.getLong(1);
        }
    }

    private static List<String> strings(DatabaseSettings account, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = account.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}

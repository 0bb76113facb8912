import org.openill.server.DatabaseAccounts;
import org.openill.server.DatabaseSettings;
import org.openill.server.EmbeddedDatabase;
import org.openill.server.Ports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long the nightly loan-reconciliation job takes in the real server over a network's open loans (default
 * 5,000,000 between 20 libraries, loan periods spread so that 1 in 28 fell due yesterday and 4 in 28 fall due within
 * three days): a throw-away embedded PostgreSQL; the launcher of the README (WildFly with the application) starts once
 * to create the schema; the loans are generated in SQL (bench/open-loans.sql, fixed seed); the launcher starts again
 * and catches up on the night's run, as after any night it missed; the figures are the job's own, from its repository
 * (each step's start, end and items read), beside PostgreSQL's own time for the set-based equivalent of the overdue
 * step (finding and marking the loans, rolled back) as the floor. Run through bench/loan-reconciliation.sh.
 */
public class LoanReconciliationBench {

    static final int LIBRARIES = 20;

    public static void main(String[] args) throws Exception {
        int loans = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        Path work = Files.createTempDirectory("ill-bench-reconciliation");
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(work.resolve("pg"), Ports.anyFree(), false)) {
            DatabaseAccounts accounts = postgres.database("bench");
            DatabaseSettings owner = accounts.owner();
            Map<String, String> env = new HashMap<>(accounts.asEnvironment());
            env.put("ILL_DATA_DIR", work.resolve("data").toString());
            env.put("ILL_DEMO_DATA", "false");
            env.put("ILL_RECONCILIATION_CATCH_UP", "false");
            Process first = launch(work.resolve("first.out"), env);
            first.destroy();
            first.waitFor(2, TimeUnit.MINUTES);

            long started = System.nanoTime();
            try (Connection connection = owner.connect(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT setseed(0.18626)");
                statement.execute("""
                        INSERT INTO library (id, agency_id_type, agency_id_value, name, time_zone, status)
                        SELECT 1000 + g, 'ISIL', 'ZZ-L' || g, 'Bench Library ' || g, 'UTC', 'ACTIVE'
                        FROM generate_series(1, %d) g""".formatted(LIBRARIES));
                statement.execute("""
                        INSERT INTO reader (id, library_id, card_number, card_valid_from, card_valid_until, first_name,
                                            last_name, email, category, status)
                        SELECT 1000 + g, 1000 + g, 'C' || g, DATE '2020-01-01', DATE '2030-12-31', 'Reader', 'No ' || g,
                               'r' || g || '@example.org', 'POSTGRADUATE', 'ACTIVE'
                        FROM generate_series(1, %d) g""".formatted(LIBRARIES));
                statement.execute("""
                        INSERT INTO partner_agreement (id, lender_id, borrower_id, reciprocal, loans_allowed,
                            copies_allowed, loan_period_days, max_renewals, max_outstanding, fee_per_loan, fee_per_copy,
                            currency, valid_from, status, priority, response_time_hours)
                        SELECT 100000 + l * 100 + b, 1000 + l, 1000 + b, true, true, true, 28, 1, 1000000, 0, 0, 'EUR',
                               DATE '2020-01-01', 'ACTIVE', 1, 48
                        FROM generate_series(1, %d) l CROSS JOIN generate_series(1, %d) b WHERE l <> b"""
                        .formatted(LIBRARIES, LIBRARIES));
                statement.execute(Files.readString(Path.of("bench/open-loans.sql"))
                        .replace("${loans}", String.valueOf(loans))
                        .replace("${first_due}", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
                        .replace("${days}", "28"));
                statement.execute("VACUUM ANALYZE");
            }
            System.out.printf("Generated %,d open loans between %d libraries in %.1f s (%,d fell due yesterday)%n",
                    loans, LIBRARIES, (System.nanoTime() - started) / 1e9,
                    count(owner, "SELECT COUNT(*) FROM supplier_request WHERE due_date < CURRENT_DATE"));

            // PostgreSQL alone: find the loans past due and mark them (rolled back), the floor of the overdue step
            long floor;
            try (Connection connection = owner.connect(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                long start = System.nanoTime();
                statement.executeUpdate("UPDATE supplier_request SET state = 'OVERDUE', updated_at = now()"
                        + " WHERE state IN ('LOANED', 'RECALLED') AND due_date < CURRENT_DATE");
                statement.executeUpdate("UPDATE ill_request SET state = 'OVERDUE', updated_at = now()"
                        + " WHERE state = 'LOANED' AND due_date < CURRENT_DATE");
                floor = System.nanoTime() - start;
                connection.rollback();
            }

            env.remove("ILL_RECONCILIATION_CATCH_UP");
            Process second = launch(work.resolve("second.out"), env);
            long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(3);
            while (System.nanoTime() < deadline && count(owner,
                    "SELECT COUNT(*) FROM job_execution WHERE batchstatus IN ('COMPLETED', 'FAILED', 'STOPPED')") == 0) {
                Thread.sleep(2000);
            }
            System.out.println("The job's own figures (its repository):");
            try (Connection connection = owner.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("""
                         SELECT s.stepname, s.batchstatus, EXTRACT(EPOCH FROM s.endtime - s.starttime),
                                s.readcount, s.writecount
                         FROM step_execution s ORDER BY s.stepexecutionid""")) {
                while (rows.next()) {
                    System.out.printf("  %-18s %-10s %9.1f s  %,10d read  %,10d written%n", rows.getString(1),
                            rows.getString(2), rows.getDouble(3), rows.getLong(4), rows.getLong(5));
                }
            }
            try (Connection connection = owner.connect(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT batchstatus, EXTRACT(EPOCH FROM endtime - starttime)"
                         + " FROM job_execution")) {
                row.next();
                System.out.printf("  %-18s %-10s %9.1f s over %,d open loans%n", "loan-reconciliation",
                        row.getString(1), row.getDouble(2), loans);
            }
            System.out.printf("  %-18s %-10s %9.1f s (PostgreSQL alone marks the same loans overdue, rolled back)%n",
                    "floor", "", floor / 1e9);
            System.out.printf("Loans overdue now: %,d (lenders' records), %,d (borrowers' records); readers reminded of"
                            + " loans due soon: %,d; ISO 18626 messages delivered: %,d, not delivered: %,d%n",
                    count(owner, "SELECT COUNT(*) FROM supplier_request WHERE state = 'OVERDUE'"),
                    count(owner, "SELECT COUNT(*) FROM ill_request WHERE state = 'OVERDUE'"),
                    count(owner, "SELECT COUNT(*) FROM reader_notification WHERE kind = 'DUE_SOON'"),
                    count(owner, "SELECT COUNT(*) FROM outbound_message WHERE state = 'DELIVERED'"),
                    count(owner, "SELECT COUNT(*) FROM outbound_message WHERE state <> 'DELIVERED'"));
            second.destroy();
            second.waitFor(2, TimeUnit.MINUTES);
        }
    }

    /** The launcher of the README's first command, ready (it said so), its output in a file. */
    static Process launch(Path out, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "server-config/target/ill-server-launcher.jar").redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ILL_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).contains("Press Ctrl-C to stop.")) {
                return process;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The launcher stopped:\n" + Files.readString(out));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The launcher was not ready in five minutes:\n" + Files.readString(out));
    }

    static long count(DatabaseSettings account, String sql) throws Exception {
        try (Connection connection = account.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}

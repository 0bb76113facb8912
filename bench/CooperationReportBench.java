import org.openill.application.report.CooperationReports;
import org.openill.server.DatabaseSettings;
import org.openill.server.EmbeddedDatabase;
import org.openill.server.Ports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long the cooperation-report job takes to compile a year's report of the whole network: a throw-away embedded
 * PostgreSQL with the project's migrations, a year of requests (default 10,000,000) between 20 libraries generated in
 * SQL with a fixed seed, then the very statements the job runs (CooperationReports.parts(), its parts at once as the job runs them),
 * timed one by one,
 * and, as the floor to compare with, PostgreSQL's own time for the bare aggregates over the same rows (the counts and
 * percentiles per library and per pair, nothing stored). Run through bench/cooperation-report.sh.
 */
public class CooperationReportBench {

    static final int LIBRARIES = 20;

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        Path data = Files.createTempDirectory("ill-bench-pg");
        String elsewhere = System.getenv("BENCH_DB_URL"); // a database of one's own instead, to study the plans
        try (EmbeddedDatabase postgres = elsewhere != null ? null : EmbeddedDatabase.start(data, Ports.anyFree(), false)) {
            DatabaseSettings db = elsewhere != null ? new DatabaseSettings(elsewhere, System.getenv("BENCH_DB_USER"), "")
                    : postgres.database("bench").owner();
            try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                long started = System.nanoTime();
                if (System.getenv("BENCH_REUSE") == null) {
                    migrate(connection);
                    generate(connection, requests);
                    System.out.printf("Generated %,d requests of 2025 (each with the lender's record, fees for a"
                            + " third) between %d libraries in %.1f s%n", requests, LIBRARIES, seconds(started));
                }
                for (int round = 1; round <= 2; round++) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("DELETE FROM cooperation_report");
                        statement.execute("INSERT INTO cooperation_report (id, period_kind, period_from, period_until,"
                                + " previous_from, created_at) VALUES (" + round + ", 'YEAR', DATE '2025-01-01',"
                                + " DATE '2025-12-31', DATE '2024-01-01', now())");
                    }
                    System.out.printf("Round %d: the job's statements (year 2025, the network), its parts at once%n", round);
                    long all = System.nanoTime();
                    int report = round;
                    List<List<String>> parts = CooperationReports.parts();
                    List<java.util.concurrent.Future<List<String>>> running = new java.util.ArrayList<>();
                    java.util.concurrent.ExecutorService lanes = java.util.concurrent.Executors.newFixedThreadPool(parts.size());
                    for (List<String> part : parts) {
                        running.add(lanes.submit(() -> compilePart(db, part, report)));
                    }
                    for (int i = 0; i < running.size(); i++) {
                        for (String line : running.get(i).get()) {
                            System.out.printf("  part %d: %s%n", i + 1, line);
                        }
                    }
                    lanes.shutdown();
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("UPDATE cooperation_report SET compiled_at = now() WHERE id = " + round);
                    }
                    System.out.printf("  %-40s %8.2f s%n", "report compiled (all parts, committed)", seconds(all));
                    long floor = System.nanoTime();
                    try (Statement statement = connection.createStatement()) {
                        count(statement, """
                                SELECT lender_id, borrower_id, COUNT(*), COUNT(supplied_as),
                                       percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM shipped_at - created_at)),
                                       percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM borrower_received_at - created_at))
                                FROM supplier_request
                                WHERE created_at >= TIMESTAMPTZ '2024-01-01 00:00Z' AND created_at < TIMESTAMPTZ '2026-01-01 00:00Z'
                                GROUP BY 1, 2""");
                        count(statement, """
                                SELECT borrower_id, COUNT(*), COUNT(supplied_as),
                                       percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM received_at - created_at))
                                FROM ill_request
                                WHERE created_at >= TIMESTAMPTZ '2024-01-01 00:00Z' AND created_at < TIMESTAMPTZ '2026-01-01 00:00Z'
                                GROUP BY 1""");
                    }
                    System.out.printf("  %-32s %8.2f s%n", "floor: PostgreSQL's bare aggregates", seconds(floor));
                }
            }
        }
    }

    /** One part of the report in a transaction of its own, as the job runs it; a line per statement timed. */
    static List<String> compilePart(DatabaseSettings db, List<String> part, int report) throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            connection.setAutoCommit(false);
            for (String sql : part) {
                long one = System.nanoTime();
                int rows;
                try (Statement statement = connection.createStatement()) {
                    rows = statement.executeUpdate(literal(sql, report));
                }
                lines.add(String.format("%-32s %8.2f s  %,9d rows", name(sql), seconds(one), rows));
            }
            long commit = System.nanoTime();
            connection.commit();
            lines.add(String.format("%-32s %8.2f s", "commit", seconds(commit)));
        }
        return lines;
    }

    static String name(String sql) {
        return sql.contains("'TITLE'") ? "busiest titles" : sql.contains("'SUBJECT'") ? "busiest subjects"
                : sql.strip().split("\\s+")[2].replace("cooperation_", "").replace('_', ' ');
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void count(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                rows.getLong(1);
            }
        }
    }

    /** The statement with the report's parameters written in. */
    static String literal(String sql, int report) {
        return sql.replace("?1", "TIMESTAMPTZ '2024-01-01 00:00Z'").replace("?2", "TIMESTAMPTZ '2025-01-01 00:00Z'")
                .replace("?3", "TIMESTAMPTZ '2026-01-01 00:00Z'").replace("?4", "0").replace("?5", String.valueOf(report));
    }

    static void migrate(Connection connection) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("ill-ejb/src/main/resources/db/migration"))) {
            List<Path> migrations = files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
            for (Path migration : migrations) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(Files.readString(migration));
                }
            }
        }
    }

    static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /**
     * {@code requests} requests spread over 2025 between 20 libraries, each asked of one other library (its lending
     * record too): 70 % filled (loans and copies, shipped within hours to days, most received), 15 % unfilled with
     * one of four reasons, the rest cancelled or open; a fee for a third of the filled ones; titles and subjects drawn
     * from a catalogue of 50,000 records.
     */
    static void generate(Connection connection, int requests) throws Exception {
        try (Statement statement = connection.createStatement()) {
            // the secondary indexes of the tables filled (trigram ones among them) are built once at the end, from
            // their own definitions, rather than row by row: the load, not the report, would otherwise take hours
            List<String> indexes = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                    WHERE i.indrelid IN ('ill_request'::regclass, 'supplier_request'::regclass, 'fee_charge'::regclass)
                      AND NOT i.indisprimary AND NOT i.indisunique""")) {
                while (rows.next()) {
                    indexes.add(rows.getString(2));
                    try (Statement drop = connection.createStatement()) {
                        drop.execute("DROP INDEX " + rows.getString(1));
                    }
                }
            }
            fill(statement, requests);
            for (String index : indexes) {
                statement.execute(index);
            }
            statement.execute("VACUUM ANALYZE");
        }
    }

    static void fill(Statement statement, int requests) throws Exception {
        statement.execute("SELECT setseed(0.18626)");
        statement.execute("""
                INSERT INTO library (id, agency_id_type, agency_id_value, name, time_zone, status)
                SELECT g, 'ISIL', 'ZZ-R' || g, 'Report Library ' || g, 'UTC', 'ACTIVE'
                FROM generate_series(1, %d) g""".formatted(LIBRARIES));
        statement.execute("""
                INSERT INTO reader (id, library_id, card_number, card_valid_from, card_valid_until, first_name,
                                    last_name, email, category, status)
                SELECT g, 1 + g %% %d, 'C' || g, DATE '2020-01-01', DATE '2030-12-31', 'Reader', 'No ' || g,
                       'r' || g || '@example.org', 'POSTGRADUATE', 'ACTIVE'
                FROM generate_series(1, 20000) g""".formatted(LIBRARIES));
        statement.execute("""
                INSERT INTO bib_record (id, title, subjects, format)
                SELECT g, 'Title ' || g,
                       (ARRAY['Geology','Linguistics','Statistics','History','Chemistry','Law','Medicine','Music',
                              'Ecology','Economics'])[1 + g % 10] || '; ' ||
                       (ARRAY['Europe','Asia','Methods','Theory','Sources'])[1 + g % 5], 'BOOK'
                FROM generate_series(1, 50000) g""");
        statement.execute("""
                CREATE TEMPORARY TABLE draw AS
                SELECT g AS id, 1 + (g %% %d) AS borrower, 1 + ((g %% %d) + 1 + (g / %d) %% %d) %% %d AS lender,
                       1 + floor(random() * 50000)::int AS record, random() AS x, random() AS y,
                       TIMESTAMPTZ '2025-01-01 00:00Z' + interval '1 second' * (random() * 31535000) AS created
                FROM generate_series(1, %d) g""".formatted(LIBRARIES, LIBRARIES, LIBRARIES, LIBRARIES - 1,
                LIBRARIES, requests));
        String outcome = """
                CASE WHEN x < 0.55 THEN 'LOAN' WHEN x < 0.70 THEN 'COPY' WHEN x < 0.85 THEN 'UNFILLED'
                     WHEN x < 0.93 THEN 'CANCELLED' ELSE 'OPEN' END""";
        statement.execute("""
                INSERT INTO ill_request (id, borrower_id, reader_id, record_id, bib_title, service_type, state,
                                         lender_id, supplied_as, received_at, created_at, updated_at)
                SELECT id, borrower, borrower - 1 + %d * (1 + id %% 998), CASE WHEN o = 'OPEN' THEN NULL ELSE record END,
                       'Title ' || record, 'COPY_OR_LOAN',
                       CASE o WHEN 'LOAN' THEN 'LOAN_COMPLETED' WHEN 'COPY' THEN 'COPY_COMPLETED'
                              WHEN 'OPEN' THEN 'REQUEST_RECEIVED' ELSE o END,
                       lender, CASE WHEN o IN ('LOAN', 'COPY') THEN o END,
                       CASE WHEN o IN ('LOAN', 'COPY') AND y < 0.9 THEN created + interval '1 hour' * (2 + y * 300) END,
                       created, created
                FROM (SELECT *, %s AS o FROM draw) d""".formatted(LIBRARIES, outcome));
        statement.execute("""
                INSERT INTO supplier_request (id, lender_id, requesting_agency_type, requesting_agency_value,
                                              borrower_id, requesting_agency_request_id, bib_title, service_type,
                                              state, supplied_as, reason, shipped_at, borrower_received_at,
                                              created_at, updated_at)
                SELECT %d + id, lender, 'ISIL', 'ZZ-R' || borrower, borrower, id || '-1', 'Title ' || record,
                       'COPY_OR_LOAN',
                       CASE o WHEN 'LOAN' THEN 'LOAN_COMPLETED' WHEN 'COPY' THEN 'COPY_COMPLETED'
                              WHEN 'OPEN' THEN 'NEW' ELSE o END,
                       CASE WHEN o IN ('LOAN', 'COPY') THEN o END,
                       CASE WHEN o = 'UNFILLED' THEN (ARRAY['NotHeld','NotAvailableForILL','NotOnShelf','Other'])[1 + floor(y * 4)::int] END,
                       CASE WHEN o IN ('LOAN', 'COPY') THEN created + interval '1 hour' * (1 + y * 100) END,
                       CASE WHEN o IN ('LOAN', 'COPY') AND y < 0.9 THEN created + interval '1 hour' * (2 + y * 300) END,
                       created, created
                FROM (SELECT *, %s AS o FROM draw) d""".formatted(requests, outcome));
        statement.execute("""
                INSERT INTO fee_charge (id, request_id, creditor_id, debtor_id, kind, amount, currency, posted_at)
                SELECT id, id, lender, borrower, 'LOAN', 2.50 + (id % 4), CASE WHEN id % 7 = 0 THEN 'USD' ELSE 'EUR' END,
                       created + interval '1 day'
                FROM draw WHERE x < 0.70 AND y < 0.33 AND created < TIMESTAMPTZ '2025-12-31 00:00Z'""");
        statement.execute("DROP TABLE draw");
    }
}

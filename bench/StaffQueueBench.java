import org.openill.application.staff.Queue;
import org.openill.application.staff.QueueFilter;
import org.openill.application.staff.QueueKey;
import org.openill.application.staff.QueueOrder;
import org.openill.application.staff.QueueSql;
import org.openill.server.DatabaseSettings;
import org.openill.server.EmbeddedDatabase;
import org.openill.server.Ports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How fast the back office's queues are with a million requests of one library (and a million partners' requests to
 * it). Starts a throw-away embedded PostgreSQL, applies the project's Flyway migrations, generates the rows with a
 * seeded generator in SQL, and times the very statements StaffQueues runs (built by QueueSql): the first page of a
 * tab with the capped count the page shows, a filtered page with its count, the next page (keyset) and the last page.
 * Run through bench/staff-queues.sh.
 */
public class StaffQueueBench {

    static final int PAGE = 25;

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path data = Files.createTempDirectory("ill-bench-pg");
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(data, Ports.anyFree(), false)) {
            DatabaseSettings db = postgres.database("bench").owner();
            try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                long started = System.nanoTime();
                migrate(connection);
                generate(connection, requests);
                System.out.printf("Loaded %,d borrowing requests and %,d lending records of library 1 in %.1f s%n",
                        requests, requests, (System.nanoTime() - started) / 1e9);
                System.out.printf("Server time (PostgreSQL, the statements StaffQueues runs), %d rounds each, pages of"
                        + " %d rows; a first view = capped count + page:%n", rounds, PAGE);
                System.out.printf("%-58s %9s %8s %8s %8s%n", "view", "rows", "p50 ms", "p95 ms", "max ms");
                QueueOrder newest = QueueOrder.NEWEST_FIRST;
                QueueOrder waiting = new QueueOrder(true, false);
                for (Queue.Side side : Queue.Side.values()) {
                    String s = side == Queue.Side.BORROWING ? "BORROWING_" : "LENDING_";
                    String partner = "ZZ-B5";
                    for (String tab : side == Queue.Side.BORROWING
                            ? List.of("ALL", "DONE", "NEW", "AWAITING_LENDER", "ON_LOAN", "OVERDUE", "EXCEPTIONS")
                            : List.of("ALL", "DONE", "NEW", "TO_SHIP", "ON_LOAN", "RETURNS_TO_RECEIVE", "EXCEPTIONS")) {
                        Queue queue = Queue.valueOf(s + tab);
                        firstView(connection, queue, QueueFilter.NONE, newest, "first page", rounds);
                    }
                    Queue all = Queue.valueOf(s + "ALL");
                    firstView(connection, all, new QueueFilter(null, null, null, partner), newest,
                            "filtered: partner " + partner, rounds);
                    firstView(connection, all, new QueueFilter(null, "thermodynamics", null, null), newest,
                            "filtered: title contains 'thermodynamics'", rounds);
                    firstView(connection, all, new QueueFilter(null, "zyxwv", null, null), newest,
                            "filtered: title contains 'zyxwv' (no match)", rounds);
                    firstView(connection, all, new QueueFilter(null, "thermodynamics", null, partner), newest,
                            "filtered: title and partner", rounds);
                    if (side == Queue.Side.BORROWING) {
                        firstView(connection, all, new QueueFilter(null, null, "C000777", null), newest,
                                "filtered: reader card C000777", rounds);
                    } else {
                        firstView(connection, all, new QueueFilter(null, null, "reader 777", null), newest,
                                "filtered: patron contains 'reader 777'", rounds);
                    }
                    firstView(connection, Queue.valueOf(s + "DONE"), QueueFilter.NONE, waiting,
                            "first page, waiting longest first", rounds);
                    nextPage(connection, all, rounds);
                    lastPage(connection, all, newest, rounds);
                    lastPage(connection, all, waiting, rounds);
                    offsetPage(connection, all, rounds);
                }
            }
        }
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
     * Library 1 borrows {@code requests} items over three years from libraries 2..8 and lends as many to them: most
     * requests finished, about one in eight still open, spread over the states a busy office sees.
     */
    static void generate(Connection connection, int requests) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT setseed(0.18626)");
            statement.execute("""
                    INSERT INTO library (id, agency_id_type, agency_id_value, name, time_zone, status)
                    SELECT g, 'ISIL', 'ZZ-B' || g, 'Bench Library ' || g, 'UTC', 'ACTIVE' FROM generate_series(1, 8) g""");
            statement.execute("""
                    INSERT INTO reader (id, library_id, card_number, card_valid_from, card_valid_until, first_name,
                                        last_name, email, category, status)
                    SELECT g, 1, 'C' || lpad(g::text, 6, '0'), DATE '2020-01-01', DATE '2030-12-31', 'Reader', 'No ' || g,
                           'r' || g || '@example.org', 'POSTGRADUATE', 'ACTIVE'
                    FROM generate_series(1, 20000) g""");
            String titles = """
                    (ARRAY['Applied','Modern','Classical','Comparative','Quantitative','Introductory','Advanced',
                           'Practical','Historical','Theoretical'])[1 + floor(random() * 10)::int] || ' ' ||
                    (ARRAY['Linear Algebra','Organic Chemistry','Microeconomics','Public Law','Cell Biology',
                           'Thermodynamics','Statistics','Art History','Linguistics','Archaeology','Graph Theory',
                           'Hydrology','Sociology','Machine Learning','Number Theory','Genetics','Astronomy',
                           'Geology','Ecology','Cryptography','Epidemiology','Ethics','Poetry','Library Science',
                           'Fluid Mechanics','Quantum Chemistry'])[1 + floor(random() * 26)::int]""";
            // a state by a draw: 85 % finished, the rest open
            String borrowingState = """
                    CASE WHEN x < 0.70 THEN 'LOAN_COMPLETED' WHEN x < 0.80 THEN 'UNFILLED' WHEN x < 0.85 THEN 'CANCELLED'
                         WHEN x < 0.86 THEN 'NEW' WHEN x < 0.87 THEN 'VALIDATED' WHEN x < 0.90 THEN 'REQUEST_RECEIVED'
                         WHEN x < 0.91 THEN 'WILL_SUPPLY' WHEN x < 0.96 THEN 'LOANED' WHEN x < 0.98 THEN 'OVERDUE'
                         ELSE 'SHIPPED_BACK' END""";
            statement.execute("""
                    INSERT INTO ill_request (id, borrower_id, reader_id, bib_title, service_type, state, lender_id,
                                             due_date, received_at, renewal_requested, created_at, updated_at)
                    SELECT g, 1, 1 + (g::bigint * 7919) %% 20000, title, 'LOAN', state,
                           CASE WHEN state IN ('NEW', 'VALIDATED') THEN NULL ELSE 2 + g %% 7 END,
                           CASE WHEN state IN ('LOANED', 'OVERDUE', 'SHIPPED_BACK') THEN DATE '2026-12-01' END,
                           CASE WHEN state IN ('LOANED', 'OVERDUE') AND random() < 0.7 THEN created END,
                           state = 'LOANED' AND random() < 0.05, created, created + interval '1 day' * (random() * 30)
                    FROM (SELECT g, %s AS title, (%s) AS state,
                                 TIMESTAMPTZ '2023-11-01' + interval '1 second' * (g * 94.6) AS created
                          FROM (SELECT g, random() AS x FROM generate_series(1, %d) g) draws) rows
                    """.formatted(titles, borrowingState, requests));
            String lendingState = """
                    CASE WHEN x < 0.70 THEN 'LOAN_COMPLETED' WHEN x < 0.80 THEN 'UNFILLED' WHEN x < 0.85 THEN 'CANCELLED'
                         WHEN x < 0.87 THEN 'NEW' WHEN x < 0.88 THEN 'WILL_SUPPLY' WHEN x < 0.94 THEN 'LOANED'
                         WHEN x < 0.97 THEN 'OVERDUE' ELSE 'RETURN_SHIPPED' END""";
            statement.execute("""
                    INSERT INTO supplier_request (id, lender_id, requesting_agency_type, requesting_agency_value,
                                                  borrower_id, requesting_agency_request_id, patron, bib_title,
                                                  service_type, state, due_date, borrower_received_at, created_at,
                                                  updated_at)
                    SELECT g, 1, 'ISIL', 'ZZ-B' || (2 + g %% 7), 2 + g %% 7, 'R' || g, 'Reader ' || (g %% 5000), title,
                           'LOAN', state,
                           CASE WHEN state IN ('LOANED', 'OVERDUE', 'RETURN_SHIPPED') THEN DATE '2026-12-01' END,
                           CASE WHEN state IN ('LOANED', 'OVERDUE') AND random() < 0.7 THEN created END,
                           created, created + interval '1 day' * (random() * 30)
                    FROM (SELECT g, %s AS title, (%s) AS state,
                                 TIMESTAMPTZ '2023-11-01' + interval '1 second' * (g * 94.6) AS created
                          FROM (SELECT g, random() AS x FROM generate_series(1, %d) g) draws) rows
                    """.formatted(titles, lendingState, requests));
            // a few requests the clock could not handle: the exceptions tab
            statement.execute("""
                    INSERT INTO clock_failure (request_id, step, consecutive_failures, last_error, first_failed_at,
                                               last_failed_at, needs_attention_since)
                    SELECT g::bigint * 9973 %% %d + 1, 'MARK_OVERDUE', 3, 'bench', now(), now(), now()
                    FROM generate_series(1, 40) g ON CONFLICT DO NOTHING""".formatted(requests));
            statement.execute("VACUUM ANALYZE");
        }
    }

    /** A first look at a tab: its capped count, then its first page (rounds of both, timed together). */
    static void firstView(Connection connection, Queue queue, QueueFilter filter, QueueOrder order, String what,
                          int rounds) throws Exception {
        List<Double> ms = new ArrayList<>();
        int[] count = new int[1];
        for (int round = 0; round < rounds + 3; round++) {
            long start = System.nanoTime();
            count[0] = count(connection, QueueSql.count(queue, 1, filter));
            page(connection, QueueSql.page(queue, 1, filter, order, null, 0, PAGE));
            if (round >= 3) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        report(queue.name() + ", " + what, count[0] > QueueSql.COUNT_CAP ? "100000+" : String.valueOf(count[0]), ms);
    }

    /** The following page: after the last row of the one before (keyset), the count already known. */
    static void nextPage(Connection connection, Queue queue, int rounds) throws Exception {
        List<Long> ids = page(connection, QueueSql.page(queue, 1, QueueFilter.NONE, QueueOrder.NEWEST_FIRST, null,
                0, PAGE * 400));
        QueueKey key = new QueueKey(Instant.EPOCH, ids.get(ids.size() - 1));
        List<Double> ms = new ArrayList<>();
        for (int round = 0; round < rounds + 3; round++) {
            long start = System.nanoTime();
            page(connection, QueueSql.page(queue, 1, QueueFilter.NONE, QueueOrder.NEWEST_FIRST, key, 0, PAGE));
            if (round >= 3) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        report(queue.name() + ", page 401 (keyset, after page 400)", "", ms);
    }

    /** The last page: read from the other end of the order, the count already known. */
    static void lastPage(Connection connection, Queue queue, QueueOrder order, int rounds) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int round = 0; round < rounds + 3; round++) {
            long start = System.nanoTime();
            page(connection, QueueSql.page(queue, 1, QueueFilter.NONE, order.reversed(), null, 0, PAGE));
            if (round >= 3) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        report(queue.name() + ", last page" + (order.byLastChange() ? " (by last change)" : ""), "", ms);
    }

    /** A page jumped to in the middle of the counted range (offset 50,000): the slowest kind of page. */
    static void offsetPage(Connection connection, Queue queue, int rounds) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int round = 0; round < rounds + 3; round++) {
            long start = System.nanoTime();
            page(connection, QueueSql.page(queue, 1, QueueFilter.NONE, QueueOrder.NEWEST_FIRST, null, 50_000, PAGE));
            if (round >= 3) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        report(queue.name() + ", page 2001 jumped to (offset 50,000)", "", ms);
    }

    static void report(String what, String rows, List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%-58s %9s %8.1f %8.1f %8.1f%n", what, rows, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1]);
    }

    static PreparedStatement prepare(Connection connection, QueueSql sql) throws Exception {
        PreparedStatement statement = connection.prepareStatement(sql.sql().replaceAll("\\?\\d+", "?"));
        for (int i = 0; i < sql.parameters().size(); i++) {
            statement.setObject(i + 1, sql.parameters().get(i));
        }
        return statement;
    }

    static List<Long> page(Connection connection, QueueSql sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
                rows.getString(2);
            }
        }
        return ids;
    }

    static int count(Connection connection, QueueSql sql) throws Exception {
        try (PreparedStatement statement = prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}

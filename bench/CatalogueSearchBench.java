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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * How fast the union catalogue search is at a million records. Starts a throw-away embedded PostgreSQL, applies the
 * project's Flyway migrations, generates the records with a seeded generator in SQL, and times the very SQL that
 * CatalogueSearch runs (read from the class, not copied). Run through bench/catalogue-search.sh.
 */
public class CatalogueSearchBench {

    static final String[] QUERIES = {
        "quantum chemistry", "organic chemistry handbook", "smith", "garcia linear algebra",
        "\"machine learning\"", "medieval poetry -introduction", "thermodynamics or hydrology", "zyxwv",
        "library science", "computational fluid mechanics survey"};

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Class<?> search = Class.forName("org.openill.application.CatalogueSearch");
        String searchSql = jdbc((String) search.getField("SEARCH_SQL").get(null));
        String countSql = jdbc((String) search.getField("COUNT_SQL").get(null));
        int countCap = search.getField("COUNT_CAP").getInt(null);

        Path data = Files.createTempDirectory("ill-bench-pg");
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(data, Ports.anyFree(), false)) {
            DatabaseSettings db = postgres.database("bench").owner();
            try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                long started = System.nanoTime();
                migrate(connection);
                generate(connection, records);
                System.out.printf("Loaded %,d records (and built the GIN index) in %.1f s%n", records,
                        (System.nanoTime() - started) / 1e9);
                System.out.printf("%-42s %8s %8s %8s %8s %9s%n", "query (websearch syntax)", "matches", "p50 ms",
                        "p95 ms", "max ms", "count ms");
                for (String query : QUERIES) {
                    time(connection, searchSql, countSql, countCap, query, rounds);
                }
            }
        }
    }

    /** CatalogueSearch's SQL uses JPA's numbered parameters ?1 ?2 ?3, which JDBC writes as plain ?. */
    static String jdbc(String sql) {
        return sql.replaceAll("\\?\\d", "?");
    }

    static void migrate(Connection connection) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("ill-ejb/src/main/resources/db/migration"))) {
            List<Path> migrations = files.sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
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

    /** Records like a university catalogue's: words from a fixed vocabulary, seeded so every run is the same. */
    static void generate(Connection connection, int records) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX bib_record_search_idx");
            statement.execute("SELECT setseed(0.18626)");
            statement.execute("""
                    INSERT INTO bib_record (id, control_number, title, subtitle, authors, subjects, publisher,
                                            publication_year, language, format)
                    SELECT g, 'bench-' || g,
                           adj[1 + floor(random() * array_length(adj, 1))::int] || ' '
                               || topic[1 + floor(random() * array_length(topic, 1))::int],
                           sub[1 + floor(random() * array_length(sub, 1))::int],
                           surname[1 + floor(random() * array_length(surname, 1))::int] || ', '
                               || given[1 + floor(random() * array_length(given, 1))::int],
                           topic[1 + floor(random() * array_length(topic, 1))::int] || '; '
                               || topic[1 + floor(random() * array_length(topic, 1))::int],
                           'University Press', 1950 + floor(random() * 75)::int, 'eng', 'BOOK'
                    FROM generate_series(1, %d) g,
                         (SELECT ARRAY['Applied','Modern','Classical','Comparative','Quantitative','Introductory',
                                 'Advanced','Practical','Historical','Theoretical','Digital','Urban','Global','Medieval',
                                 'Experimental','Critical','Computational','Environmental','Social','Molecular'] AS adj,
                                 ARRAY['Linear Algebra','Organic Chemistry','Microeconomics','Public Law','Cell Biology',
                                 'Thermodynamics','Statistics','Art History','Linguistics','Archaeology',
                                 'Philosophy of Mind','Graph Theory','Hydrology','Sociology','Machine Learning',
                                 'Number Theory','Political Theory','Genetics','Astronomy','Musicology','Geology',
                                 'Ecology','Cryptography','Epidemiology','Ethics','Poetry','Library Science',
                                 'Information Retrieval','Operating Systems','Fluid Mechanics','Quantum Chemistry'] AS topic,
                                 ARRAY['An Introduction','Principles and Practice','A Survey','Methods and Applications',
                                 'Selected Essays','A Handbook','Foundations','Case Studies','New Perspectives',
                                 'A Reader'] AS sub,
                                 ARRAY['Smith','Muller','Rossi','Garcia','Dubois','Novak','Kowalski','Jensen',
                                 'Nakamura','Chen','Okafor','Silva','Ivanova','Hughes','Andersson','Papadopoulos',
                                 'Costa','Schmidt','Lefevre','Horvat','OBrien','Virtanen','Yilmaz','Kumar',
                                 'Haddad'] AS surname,
                                 ARRAY['Anna','Jonas','Maria','Pierre','Li','Sofia','Tomas','Eva','Kenji','Amara',
                                 'Lucas','Ingrid','Marco','Elena','David','Fatima','Nora','Pavel','Aiko',
                                 'Omar'] AS given) words
                    """.formatted(records));
            statement.execute("CREATE INDEX bib_record_search_idx ON bib_record USING gin (search)");
            statement.execute("VACUUM ANALYZE bib_record");
        }
    }

    static void time(Connection connection, String searchSql, String countSql, int countCap, String query, int rounds)
            throws Exception {
        List<Double> searchMs = new ArrayList<>();
        List<Double> countMs = new ArrayList<>();
        long matches = 0;
        try (PreparedStatement page = connection.prepareStatement(searchSql);
             PreparedStatement count = connection.prepareStatement(countSql)) {
            for (int round = 0; round < rounds + 3; round++) {
                long start = System.nanoTime();
                page.setString(1, query);
                page.setInt(2, 20);
                page.setInt(3, 0);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(2);
                    }
                }
                long searched = System.nanoTime();
                count.setString(1, query);
                count.setInt(2, countCap + 1);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    matches = rows.getLong(1);
                }
                long counted = System.nanoTime();
                if (round >= 3) { // the first rounds warm the caches
                    searchMs.add((searched - start) / 1e6);
                    countMs.add((counted - searched) / 1e6);
                }
            }
        }
        double[] sorted = searchMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double countMedian = countMs.stream().mapToDouble(Double::doubleValue).sorted().toArray()[countMs.size() / 2];
        System.out.printf("%-42s %8s %8.1f %8.1f %8.1f %9.1f%n", query,
                matches > countCap ? countCap + "+" : String.valueOf(matches),
                sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1],
                countMedian);
    }
}

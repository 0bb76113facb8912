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
        "library science", "computational fluid mechanics survey", "introductory", "chen",
        "红楼梦", "红楼", "化学", "现代统计学", "机器学习 smith"};

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Class<?> search = Class.forName("org.openill.application.CatalogueSearch");
        Numbered searchSql = new Numbered((String) search.getField("SEARCH_SQL").get(null));
        Numbered countSql = new Numbered((String) search.getField("COUNT_SQL").get(null));
        Numbered facetsSql = new Numbered((String) search.getField("FACETS_SQL").get(null));
        int countCap = search.getField("COUNT_CAP").getInt(null);
        int facetCap = search.getField("FACET_CAP").getInt(null);
        java.lang.reflect.Method tsQuery = search.getMethod("tsQuery", String.class);

        Path data = Files.createTempDirectory("ill-bench-pg");
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(data, Ports.anyFree(), false)) {
            DatabaseSettings db = postgres.database("bench").owner();
            try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                long started = System.nanoTime();
                migrate(connection);
                generate(connection, records);
                System.out.printf("Loaded %,d records (and built the GIN index) in %.1f s%n", records,
                        (System.nanoTime() - started) / 1e9);
                System.out.println("Server time of a search page view: the first page of 20 (ranked) and the facets with"
                        + " the count of matches (among the first " + facetCap + "), " + rounds + " rounds each;"
                        + " the capped count alone, which CatalogueSearch.search adds for its API callers, apart:");
                System.out.printf("%-42s %8s %8s %8s %8s | %8s %8s %8s%n", "query (websearch syntax)", "matches",
                        "p50 ms", "p95 ms", "max ms", "page p50", "facets", "count");
                for (String query : QUERIES) {
                    time(connection, searchSql, countSql, facetsSql, countCap, facetCap,
                            (String) tsQuery.invoke(null, query), query, rounds);
                }
            }
        }
    }

    /**
     * CatalogueSearch's SQL with JPA's numbered parameters (?1 ... ?8, each possibly used more than once), written for
     * JDBC's plain ? with the number behind each.
     */
    static final class Numbered {
        final String sql;
        final List<Integer> numbers = new ArrayList<>();

        Numbered(String jpa) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\?(\\d)").matcher(jpa);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                numbers.add(Integer.parseInt(m.group(1)));
                m.appendReplacement(out, "?");
            }
            m.appendTail(out);
            sql = out.toString();
        }

        /** Binds the values (value i for ?i; null as a typeless null) to a statement of this SQL. */
        void bind(PreparedStatement statement, Object... values) throws java.sql.SQLException {
            for (int i = 0; i < numbers.size(); i++) {
                Object value = values[numbers.get(i) - 1];
                if (value == null) {
                    statement.setNull(i + 1, java.sql.Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, value);
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

    /** Records like a university catalogue's: words from a fixed vocabulary, seeded so every run is the same. */
    static void generate(Connection connection, int records) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX bib_record_search_idx");
            statement.execute("SELECT setseed(0.18626)");
            statement.execute("""
                    INSERT INTO bib_record (id, control_number, title, original_title, subtitle, authors, subjects,
                                            publisher, publication_year, language, format)
                    SELECT g, 'bench-' || g,
                           adj[1 + floor(random() * array_length(adj, 1))::int] || ' '
                               || topic[1 + floor(random() * array_length(topic, 1))::int],
                           CASE WHEN random() < 0.3 THEN cadj[1 + floor(random() * array_length(cadj, 1))::int]
                               || ctopic[1 + floor(random() * array_length(ctopic, 1))::int] END,
                           sub[1 + floor(random() * array_length(sub, 1))::int],
                           surname[1 + floor(random() * array_length(surname, 1))::int] || ', '
                               || given[1 + floor(random() * array_length(given, 1))::int],
                           topic[1 + floor(random() * array_length(topic, 1))::int] || '; '
                               || topic[1 + floor(random() * array_length(topic, 1))::int],
                           'University Press', 1950 + floor(random() * 75)::int,
                           (ARRAY['eng','eng','eng','ger','fre','chi','spa','ita'])[1 + floor(random() * 8)::int],
                           (ARRAY['BOOK','BOOK','BOOK','BOOK','JOURNAL','THESIS'])[1 + floor(random() * 6)::int]
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
                                 'Omar'] AS given,
                                 ARRAY['现代','古典','比较','应用','高级','数字','城市','全球','实用','理论'] AS cadj,
                                 ARRAY['线性代数','有机化学','微观经济学','统计学','机器学习','红楼梦研究','中国文学史',
                                 '量子化学','图书馆学','考古学','社会学','天文学','地质学','伦理学','诗歌'] AS ctopic) words
                    """.formatted(records));
            // eight libraries of one branch and one open collection each; every record held by two of them
            statement.execute("""
                    INSERT INTO library (id, agency_id_type, agency_id_value, name, time_zone, status)
                    SELECT g, 'ISIL', 'ZZ-B' || g, 'Bench Library ' || g, 'UTC', 'ACTIVE' FROM generate_series(1, 8) g""");
            statement.execute("INSERT INTO branch (id, library_id, code, name) SELECT g, g, 'MAIN', 'Main' "
                    + "FROM generate_series(1, 8) g");
            statement.execute("INSERT INTO location (id, branch_id, code, name, type, ill_lendable) "
                    + "SELECT g, g, 'OPEN', 'Open shelves', 'OPEN_SHELVES', true FROM generate_series(1, 8) g");
            statement.execute("DROP INDEX holding_record_idx");
            statement.execute("""
                    INSERT INTO holding (id, record_id, location_id, library_id, call_number, barcode, circulation_status)
                    SELECT 2 * r.id + copy, r.id, lib, lib, 'QA' || r.id, 'B' || (2 * r.id + copy), 'AVAILABLE'
                    FROM bib_record r, generate_series(0, 1) copy,
                         LATERAL (SELECT 1 + (r.id * (3 + 2 * copy) + copy) % 8 AS lib) l""");
            statement.execute("CREATE INDEX holding_record_idx ON holding (record_id)");
            statement.execute("CREATE INDEX bib_record_search_idx ON bib_record USING gin (search)");
            statement.execute("VACUUM ANALYZE bib_record");
            statement.execute("VACUUM ANALYZE holding");
        }
    }

    static void time(Connection connection, Numbered searchSql, Numbered countSql, Numbered facetsSql, int countCap,
                     int facetCap, String tsQuery, String query, int rounds) throws Exception {
        List<Double> totalMs = new ArrayList<>();
        List<Double> pageMs = new ArrayList<>();
        List<Double> countMs = new ArrayList<>();
        List<Double> facetMs = new ArrayList<>();
        long matches = 0;
        try (PreparedStatement page = connection.prepareStatement(searchSql.sql);
             PreparedStatement count = connection.prepareStatement(countSql.sql);
             PreparedStatement facets = connection.prepareStatement(facetsSql.sql)) {
            for (int round = 0; round < rounds + 3; round++) {
                long start = System.nanoTime();
                searchSql.bind(page, tsQuery, null, null, null, null, null, 20, 0);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(2);
                    }
                }
                long paged = System.nanoTime();
                countSql.bind(count, tsQuery, null, null, null, null, null, countCap + 1);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    matches = rows.getLong(1);
                }
                long counted = System.nanoTime();
                facetsSql.bind(facets, tsQuery, null, null, null, null, null, facetCap + 1);
                try (ResultSet rows = facets.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(2);
                    }
                }
                long faceted = System.nanoTime();
                if (round >= 3) { // the first rounds warm the caches
                    pageMs.add((paged - start) / 1e6);
                    countMs.add((counted - paged) / 1e6);
                    facetMs.add((faceted - counted) / 1e6);
                    totalMs.add((paged - start + faceted - counted) / 1e6); // a page view: page and facets
                }
            }
        }
        double[] sorted = totalMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%-42s %8s %8.1f %8.1f %8.1f | %8.1f %8.1f %8.1f%n", query,
                matches > countCap ? countCap + "+" : String.valueOf(matches),
                sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1],
                median(pageMs), median(facetMs), median(countMs));
    }

    static double median(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray()[values.size() / 2];
    }
}

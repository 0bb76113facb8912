package org.openill.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.InvalidInputException;
import org.openill.domain.Text;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.CirculationStatus;
import org.openill.domain.catalogue.Identifiers;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.domain.library.Location;
import org.openill.domain.library.LocationType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Full-text search of the union catalogue over titles, authors, subjects and identifiers (PostgreSQL tsvector with a
 * GIN index); an ISBN or ISSN finds its record directly. Holdings in reference rooms are shown as what they are:
 * not lendable through interlibrary loan.
 */
@Stateless
public class CatalogueSearch {

    /**
     * The records matching: ?1 the words as typed (web search syntax, CJK runs turned into their tokens), ?2 language,
     * ?3 format, ?4 first year, ?5 last year, ?6 ISIL of a library holding a copy (each null: any).
     */
    static final String MATCHES = """
            FROM bib_record r
            WHERE r.search @@ websearch_to_tsquery('simple', ?1)
              AND (CAST(?2 AS varchar) IS NULL OR r.language = ?2)
              AND (CAST(?3 AS varchar) IS NULL OR r.format = ?3)
              AND (CAST(?4 AS integer) IS NULL OR r.publication_year >= CAST(?4 AS integer))
              AND (CAST(?5 AS integer) IS NULL OR r.publication_year <= CAST(?5 AS integer))
              AND (CAST(?6 AS varchar) IS NULL OR EXISTS (
                    SELECT 1 FROM holding h JOIN library l ON l.id = h.library_id
                    WHERE h.record_id = r.id AND l.agency_id_value = ?6))
            """;

    /**
     * Matches ranked best first; ?7 limit, ?8 offset. Ranking reads every match's search vector, which for a query
     * matching a hundred thousand records takes a quarter of a second: so the first {@value #RANK_CAP} matches (in the
     * order the index finds them) are ranked, which for fewer matches is all of them.
     */
    public static final String SEARCH_SQL = """
            SELECT r.id, r.title, r.original_title, r.authors, r.isbn, r.issn, r.publication_year, r.language, r.format
            FROM (SELECT r.id, r.title, r.original_title, r.authors, r.isbn, r.issn, r.publication_year, r.language,
                         r.format, r.search
            """ + MATCHES + """
                  LIMIT 2000) r
            ORDER BY ts_rank(r.search, websearch_to_tsquery('simple', ?1)) DESC, r.id
            LIMIT ?7 OFFSET ?8""";

    /** How many matches are ranked to find the best (see SEARCH_SQL, which holds the number). */
    public static final int RANK_CAP = 2000;

    /** How many records match, counted up to ?7 (COUNT_CAP + 1) so that a common word stays cheap. */
    public static final String COUNT_SQL = "SELECT count(*) FROM (SELECT 1 " + MATCHES + " LIMIT ?7) matches";

    /**
     * The facets of the matches, counted among the first ?7 (FACET_CAP + 1) of them: rows of facet, value, count
     * (library ISIL, language code, format, decade).
     */
    public static final String FACETS_SQL = """
            WITH m AS (SELECT r.id, r.language, r.format, r.publication_year
            """ + MATCHES + """
                       LIMIT ?7)
            SELECT 'total', '', count(*) FROM m
            UNION ALL SELECT 'language', coalesce(language, ''), count(*) FROM m GROUP BY 2
            UNION ALL SELECT 'format', format, count(*) FROM m GROUP BY 2
            UNION ALL SELECT 'decade', coalesce(CAST(publication_year / 10 * 10 AS varchar), ''), count(*) FROM m GROUP BY 2
            UNION ALL SELECT 'library', l.agency_id_value, count(DISTINCT m.id)
                      FROM m JOIN holding h ON h.record_id = m.id JOIN library l ON l.id = h.library_id GROUP BY 2""";

    public static final int COUNT_CAP = 1000;
    /** Facets are counted among this many matches at most, so that a broad search stays quick. */
    public static final int FACET_CAP = 5_000;
    public static final int MAX_PAGE_SIZE = 100;

    /** Longer than any title the catalogue keeps: a longer query can only be a mistake (or an attack). */
    public static final int MAX_QUERY_LENGTH = BibliographicRecord.TITLE_LENGTH;
    static final int MAX_OFFSET = RANK_CAP;

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    /** What a search may be narrowed to; each null means any. */
    public record Filters(String libraryIsil, String language, RecordFormat format, Integer yearFrom, Integer yearTo) {
        public static final Filters NONE = new Filters(null, null, null, null, null);
    }

    /**
     * One page of the records matching the query.
     *
     * @param page from 0
     */
    public SearchResult search(String query, int page, int pageSize) {
        return search(query, Filters.NONE, page, pageSize);
    }

    /** One page of the records matching the query and the filters, ranked best first, and how many match. */
    public SearchResult search(String query, Filters filters, int page, int pageSize) {
        List<CatalogueHit> hits = page(query, filters, page, pageSize);
        long total = count(query, filters);
        return new SearchResult(words(query), total, total > COUNT_CAP, page, pageSize, hits);
    }

    /** One page of the records matching the query and the filters, ranked best first (not counted). */
    public List<CatalogueHit> page(String query, Filters filters, int page, int pageSize) {
        String words = words(query);
        if (page < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInputException("page", "Pages start at 0 and hold 1 to " + MAX_PAGE_SIZE + " records");
        }
        if ((long) (page + 1) * pageSize > MAX_OFFSET) {
            throw new InvalidInputException("page", "Only the first " + MAX_OFFSET + " results can be paged through; "
                    + "add words to narrow the search");
        }
        String identifier = identifierIn(words);
        List<Object[]> rows;
        if (identifier != null) {
            rows = em.createNativeQuery("""
                            SELECT r.id, r.title, r.original_title, r.authors, r.isbn, r.issn, r.publication_year,
                                   r.language, r.format
                            FROM bib_record r WHERE r.isbn = ?1 OR r.issn = ?1 ORDER BY r.id""")
                    .setParameter(1, identifier).getResultList();
            rows = rows.stream().skip((long) page * pageSize).limit(pageSize).toList();
        } else {
            rows = filtered(em.createNativeQuery(SEARCH_SQL), words, filters)
                    .setParameter(7, pageSize).setParameter(8, page * pageSize).getResultList();
        }
        Map<Long, List<CatalogueHit.HoldingLine>> holdings = holdingsOf(rows.stream()
                .map(row -> ((Number) row[0]).longValue()).toList());
        List<CatalogueHit> hits = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            hits.add(new CatalogueHit(id, (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (String) row[5], row[6] == null ? null : ((Number) row[6]).intValue(), (String) row[7],
                    RecordFormat.valueOf((String) row[8]), holdings.getOrDefault(id, List.of())));
        }
        return hits;
    }

    /** How many records match the query and filters, counted up to {@value #COUNT_CAP} + 1. */
    public long count(String query, Filters filters) {
        String words = words(query);
        String identifier = identifierIn(words);
        if (identifier != null) {
            return ((Number) em.createNativeQuery("SELECT count(*) FROM bib_record r WHERE r.isbn = ?1 OR r.issn = ?1")
                    .setParameter(1, identifier).getSingleResult()).longValue();
        }
        return ((Number) filtered(em.createNativeQuery(COUNT_SQL), words, filters).setParameter(7, COUNT_CAP + 1)
                .getSingleResult()).longValue();
    }

    /**
     * How the records matching the query and filters spread over holding libraries, languages, formats and decades,
     * counted among the first {@value #FACET_CAP} matches ({@link Facets#capped()} says when there were more).
     */
    public Facets facets(String query, Filters filters) {
        String words = words(query);
        if (identifierIn(words) != null) {
            return Facets.NONE;
        }
        List<Object[]> rows = filtered(em.createNativeQuery(FACETS_SQL), words, filters)
                .setParameter(7, FACET_CAP + 1).getResultList();
        Map<String, Map<String, Long>> by = new LinkedHashMap<>();
        long counted = 0;
        for (Object[] row : rows) {
            String facet = (String) row[0];
            long count = ((Number) row[2]).longValue();
            if ("total".equals(facet)) {
                counted = count;
            } else if (!((String) row[1]).isEmpty()) {
                by.computeIfAbsent(facet, f -> new LinkedHashMap<>()).put((String) row[1], count);
            }
        }
        Map<String, String> names = libraryNames();
        return new Facets(Math.min(counted, FACET_CAP), counted > FACET_CAP,
                values(by.get("library"), names), values(by.get("language"), Map.of()),
                values(by.get("format"), Map.of()), values(by.get("decade"), Map.of()).stream()
                .sorted(java.util.Comparator.comparing(Facets.Value::value)).toList());
    }

    /** How the matches spread: each facet's values with their counts, the most frequent first. */
    public record Facets(long counted, boolean capped, List<Value> libraries, List<Value> languages,
                         List<Value> formats, List<Value> decades) {
        public static final Facets NONE = new Facets(0, false, List.of(), List.of(), List.of(), List.of());

        /** One value of a facet (for libraries the ISIL, and the name as label). */
        public record Value(String value, String label, long count) {
        }
    }

    private static List<Facets.Value> values(Map<String, Long> counts, Map<String, String> labels) {
        if (counts == null) {
            return List.of();
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Facets.Value(e.getKey(), labels.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .toList();
    }

    private Map<String, String> libraryNames() {
        Map<String, String> names = new LinkedHashMap<>();
        em.createQuery("SELECT l.agencyId.value, l.name FROM Library l", Object[].class).getResultList()
                .forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    private static jakarta.persistence.Query filtered(jakarta.persistence.Query query, String words, Filters filters) {
        return query.setParameter(1, tsQuery(words)).setParameter(2, filters.language())
                .setParameter(3, filters.format() == null ? null : filters.format().name())
                .setParameter(4, filters.yearFrom()).setParameter(5, filters.yearTo())
                .setParameter(6, filters.libraryIsil());
    }

    private static String words(String query) {
        String words = Text.optional("search", query, MAX_QUERY_LENGTH);
        if (words == null) {
            throw new InvalidInputException("search", "Type a few words of the title, an author, a subject, an ISBN or an ISSN")
                    .says("searchEmpty");
        }
        return words;
    }

    /**
     * The query as the search vector is written: each run of Chinese, Japanese or Korean characters becomes the
     * tokens the database indexes for it ({@code cjk_grams}): its overlapping pairs, or the single character. The
     * rest is left as typed.
     */
    public static String tsQuery(String words) {
        StringBuilder query = new StringBuilder();
        List<Integer> run = new ArrayList<>();
        words.codePoints().forEach(code -> {
            if (isCjk(code)) {
                run.add(code);
            } else {
                flushRun(run, query);
                query.appendCodePoint(code);
            }
        });
        flushRun(run, query);
        return query.toString();
    }

    private static void flushRun(List<Integer> run, StringBuilder query) {
        if (run.isEmpty()) {
            return;
        }
        query.append(' ');
        if (run.size() == 1) {
            query.append("cjk").append(Integer.toHexString(run.get(0)));
        } else {
            for (int i = 1; i < run.size(); i++) {
                query.append("cjk").append(Integer.toHexString(run.get(i - 1))).append('x')
                        .append(Integer.toHexString(run.get(i))).append(' ');
            }
        }
        query.append(' ');
        run.clear();
    }

    /** The characters {@code cjk_grams} indexes (migration V13): the same ranges. */
    static boolean isCjk(int code) {
        return code >= 13312 && code <= 40959 || code >= 63744 && code <= 64255 || code >= 12352 && code <= 12543
                || code >= 44032 && code <= 55215 || code >= 131072 && code <= 205743;
    }

    private Map<Long, List<CatalogueHit.HoldingLine>> holdingsOf(List<Long> recordIds) {
        Map<Long, List<CatalogueHit.HoldingLine>> byRecord = new LinkedHashMap<>();
        if (recordIds.isEmpty()) {
            return byRecord;
        }
        List<Object[]> rows = em.createQuery("""
                        SELECT h.record.id, l.agencyId.value, l.name, c.name, c.type, h.callNumber, h.circulationStatus,
                               c.illLendable
                        FROM Holding h JOIN h.location c JOIN c.branch b JOIN b.library l
                        WHERE h.record.id IN :ids ORDER BY l.agencyId.value, c.name, h.id""", Object[].class)
                .setParameter("ids", recordIds).getResultList();
        for (Object[] row : rows) {
            LocationType type = (LocationType) row[4];
            boolean lendable = Location.lendsThroughIll(type, (Boolean) row[7]);
            byRecord.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(new CatalogueHit.HoldingLine(
                    (Long) row[0], (String) row[1], (String) row[2], (String) row[3], type, (String) row[5],
                    (CirculationStatus) row[6], lendable));
        }
        return byRecord;
    }

    /** The normalised ISBN or ISSN when the query is one, else null. */
    static String identifierIn(String words) {
        String compact = words.replaceAll("[\\s-]", "");
        try {
            if (compact.matches("\\d{9}[\\dXx]|97[89]\\d{10}")) {
                return Identifiers.normalizeIsbn(compact);
            }
            if (compact.matches("\\d{7}[\\dXx]")) {
                return Identifiers.normalizeIssn(compact);
            }
        } catch (IllegalArgumentException wrongCheckDigit) {
            return null; // not a valid identifier: search it as words
        }
        return null;
    }

    /** A page of hits; {@code total} is capped at COUNT_CAP + 1 ({@code more} then says there are more). */
    public record SearchResult(String query, long total, boolean more, int page, int pageSize, List<CatalogueHit> hits) {
    }
}

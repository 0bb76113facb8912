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

    /** Matches ranked best first; ?1 the words as typed (web search syntax), ?2 limit, ?3 offset. */
    public static final String SEARCH_SQL = """
            SELECT r.id, r.title, r.authors, r.isbn, r.issn, r.publication_year, r.format
            FROM bib_record r, websearch_to_tsquery('simple', ?1) q
            WHERE r.search @@ q
            ORDER BY ts_rank(r.search, q) DESC, r.id
            LIMIT ?2 OFFSET ?3""";

    /** How many records match, counted up to COUNT_CAP + 1 so that a common word stays cheap. */
    public static final String COUNT_SQL = """
            SELECT count(*) FROM (SELECT 1 FROM bib_record r WHERE r.search @@ websearch_to_tsquery('simple', ?1)
                                  LIMIT ?2) matches""";

    public static final int COUNT_CAP = 1000;
    public static final int MAX_PAGE_SIZE = 100;

    /** Longer than any title the catalogue keeps: a longer query can only be a mistake (or an attack). */
    public static final int MAX_QUERY_LENGTH = BibliographicRecord.TITLE_LENGTH;
    static final int MAX_OFFSET = 10_000;

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    /**
     * One page of the records matching the query.
     *
     * @param page from 0
     */
    public SearchResult search(String query, int page, int pageSize) {
        String words = Text.optional("search", query, MAX_QUERY_LENGTH);
        if (words == null) {
            throw new InvalidInputException("search", "Type a few words of the title, an author, a subject, an ISBN or an ISSN");
        }
        if (page < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInputException("page", "Pages start at 0 and hold 1 to " + MAX_PAGE_SIZE + " records");
        }
        if ((long) page * pageSize > MAX_OFFSET) {
            throw new InvalidInputException("page", "Only the first " + MAX_OFFSET + " results can be paged through; "
                    + "add words to narrow the search");
        }
        String identifier = identifierIn(words);
        List<Object[]> rows;
        long total;
        if (identifier != null) {
            rows = em.createNativeQuery("""
                            SELECT r.id, r.title, r.authors, r.isbn, r.issn, r.publication_year, r.format
                            FROM bib_record r WHERE r.isbn = ?1 OR r.issn = ?1 ORDER BY r.id""")
                    .setParameter(1, identifier).getResultList();
            total = rows.size();
            rows = rows.stream().skip((long) page * pageSize).limit(pageSize).toList();
        } else {
            rows = em.createNativeQuery(SEARCH_SQL)
                    .setParameter(1, words).setParameter(2, pageSize).setParameter(3, page * pageSize).getResultList();
            total = ((Number) em.createNativeQuery(COUNT_SQL).setParameter(1, words).setParameter(2, COUNT_CAP + 1)
                    .getSingleResult()).longValue();
        }
        Map<Long, List<CatalogueHit.HoldingLine>> holdings = holdingsOf(rows.stream()
                .map(row -> ((Number) row[0]).longValue()).toList());
        List<CatalogueHit> hits = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            hits.add(new CatalogueHit(id, (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    row[5] == null ? null : ((Number) row[5]).intValue(), RecordFormat.valueOf((String) row[6]),
                    holdings.getOrDefault(id, List.of())));
        }
        return new SearchResult(words, total, total > COUNT_CAP, page, pageSize, hits);
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

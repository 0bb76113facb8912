package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.CatalogueHit;
import org.openill.application.CatalogueSearch;
import org.openill.domain.InvalidInputException;
import org.openill.domain.library.LocationType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readers search the union catalogue and see where each copy is and whether ILL can supply it. */
@ExtendWith(ArquillianExtension.class)
class CatalogueSearchIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(CatalogueSearchIT.class);
    }

    @EJB
    CatalogueSearch search;

    @Test
    void wordsOfTitleAndAuthorFindTheRecordWithItsHoldings() {
        CatalogueSearch.SearchResult result = search.search("introduction algorithms cormen", 0, 10);
        CatalogueHit cormen = result.hits().get(0);
        assertEquals("Introduction to Algorithms", cormen.title());
        assertEquals("9780262033848", cormen.isbn());
        assertEquals(List.of("ZZ-NUL Open shelves true", "ZZ-SCL Mathematics department reference room false"),
                cormen.holdings().stream().map(h -> h.libraryIsil() + " " + h.location() + " " + h.lendableThroughIll())
                        .toList());
    }

    @Test
    void referenceRoomCopiesAreShownAsNotLendable() {
        CatalogueHit hawking = search.search("hawking brief history", 0, 5).hits().get(0);
        assertEquals("A Brief History of Time", hawking.title());
        CatalogueHit.HoldingLine only = hawking.holdings().get(0);
        assertEquals(LocationType.DEPARTMENT_REFERENCE_ROOM, only.type());
        assertFalse(only.lendableThroughIll());
    }

    @Test
    void anIsbnOrIssnFindsExactlyItsRecord() {
        CatalogueSearch.SearchResult byIsbn = search.search("978-7-02-000220-7", 0, 10);
        assertEquals(1, byIsbn.total());
        assertEquals("Dream of the Red Chamber", byIsbn.hits().get(0).title());
        assertEquals(Set.of("ZZ-ECL", "ZZ-NUL"), new HashSet<>(byIsbn.hits().get(0).holdings().stream()
                .map(CatalogueHit.HoldingLine::libraryIsil).toList()));
        CatalogueSearch.SearchResult byIssn = search.search("0028-0836", 0, 10);
        assertEquals("Nature", byIssn.hits().get(0).title());
    }

    @Test
    void resultsComeInPages() {
        CatalogueSearch.SearchResult first = search.search("journal", 0, 20);
        CatalogueSearch.SearchResult second = search.search("journal", 1, 20);
        assertTrue(first.total() > 40, "journals found: " + first.total());
        assertEquals(20, first.hits().size());
        Set<Long> ids = new HashSet<>();
        first.hits().forEach(hit -> ids.add(hit.recordId()));
        second.hits().forEach(hit -> assertTrue(ids.add(hit.recordId()), "record on two pages: " + hit.recordId()));
    }

    @Test
    void emptyQueryAndBadPagesAreExplained() {
        assertEquals("Type a few words of the title, an author, a subject, an ISBN or an ISSN",
                assertThrows(InvalidInputException.class, () -> search.search("  ", 0, 10)).getMessage());
        assertEquals("page", assertThrows(InvalidInputException.class, () -> search.search("time", -1, 10)).field());
        assertEquals("page", assertThrows(InvalidInputException.class, () -> search.search("time", 0, 1000)).field());
    }

    @Test
    void nothingFoundIsAnEmptyPage() {
        CatalogueSearch.SearchResult none = search.search("xylophonequasarzebra", 0, 10);
        assertEquals(0, none.total());
        assertTrue(none.hits().isEmpty());
    }
}

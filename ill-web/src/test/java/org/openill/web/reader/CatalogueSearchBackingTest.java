package org.openill.web.reader;

import org.junit.jupiter.api.Test;
import org.openill.application.CatalogueHit;
import org.openill.application.CatalogueHit.HoldingLine;
import org.openill.application.CatalogueSearch;
import org.openill.application.CatalogueSearch.SearchResult;
import org.openill.domain.catalogue.CirculationStatus;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.domain.library.LocationType;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CatalogueSearchBackingTest {

    private final CatalogueSearchBacking backing = new CatalogueSearchBacking();

    @Test
    void summarySaysWhenTheOnlyMatchIsShown() {
        assertEquals("1 record matches.", CatalogueSearchBacking.summaryOf(resultOf(1, false, 1)));
    }

    @Test
    void summarySaysHowManyOfTheMatchesAreShown() {
        assertEquals("37 records match; the best 10 are shown.",
                CatalogueSearchBacking.summaryOf(resultOf(37, false, CatalogueSearchBacking.SHOWN_MATCHES)));
    }

    @Test
    void summaryOfACappedCountSaysMoreThanTheCap() {
        SearchResult capped = resultOf(CatalogueSearch.COUNT_CAP + 1, true, CatalogueSearchBacking.SHOWN_MATCHES);
        assertEquals("More than 1,000 records match; the best 10 are shown.", CatalogueSearchBacking.summaryOf(capped));
    }

    @Test
    void summaryOfNoMatch() {
        assertEquals("0 records match.", CatalogueSearchBacking.summaryOf(resultOf(0, false, 0)));
    }

    @Test
    void lendersAreTheLibrariesWithALendableCopyEachNamedOnce() {
        CatalogueHit hit = recordHeldBy(
                copyAt("ZZ-NUL", LocationType.OPEN_SHELVES),
                copyAt("ZZ-NUL", LocationType.CLOSED_STACKS),
                copyAt("ZZ-SCL", LocationType.DEPARTMENT_REFERENCE_ROOM),
                copyAt("ZZ-ECL", LocationType.OPEN_SHELVES));
        assertEquals("ZZ-NUL, ZZ-ECL", backing.lendersOf(hit));
    }

    @Test
    void aRecordOnlyInAReferenceRoomHasNoLender() {
        assertEquals("", backing.lendersOf(recordHeldBy(copyAt("ZZ-SCL", LocationType.COLLEGE_REFERENCE_ROOM))));
    }

    /** The first page of a search with {@code total} matches, {@code shown} of them on the page. */
    private static SearchResult resultOf(long total, boolean more, int shown) {
        List<CatalogueHit> hits = IntStream.range(0, shown).mapToObj(i -> recordHeldBy()).toList();
        return new SearchResult("algorithms", total, more, 0, CatalogueSearchBacking.SHOWN_MATCHES, hits);
    }

    private static CatalogueHit recordHeldBy(HoldingLine... copies) {
        return new CatalogueHit(1, "Introduction to Algorithms", null, "Cormen, Thomas H.", "9780262033848", null,
                2009, "eng", RecordFormat.BOOK, Arrays.asList(copies));
    }

    /** A copy, lendable through ILL unless it stands in a reference room, as CatalogueSearch reports it. */
    private static HoldingLine copyAt(String isil, LocationType type) {
        return new HoldingLine(1, isil, isil + " library", type.name(), type, "QA76 .C67", CirculationStatus.AVAILABLE,
                !type.isReferenceRoom());
    }
}

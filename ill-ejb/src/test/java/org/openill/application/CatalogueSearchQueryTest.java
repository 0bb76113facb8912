package org.openill.application;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How a query typed by a reader becomes the search expression the database indexes for (migration V13). */
class CatalogueSearchQueryTest {

    @Test
    void aChineseTitleTypedWithoutSpacesBecomesItsOverlappingPairs() {
        // 红 7ea2, 楼 697c, 梦 68a6
        assertEquals("cjk7ea2x697c cjk697cx68a6", CatalogueSearch.tsQuery("红楼梦").strip().replaceAll("\\s+", " "));
    }

    @Test
    void twoCharactersAreOnePairAndOneCharacterIsItself() {
        assertEquals("cjk7ea2x697c", CatalogueSearch.tsQuery("红楼").strip());
        assertEquals("cjk7ea2", CatalogueSearch.tsQuery("红").strip());
    }

    @Test
    void latinWordsAroundChineseStayAsTyped() {
        assertEquals("Cao cjk7ea2x697c Xueqin",
                CatalogueSearch.tsQuery("Cao 红楼 Xueqin").strip().replaceAll("\\s+", " "));
        assertEquals("\"machine learning\" -survey", CatalogueSearch.tsQuery("\"machine learning\" -survey"));
    }

    @Test
    void japaneseKanaAndKoreanHangulAreIndexedTheSameWay() {
        assertEquals("cjk3072x3089", CatalogueSearch.tsQuery("ひら").strip());
        assertEquals("cjkd55cxae00", CatalogueSearch.tsQuery("한글").strip());
    }

    @Test
    void identifiersAreRecognisedBeforeWords() {
        assertEquals("9787020002207", CatalogueSearch.identifierIn("978-7-02-000220-7"));
        assertNull(CatalogueSearch.identifierIn("红楼梦"));
    }

    @Test
    void theSearchRanksAsManyCandidatesAsItSaysAndPagesNoFurther() {
        org.junit.jupiter.api.Assertions.assertTrue(CatalogueSearch.SEARCH_SQL.contains("LIMIT " + CatalogueSearch.RANK_CAP + ")"),
                CatalogueSearch.SEARCH_SQL);
        org.junit.jupiter.api.Assertions.assertTrue(CatalogueSearch.COUNT_CAP < CatalogueSearch.RANK_CAP,
                "pages beyond the ranked candidates would be empty");
    }
}

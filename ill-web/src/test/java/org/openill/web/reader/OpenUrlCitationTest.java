package org.openill.web.reader;

import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenUrlCitationTest {

    @Test
    void aVersion1BookLinkNamesTheBookItsAuthorAndIsbn() {
        OpenUrlCitation book = OpenUrlCitation.of(query("url_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook"
                + "&rft.genre=book&rft.btitle=Introduction+to+Algorithms&rft.aulast=Cormen&rft.aufirst=Thomas"
                + "&rft.isbn=9780262033848&rft.date=2009&rft.pub=MIT+Press&rft.edition=3rd+ed.")).orElseThrow();

        assertFalse(book.part());
        assertEquals("Introduction to Algorithms", book.title());
        assertEquals("Cormen, Thomas", book.authors());
        assertEquals("9780262033848", book.isbn());
        assertEquals(2009, book.year());
        assertEquals("MIT Press", book.publisher());
        assertEquals("3rd ed.", book.edition());
        assertNull(book.partTitle());
    }

    @Test
    void aVersion1ArticleLinkAsksForACopyOfTheArticleFromTheJournal() {
        OpenUrlCitation article = OpenUrlCitation.of(query("url_ver=Z39.88-2004&rft.genre=article"
                + "&rft.atitle=Molecular+structure+of+nucleic+acids&rft.jtitle=Nature&rft.issn=0028-0836"
                + "&rft.volume=171&rft.issue=4356&rft.spage=737&rft.epage=738&rft.date=1953-04-25"
                + "&rft.au=Watson%2C+J.+D.")).orElseThrow();

        assertTrue(article.part());
        assertEquals("Nature", article.title());
        assertEquals("Molecular structure of nucleic acids", article.partTitle());
        assertEquals("Watson, J. D.", article.partAuthor());
        assertEquals("0028-0836", article.issn());
        assertEquals("171", article.volume());
        assertEquals("4356", article.issue());
        assertEquals("737-738", article.pages());
        assertEquals(1953, article.year());
    }

    @Test
    void aVersion01LinkWithPlainKeysIsReadToo() {
        OpenUrlCitation article = OpenUrlCitation.of(query("sid=EBSCO:aph&genre=article&title=Nature&issn=0028-0836"
                + "&atitle=A+structure+for+deoxyribose+nucleic+acid&aulast=Watson&aufirst=James&volume=171"
                + "&spage=737&date=1953")).orElseThrow();

        assertTrue(article.part());
        assertEquals("Nature", article.title());
        assertEquals("A structure for deoxyribose nucleic acid", article.partTitle());
        assertEquals("Watson, James", article.partAuthor());
        assertEquals("737", article.pages());
    }

    @Test
    void aBookChapterIsAPartOfTheBook() {
        OpenUrlCitation chapter = OpenUrlCitation.of(query("url_ver=Z39.88-2004&rft.genre=bookitem"
                + "&rft.btitle=Handbook+of+Chemistry&rft.atitle=Chapter+9&rft.isbn=9780262033848&rft.pages=200-230"))
                .orElseThrow();

        assertTrue(chapter.part());
        assertEquals("Handbook of Chemistry", chapter.title());
        assertEquals("Chapter 9", chapter.partTitle());
        assertEquals("200-230", chapter.pages());
    }

    @Test
    void aLinkWithoutAnyTitleDescribesNothing() {
        assertTrue(OpenUrlCitation.of(query("url_ver=Z39.88-2004&rft.isbn=9780262033848")).isEmpty());
        assertTrue(OpenUrlCitation.of(Map.of()).isEmpty());
    }

    @Test
    void overlongValuesAreCutAndControlCharactersDropped() {
        OpenUrlCitation book = OpenUrlCitation.of(Map.of("rft.btitle", new String[]{"A\u0000B" + "x".repeat(5000)}))
                .orElseThrow();
        assertEquals(OpenUrlCitation.MAX_VALUE, book.title().length());
        assertTrue(book.title().startsWith("A B"));
    }

    private static Map<String, String[]> query(String query) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2)).forEach(pair -> parameters.put(
                URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                new String[]{URLDecoder.decode(pair[1], StandardCharsets.UTF_8)}));
        return parameters;
    }
}

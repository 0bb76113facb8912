package org.openill.infrastructure.marc;

import org.junit.jupiter.api.Test;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;
import org.openill.domain.Text;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.RecordFormat;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarcRecordMapperTest {

    private static final MarcFactory MARC = MarcFactory.newInstance();

    @Test
    void typicalBookBecomesACatalogueEntry() {
        CatalogueEntry entry = entry(MarcFiles.book("991234", "0262033844", "Introduction to algorithms"));

        assertEquals(new CatalogueEntry("991234", "Introduction to algorithms", "a guide",
                "Cormen, Thomas H.; Leiserson, Charles E.", "9780262033848", null, "The MIT Press", 2009,
                "Third edition.", "eng", "Computer programming; Computer algorithms", RecordFormat.BOOK), entry);
    }

    @Test
    void titleAndSubtitleLoseTheirIsbdPunctuation() {
        assertAll(
                () -> assertTitle("Hamlet", null, title("a", "Hamlet.")),
                () -> assertTitle("Hamlet", "a tragedy",
                        title("a", "Hamlet :", "b", "a tragedy /", "c", "Shakespeare.")),
                () -> assertTitle("Faust", "eine Tragödie", title("a", "Faust ;", "b", "eine Tragödie.")),
                () -> assertTitle("Le petit prince", "The little prince",
                        title("a", "Le petit prince =", "b", "The little prince /")),
                () -> assertTitle("World War II", null, title("a", "World War II.")),
                () -> assertTitle("And then there were none ...", null, title("a", "And then there were none ... /")));
    }

    @Test
    void authorsJoinTheMainEntryAndTheAddedEntriesWithoutTrailingPunctuation() {
        Record record = book();
        record.addVariableField(MARC.newDataField("700", '1', ' ', "a", "Tolkien, J. R. R.,", "d", "1892-1973."));
        record.addVariableField(MARC.newDataField("700", '1', ' ', "a", "Rivest, Ronald L."));
        record.addVariableField(MARC.newDataField("700", '1', ' ', "a", "Stein, Clifford"));

        assertEquals("Cormen, Thomas H.; Leiserson, Charles E.; Tolkien, J. R. R.; Rivest, Ronald L.; Stein, Clifford",
                entry(record).authors());
    }

    @Test
    void isbn10BecomesIsbn13WithoutItsQualifier() {
        Record record = withField(book(), "020", "a", "0-262-03384-4 (pbk.)");

        assertEquals("9780262033848", entry(record).isbn());
    }

    @Test
    void invalidIsbnIsPassedOverForTheNextValidOne() {
        Record record = MARC.newRecord(MarcFiles.BOOK_LEADER);
        record.addVariableField(MARC.newDataField("020", ' ', ' ', "a", "0262033845 (hbk.)"));
        record.addVariableField(MARC.newDataField("020", ' ', ' ', "a", "9781554042951 (pbk.)"));
        record.addVariableField(MARC.newDataField("245", '0', '0', "a", "Atlas of the world."));

        assertEquals("9781554042951", entry(record).isbn());
    }

    @Test
    void invalidIsbnIsLeftOutWhenTheControlNumberIdentifiesTheRecord() {
        Record record = withField(book(), "020", "a", "12345");

        CatalogueEntry entry = entry(record);

        assertEquals("991234", entry.controlNumber());
        assertNull(entry.isbn());
    }

    @Test
    void recordWhoseOnlyIdentifierIsAnInvalidIsbnIsRejected() {
        Record record = MARC.newRecord(MarcFiles.BOOK_LEADER);
        record.addVariableField(MARC.newDataField("020", ' ', ' ', "a", "12345"));
        record.addVariableField(MARC.newDataField("245", '0', '0', "a", "A title."));

        assertEquals(new MarcMapping.Rejected(null,
                "ISBN 12345 is not a valid ISBN and the record has no other identifier"), MarcRecordMapper.map(record));
    }

    @Test
    void recordWithoutAnyIdentifierIsRejected() {
        Record record = MARC.newRecord(MarcFiles.BOOK_LEADER);
        record.addVariableField(MARC.newDataField("245", '0', '0', "a", "A title."));

        MarcMapping.Rejected rejected = assertInstanceOf(MarcMapping.Rejected.class, MarcRecordMapper.map(record));
        assertTrue(rejected.reason().startsWith("no identifier"), rejected.reason());
    }

    @Test
    void serialIsAJournalIdentifiedByItsIssn() {
        Record record = MARC.newRecord("00000cas a2200000 a 4500");
        record.addVariableField(MARC.newDataField("022", '0', ' ', "a", "00280836"));
        record.addVariableField(MARC.newDataField("245", '0', '0', "a", "Nature."));

        CatalogueEntry entry = entry(record);

        assertEquals("0028-0836", entry.issn());
        assertEquals(RecordFormat.JOURNAL, entry.format());
        assertEquals("Nature", entry.title());
    }

    @Test
    void yearAndPublisherComeFromThePublicationStatementBeforeTheCopyrightDate() {
        Record record = book();
        remove(record, "264");
        record.addVariableField(MARC.newDataField("264", ' ', '4', "c", "©2015"));
        record.addVariableField(MARC.newDataField("264", ' ', '1', "a", "Berlin :", "b", "Springer,", "c", "[2016]"));

        CatalogueEntry entry = entry(record);

        assertEquals(2016, entry.publicationYear());
        assertEquals("Springer", entry.publisher());
    }

    @Test
    void olderRecordsGiveTheirImprintIn260() {
        Record record = book();
        remove(record, "264");
        record.addVariableField(MARC.newDataField("260", ' ', ' ', "a", "New York :", "b", "Wiley,", "c", "c1987."));

        CatalogueEntry entry = entry(record);

        assertEquals(1987, entry.publicationYear());
        assertEquals("Wiley", entry.publisher());
    }

    @Test
    void yearFallsBackToTheFixedFieldsWhenTheImprintHasNone() {
        Record record = book();
        remove(record, "264");
        remove(record, "008");
        record.addVariableField(MARC.newControlField("008", MarcFiles.fixedFields("1998", "ger")));

        CatalogueEntry entry = entry(record);

        assertEquals(1998, entry.publicationYear());
        assertEquals("ger", entry.language());
        assertNull(entry.publisher());
    }

    @Test
    void recordWithoutTitleIsRejected() {
        Record record = book();
        remove(record, "245");
        record.addVariableField(MARC.newDataField("245", '0', '0', "b", "only a subtitle"));

        assertEquals(new MarcMapping.Rejected("991234", "no title (245 $a)"), MarcRecordMapper.map(record));
    }

    @Test
    void formatFollowsTheLeaderAndTheDissertationNote() {
        assertAll(
                () -> assertEquals(RecordFormat.MAP, formatOf("00000cem a2200000 a 4500")),
                () -> assertEquals(RecordFormat.SCORE, formatOf("00000ccm a2200000 a 4500")),
                () -> assertEquals(RecordFormat.AUDIOVISUAL, formatOf("00000cgm a2200000 a 4500")),
                () -> assertEquals(RecordFormat.AUDIOVISUAL, formatOf("00000cjm a2200000 a 4500")),
                () -> assertEquals(RecordFormat.BOOK, formatOf("00000cam a2200000 a 4500")),
                () -> assertEquals(RecordFormat.THESIS, entry(withField(book(), "502", "a",
                        "Thesis (Ph. D.)--University of Cambridge, 2019.")).format()));
    }

    @Test
    void subjectsComeFromPersonalTopicalAndGeographicHeadingsOnceEach() {
        Record record = book();
        record.addVariableField(MARC.newDataField("651", ' ', '0', "a", "Europe", "x", "History."));
        record.addVariableField(MARC.newDataField("600", '1', '0', "a", "Shakespeare, William,", "d", "1564-1616."));
        record.addVariableField(MARC.newDataField("650", ' ', '0', "a", "Computer algorithms"));

        assertEquals("Computer programming; Computer algorithms; Europe; Shakespeare, William",
                entry(record).subjects());
    }

    @Test
    void accentedLettersFromMarc8AreStoredComposed() {
        Record record = withField(book(), "245", "a", "Cafe\u0301 society /");

        assertEquals("Café society", entry(record).title());
    }

    @Test
    void valuesLongerThanTheCatalogueKeepsAreShortenedWithoutSplittingACharacter() {
        // the cut falls right after a character written as a surrogate pair, which must stay whole
        Record record = withField(book(), "245", "a", "a".repeat(998) + "\uD840\uDC0B" + "b".repeat(50));
        for (int i = 0; i < 200; i++) {
            record.addVariableField(MARC.newDataField("650", ' ', '0', "a", "Subject heading number " + i));
        }

        CatalogueEntry entry = entry(record);

        assertEquals(1000, entry.title().codePointCount(0, entry.title().length()));
        assertTrue(entry.title().endsWith("a\uD840\uDC0B…"), "cut after the pair, marked as cut");
        assertTrue(entry.subjects().length() <= 2000);
        assertTrue(entry.subjects().matches(".*; Subject heading number \\d+"), "ends with a whole heading");
    }

    @Test
    void charactersThatCannotBeStoredAreReplacedInsteadOfRefusingTheRecord() {
        Record record = withField(book(), "245", "a", "Broken\u0000 export \uD800of \uDC00data\uFFFF /");
        record.addVariableField(MARC.newDataField("100", '1', ' ', "a", "Nul\u0000l, Nora."));

        CatalogueEntry entry = entry(record);

        assertEquals("Broken export \uFFFDof \uFFFDdata\uFFFD", entry.title());
        assertTrue(entry.authors().endsWith("; Nul l, Nora"), entry.authors());
        assertEquals(entry.title(), Text.required("title", entry.title(), BibliographicRecord.TITLE_LENGTH));
    }

    @Test
    void controlNumberLongerThanTheCatalogueKeepsIsRejected() {
        Record record = book();
        record.addVariableField(MARC.newControlField("001", "9".repeat(51)));

        MarcMapping.Rejected rejected = assertInstanceOf(MarcMapping.Rejected.class, MarcRecordMapper.map(record));
        assertTrue(rejected.reason().contains("longer than the 50 characters"), rejected.reason());
    }

    @Test
    void eachField852IsACopyWithItsBranchCollectionCallNumberAndBarcode() {
        Record record = book();
        record.addVariableField(MARC.newDataField("852", ' ', ' ', "a", "ZZ-NUL", "b", "SCI", "c", "OPEN", "h", "QA76.9",
                "i", ".A43 C67", "p", "NUL-30001"));
        record.addVariableField(MARC.newDataField("852", ' ', ' ', "b", "STACKS", "j", "S-1234", "p", "NUL-30002"));
        record.addVariableField(MARC.newDataField("852", ' ', ' ', "b", "OPEN"));
        assertEquals(List.of(new HoldingEntry("SCI", "OPEN", "QA76.9 .A43 C67", "NUL-30001"),
                new HoldingEntry(null, "STACKS", "S-1234", "NUL-30002"),
                new HoldingEntry(null, "OPEN", null, null)), MarcRecordMapper.holdings(record));
        assertEquals(List.of(), MarcRecordMapper.holdings(book()), "no 852, no copy");
    }

    private static Record book() {
        return MarcFiles.book("991234", "0262033844", "Introduction to algorithms");
    }

    private static CatalogueEntry entry(Record record) {
        return assertInstanceOf(CatalogueEntry.class, MarcRecordMapper.map(record));
    }

    private static Record title(String... subfields) {
        Record record = book();
        remove(record, "245");
        record.addVariableField(MARC.newDataField("245", '1', '0', subfields));
        return record;
    }

    private static void assertTitle(String title, String subtitle, Record record) {
        CatalogueEntry entry = entry(record);
        assertEquals(title, entry.title());
        assertEquals(subtitle, entry.subtitle());
    }

    /** The record with the field of that tag replaced by one holding the subfields. */
    private static Record withField(Record record, String tag, String... subfields) {
        remove(record, tag);
        record.addVariableField(MARC.newDataField(tag, ' ', ' ', subfields));
        return record;
    }

    private static void remove(Record record, String tag) {
        List<VariableField> fields = record.getVariableFields(tag);
        fields.forEach(record::removeVariableField);
    }

    private static RecordFormat formatOf(String leader) {
        Record record = MARC.newRecord(leader);
        record.addVariableField(MARC.newControlField("001", "1"));
        record.addVariableField(MARC.newDataField("245", '0', '0', "a", "Something."));
        return entry(record).format();
    }
}

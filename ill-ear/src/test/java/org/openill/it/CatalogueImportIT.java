package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.openill.application.CatalogueHit;
import org.openill.application.CatalogueImport;
import org.openill.application.CatalogueSearch;
import org.openill.application.ImportReport;
import org.openill.domain.Actor;
import org.openill.domain.catalogue.Identifiers;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.infrastructure.marc.MarcFormat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real library records, written as MARC 21 and MARCXML files with marc4j, imported into the union catalogue. */
@ExtendWith(ArquillianExtension.class)
class CatalogueImportIT {

    private static final MarcFactory MARC = MarcFactory.newInstance();

    /** A cataloguer of North University Library. */
    private static final Actor CATALOGUER = Actor.staff("ZZ-NUL", "cataloguer");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(CatalogueImportIT.class, PersistenceProbe.class);
    }

    @EJB
    CatalogueImport catalogueImport;

    @EJB
    CatalogueSearch search;

    @EJB
    PersistenceProbe probe;

    private final String batch = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void marc21FileIsImportedAndReimportingItUpdatesInsteadOfDuplicating() {
        String word = "zq" + batch.replaceAll("[^a-z]", "x");
        List<Record> records = List.of(book("a1", isbn(1), "Algorithms of " + word),
                book("a2", isbn(2), "Graphs of " + word), journal("a3", "Journal of " + word));
        ImportReport first = catalogueImport.importMarc(CATALOGUER, "test.mrc", in(marc21(records)), MarcFormat.MARC21);
        assertEquals("3 created, 0 updated, 0 skipped", first.summary());

        CatalogueSearch.SearchResult found = search.search(word, 0, 10);
        assertEquals(3, found.total());
        CatalogueHit algorithms = found.hits().stream().filter(hit -> hit.title().startsWith("Algorithms")).findFirst()
                .orElseThrow();
        assertEquals("Cormen, Thomas H.; Leiserson, Charles E.", algorithms.authors());
        assertEquals(isbn(1), algorithms.isbn());
        assertEquals(2009, algorithms.year());
        assertEquals(RecordFormat.JOURNAL, found.hits().stream().filter(hit -> hit.title().startsWith("Journal"))
                .findFirst().orElseThrow().format());

        long before = probe.count("SELECT COUNT(r) FROM BibliographicRecord r");
        ImportReport again = catalogueImport.importMarc(CATALOGUER, "test.mrc", in(marc21(records)), MarcFormat.MARC21);
        assertEquals("0 created, 3 updated, 0 skipped", again.summary());
        assertEquals(before, probe.count("SELECT COUNT(r) FROM BibliographicRecord r"));
    }

    @Test
    void marcXmlFileUpdatesARecordMatchedByIsbn() {
        String word = "zx" + batch.replaceAll("[^a-z]", "y");
        catalogueImport.importMarc(CATALOGUER, "test.mrc", in(marc21(List.of(book("b1", isbn(11), "Old title " + word)))),
                MarcFormat.MARC21);
        Record revised = book("other-system-77", isbn(11), "Revised title " + word);
        ImportReport report = catalogueImport.importMarc(CATALOGUER, "test.mrc", in(marcXml(List.of(revised))), MarcFormat.MARCXML);
        assertEquals("0 created, 1 updated, 0 skipped", report.summary());
        List<CatalogueHit> hits = search.search(word, 0, 10).hits();
        assertEquals(1, hits.size());
        assertEquals("Revised title " + word, hits.get(0).title());
    }

    @Test
    void unusableRecordsAreSkippedWithTheirReasonAndTheOthersImported() {
        Record noTitle = MARC.newRecord("00000nam a2200000 i 4500");
        noTitle.addVariableField(MARC.newControlField("001", batch + "-c1"));
        Record badIsbn = MARC.newRecord("00000nam a2200000 i 4500");
        badIsbn.addVariableField(MARC.newDataField("020", ' ', ' ', "a", "12345"));
        badIsbn.addVariableField(MARC.newDataField("245", '1', '0', "a", "Nameless work."));
        Record good = book("c3", isbn(21), "Good record " + batch);
        ImportReport report = catalogueImport.importMarc(CATALOGUER, "test.mrc", in(marc21(List.of(noTitle, badIsbn, good))),
                MarcFormat.MARC21);
        assertEquals(1, report.created());
        assertEquals(2, report.skipped().size());
        assertEquals(1, report.skipped().get(0).position());
        assertEquals(batch + "-c1", report.skipped().get(0).controlNumber());
        assertTrue(report.skipped().get(0).reason().contains("title"), report.skipped().get(0).reason());
        assertEquals(2, report.skipped().get(1).position());
        assertTrue(report.skipped().get(1).reason().contains("12345"), report.skipped().get(1).reason());
    }

    @Test
    void damagedFileKeepsTheRecordsBeforeTheDamage() {
        byte[] file = marc21(List.of(book("d1", isbn(31), "Before damage one " + batch),
                book("d2", isbn(32), "Before damage two " + batch), book("d3", isbn(33), "Damaged " + batch)));
        byte[] cut = Arrays.copyOf(file, file.length - 40);
        ImportReport report = catalogueImport.importMarc(CATALOGUER, "test.mrc", in(cut), MarcFormat.MARC21);
        assertEquals(2, report.created(), report.toString());
        assertEquals(1, report.skipped().size(), report.toString());
        assertEquals(3, report.skipped().get(0).position());
    }

    @Test
    void largeFileIsImportedInBatches() {
        List<Record> many = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            many.add(book("e" + i, isbn(1_000 + i), "Bulk record " + i + " " + batch));
        }
        ImportReport report = catalogueImport.importMarc(CATALOGUER, "test.mrc", in(marc21(many)), MarcFormat.MARC21);
        assertEquals("1200 created, 0 updated, 0 skipped", report.summary());
    }

    @Test
    void marcXmlHidingADocumentTypeFromTheByteCheckIsRefusedAndNoServerFileReachesTheCatalogue() throws Exception {
        String marker = "SECRET" + batch + UUID.randomUUID().toString().replace("-", "");
        Path secret = Files.writeString(Files.createTempFile("ill-secret", ".txt"), marker);
        try {
            // Read byte by byte, "<!-- ESC$B--><c>" is a comment and a root element; ISO-2022-JP reads the bytes after
            // ESC$B as Japanese characters inside the comment, which ends after ESC(B, and a document type follows.
            String file = "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>\n<!-- \u001B$B--><c>\u001B(B -->\n"
                    + "<!DOCTYPE collection [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>\n"
                    + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record>"
                    + "<leader>00000nam a2200000 i 4500</leader>"
                    + "<controlfield tag=\"001\">" + batch + "-x1</controlfield>"
                    + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">&secret;</subfield>"
                    + "</datafield></record></collection>";

            ImportReport report = catalogueImport.importMarc(CATALOGUER, "hostile.xml",
                    in(file.getBytes(StandardCharsets.US_ASCII)), MarcFormat.MARCXML);

            assertEquals("0 created, 0 updated, 1 skipped", report.summary());
            assertEquals("the file cannot be read as MARCXML (it declares a document type (<!DOCTYPE>), which MARCXML "
                    + "does not use; such files are refused because a document type can make the server read other "
                    + "files)", report.skipped().get(0).reason());
            for (String table : List.of("bib_record", "audit_entry")) {
                assertEquals(List.of(0L), probe.nativeList("SELECT COUNT(*) FROM " + table + " t "
                        + "WHERE CAST(t AS text) LIKE '%" + marker + "%'"), table);
            }
        } finally {
            Files.delete(secret);
        }
    }

    private String isbn(int n) {
        String twelve = "9798" + String.format("%08d", Math.abs((batch.hashCode() % 9_000) * 10_000 + n) % 100_000_000);
        return twelve + Identifiers.isbn13CheckDigit(twelve);
    }

    private Record book(String control, String isbn, String title) {
        Record book = MARC.newRecord("00000nam a2200000 i 4500");
        book.addVariableField(MARC.newControlField("001", batch + "-" + control));
        book.addVariableField(MARC.newControlField("008", "090512s2009    xx " + " ".repeat(17) + "eng d"));
        book.addVariableField(MARC.newDataField("020", ' ', ' ', "a", isbn + " (hardcover)"));
        book.addVariableField(MARC.newDataField("100", '1', ' ', "a", "Cormen, Thomas H.,", "e", "author."));
        book.addVariableField(MARC.newDataField("245", '1', '0', "a", title + " /", "c", "Thomas H. Cormen."));
        book.addVariableField(MARC.newDataField("264", ' ', '1', "a", "Cambridge :", "b", "MIT Press,", "c", "2009."));
        book.addVariableField(MARC.newDataField("650", ' ', '0', "a", "Computer algorithms."));
        book.addVariableField(MARC.newDataField("700", '1', ' ', "a", "Leiserson, Charles E.,", "e", "author."));
        return book;
    }

    private Record journal(String control, String title) {
        Record journal = MARC.newRecord("00000nas a2200000 i 4500");
        journal.addVariableField(MARC.newControlField("001", batch + "-" + control));
        journal.addVariableField(MARC.newDataField("022", ' ', ' ', "a", "2049-3630"));
        journal.addVariableField(MARC.newDataField("245", '0', '0', "a", title + "."));
        return journal;
    }

    private static byte[] marc21(List<Record> records) {
        return write(records, out -> new MarcStreamWriter(out, "UTF-8"));
    }

    private static byte[] marcXml(List<Record> records) {
        return write(records, out -> new MarcXmlWriter(out, "UTF-8", true));
    }

    private static byte[] write(List<Record> records, Function<ByteArrayOutputStream, MarcWriter> writerFor) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        MarcWriter writer = writerFor.apply(file);
        records.forEach(record -> {
            record.getLeader().setCharCodingScheme('a');
            writer.write(record);
        });
        writer.close();
        return file.toByteArray();
    }

    private static ByteArrayInputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}

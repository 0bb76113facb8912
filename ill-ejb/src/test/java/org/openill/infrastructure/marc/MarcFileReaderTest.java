package org.openill.infrastructure.marc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.marc4j.MarcStreamWriter;
import org.marc4j.converter.impl.UnicodeToAnsel;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.infrastructure.xml.HostileXml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarcFileReaderTest {

    private static final MarcFactory MARC = MarcFactory.newInstance();

    private static final HostileXml HOSTILE = HostileXml.aimedAtANewSecretFile();

    @Test
    void threeRecordsSurviveMarc21() {
        List<CatalogueEntry> entries = entries(read(MarcFiles.marc21(threeRecords()), MarcFormat.MARC21));

        assertThreeEntries(entries);
    }

    @Test
    void threeRecordsSurviveMarcXml() {
        List<CatalogueEntry> entries = entries(read(MarcFiles.marcXml(threeRecords()), MarcFormat.MARCXML));

        assertThreeEntries(entries);
    }

    @Test
    void marc8RecordsAreReadAsUnicode() {
        Record record = MarcFiles.book("991234", "0262033844", "Café society");
        record.getLeader().setCharCodingScheme(' ');
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(file);
        writer.setConverter(new UnicodeToAnsel());
        writer.write(record);
        writer.close();

        List<CatalogueEntry> entries = entries(read(file.toByteArray(), MarcFormat.MARC21));

        assertEquals("Café society", entries.get(0).title());
    }

    @Test
    void damagedMarc21FileKeepsTheRecordsBeforeTheDamage() {
        byte[] file = MarcFiles.marc21(threeRecords());
        List<Record> records = new ArrayList<>();

        Optional<String> damage = MarcFileReader.readEach(
                new ByteArrayInputStream(Arrays.copyOf(file, file.length - 10)), MarcFormat.MARC21, records::add);

        assertEquals(List.of("1", "2"), records.stream().map(Record::getControlNumber).toList());
        assertTrue(damage.orElseThrow().startsWith("the file is damaged after record 2, the records after it were "
                + "not read ("), damage.get());
    }

    @Test
    void damagedMarcXmlFileKeepsTheRecordsBeforeTheDamageAndSaysWhere() {
        String file = new String(MarcFiles.marcXml(threeRecords()), StandardCharsets.UTF_8);
        String cut = file.substring(0, file.lastIndexOf("<marc:record") + 40);
        List<Record> records = new ArrayList<>();

        Optional<String> damage = MarcFileReader.readEach(
                new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)), MarcFormat.MARCXML, records::add);

        assertEquals(2, records.size());
        assertTrue(damage.orElseThrow().matches("the file is damaged after record 2, .*\\(line \\d+, column \\d+: .*"),
                damage.get());
    }

    @Test
    void fileThatIsNotMarcCannotBeRead() {
        Optional<String> damage = MarcFileReader.readEach(new ByteArrayInputStream(
                "Title,Author\nHamlet,Shakespeare 1603\n".getBytes(StandardCharsets.UTF_8)), MarcFormat.MARC21,
                record -> { });

        assertTrue(damage.orElseThrow().startsWith("the file cannot be read as MARC 21 ("), damage.get());
    }

    @ParameterizedTest
    @MethodSource("hostileDocuments")
    void marcXmlTryingToReadAServerFileIsRefusedWhateverItsEncoding(HostileXml.Document document) {
        List<Record> records = new ArrayList<>();

        Optional<String> damage = MarcFileReader.readEach(new ByteArrayInputStream(document.bytes()),
                MarcFormat.MARCXML, records::add);

        assertEquals(List.of(), records);
        assertTrue(damage.orElseThrow().startsWith("the file cannot be read as MARCXML (it declares a document "
                + "type (<!DOCTYPE>)") || damage.get().startsWith("the file cannot be read as MARCXML (it does not "
                + "begin like a MARCXML document"), damage.get());
        assertFalse(damage.get().contains(HOSTILE.marker()), damage.get());
    }

    @Test
    void marcXmlHidingItsDocumentTypeFromTheByteCheckIsRefusedByTheParser() {
        List<Record> records = new ArrayList<>();

        Optional<String> damage = MarcFileReader.readEach(
                new ByteArrayInputStream(HOSTILE.documentTypeHiddenByIso2022Jp().bytes()), MarcFormat.MARCXML,
                records::add);

        assertEquals(List.of(), records);
        assertEquals("the file cannot be read as MARCXML (it declares a document type (<!DOCTYPE>), which MARCXML "
                + "does not use; such files are refused because a document type can make the server read other "
                + "files)", damage.orElseThrow());
    }

    @Test
    void marcXmlWithXIncludeImportsWithoutTheFileItNames() {
        List<Record> records = new ArrayList<>();

        Optional<String> damage = MarcFileReader.readEach(new ByteArrayInputStream(HOSTILE.withXInclude().bytes()),
                MarcFormat.MARCXML, records::add);

        assertEquals(Optional.empty(), damage);
        assertEquals(1, records.size());
        assertFalse(records.get(0).toString().contains(HOSTILE.marker()), records.get(0).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16BE", "UTF-16LE"})
    void marcXmlInUtf16IsRead(String encoding) {
        byte[] file = MarcFiles.marcXml(threeRecords(), Charset.forName(encoding));

        assertThreeEntries(entries(read(file, MarcFormat.MARCXML)));
    }

    @Test
    void marcXmlInAnotherEncodingThanUtf8OrUtf16IsRefusedUnread() {
        byte[] ebcdic = MarcFiles.marcXml(threeRecords(), Charset.forName("IBM037"));

        Optional<String> damage = MarcFileReader.readEach(new ByteArrayInputStream(ebcdic), MarcFormat.MARCXML,
                record -> { });

        assertTrue(damage.orElseThrow().contains("does not begin like a MARCXML document"), damage.get());
    }

    @Test
    void marcXmlWithAByteOrderMarkIsRead() {
        byte[] file = MarcFiles.marcXml(threeRecords());
        byte[] withBom = new byte[file.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(file, 0, withBom, 3, file.length);

        assertThreeEntries(entries(read(withBom, MarcFormat.MARCXML)));
    }

    @ParameterizedTest
    @EnumSource(MarcFormat.class)
    void callerThatGivesUpGetsItsOwnFailureAndNothingIsReadAfterIt(MarcFormat format) {
        byte[] file = format == MarcFormat.MARC21
                ? MarcFiles.marc21(threeRecords())
                : MarcFiles.marcXml(threeRecords());
        IllegalStateException failure = new IllegalStateException("the database went away");
        List<Thread> readers = new ArrayList<>();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> MarcFileReader.readEach(
                new ByteArrayInputStream(file), format, record -> {
                    readers.add(Thread.currentThread());
                    throw failure;
                }));

        assertSame(failure, thrown);
        // the records come on the caller's own thread: no parser thread is left waiting for records to be taken
        assertEquals(List.of(Thread.currentThread()), readers);
    }

    static List<HostileXml.Document> hostileDocuments() {
        return HOSTILE.withDocumentType();
    }

    private static List<Record> threeRecords() {
        Record serial = MARC.newRecord("00000cas a2200000 a 4500");
        serial.addVariableField(MARC.newControlField("001", "3"));
        serial.addVariableField(MARC.newDataField("022", '0', ' ', "a", "0028-0836"));
        serial.addVariableField(MARC.newDataField("245", '0', '0', "a", "Nature."));
        return List.of(
                MarcFiles.book("1", "0262033844", "Introduction to algorithms"),
                MarcFiles.book("2", "978-7-02-000220-7", "红楼梦"),
                serial);
    }

    private static void assertThreeEntries(List<CatalogueEntry> entries) {
        assertEquals(3, entries.size());
        CatalogueEntry algorithms = entries.get(0);
        assertEquals(new CatalogueEntry("1", "Introduction to algorithms", "a guide",
                "Cormen, Thomas H.; Leiserson, Charles E.", "9780262033848", null, "The MIT Press", 2009,
                "Third edition.", "eng", "Computer programming; Computer algorithms", RecordFormat.BOOK), algorithms);
        assertEquals("红楼梦", entries.get(1).title());
        assertEquals("9787020002207", entries.get(1).isbn());
        assertEquals(RecordFormat.JOURNAL, entries.get(2).format());
        assertEquals("0028-0836", entries.get(2).issn());
    }

    private static List<Record> read(byte[] file, MarcFormat format) {
        List<Record> records = new ArrayList<>();
        Optional<String> damage = MarcFileReader.readEach(new ByteArrayInputStream(file), format, records::add);
        assertEquals(Optional.empty(), damage);
        return records;
    }

    private static List<CatalogueEntry> entries(List<Record> records) {
        return records.stream()
                .map(record -> assertInstanceOf(CatalogueEntry.class, MarcRecordMapper.map(record)))
                .toList();
    }
}

package org.openill.infrastructure.marc;

import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Library records and MARC files for tests, made with marc4j so that no test spells binary MARC by hand. Records are
 * marked as Unicode (leader/09 "a") because the files are written in UTF-8.
 */
public final class MarcFiles {

    /** A book leader: new record (05 "n"), language material (06 "a"), monograph (07 "m"), Unicode (09 "a"). */
    public static final String BOOK_LEADER = "00000nam a2200000 i 4500";

    private static final MarcFactory FACTORY = MarcFactory.newInstance();

    private MarcFiles() {
    }

    /** The records as a MARC 21 file in ISO 2709, UTF-8. */
    public static byte[] marc21(List<Record> records) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        MarcWriter writer = new MarcStreamWriter(file, "UTF-8");
        records.forEach(record -> writer.write(unicode(record)));
        writer.close();
        return file.toByteArray();
    }

    /** The records as a MARCXML collection, UTF-8. */
    public static byte[] marcXml(List<Record> records) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        MarcWriter writer = new MarcXmlWriter(file, "UTF-8", true);
        records.forEach(record -> writer.write(unicode(record)));
        writer.close();
        return file.toByteArray();
    }

    /** The records as a MARCXML collection in the encoding, which the XML declaration names. */
    public static byte[] marcXml(List<Record> records, Charset encoding) {
        // MarcXmlWriter declares UTF-8 whatever encoding it writes in
        return new String(marcXml(records), StandardCharsets.UTF_8)
                .replace("encoding=\"UTF-8\"", "encoding=\"" + encoding.name() + "\"").getBytes(encoding);
    }

    /**
     * A book as a university library catalogues it under RDA: control number, fixed fields (published 2009, in
     * English), ISBN with its qualifier, author, title with subtitle and statement of responsibility, edition,
     * publication statement, a second author and two subject headings, all with their ISBD punctuation.
     */
    public static Record book(String controlNumber, String isbn, String title) {
        Record book = FACTORY.newRecord(BOOK_LEADER);
        book.addVariableField(FACTORY.newControlField("001", controlNumber));
        book.addVariableField(FACTORY.newControlField("003", "ZZ-NUL"));
        book.addVariableField(FACTORY.newControlField("008", fixedFields("2009", "eng")));
        book.addVariableField(FACTORY.newDataField("020", ' ', ' ', "a", isbn + " (hardcover : alk. paper)"));
        book.addVariableField(FACTORY.newDataField("100", '1', ' ', "a", "Cormen, Thomas H.,", "e", "author."));
        book.addVariableField(FACTORY.newDataField("245", '1', '0', "a", title + " :", "b", "a guide /",
                "c", "Thomas H. Cormen [and three others]."));
        book.addVariableField(FACTORY.newDataField("250", ' ', ' ', "a", "Third edition."));
        book.addVariableField(FACTORY.newDataField("264", ' ', '1', "a", "Cambridge, Massachusetts :",
                "b", "The MIT Press,", "c", "[2009]"));
        book.addVariableField(FACTORY.newDataField("650", ' ', '0', "a", "Computer programming."));
        book.addVariableField(FACTORY.newDataField("650", ' ', '0', "a", "Computer algorithms."));
        book.addVariableField(FACTORY.newDataField("700", '1', ' ', "a", "Leiserson, Charles E.,", "e", "author."));
        return book;
    }

    /**
     * The fixed-length data elements (008) of a book entered on 12 May 2009, published in {@code date1} (positions
     * 07-10) in the {@code language} (35-37), an ISO 639-2 code.
     */
    public static String fixedFields(String date1, String language) {
        return "090512s" + date1 + "    " + "xx " + " ".repeat(17) + language + " d";
    }

    private static Record unicode(Record record) {
        record.getLeader().setCharCodingScheme('a');
        return record;
    }
}

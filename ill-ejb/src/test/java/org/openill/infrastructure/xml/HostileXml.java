package org.openill.infrastructure.xml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * MARCXML files an attacker might upload to make the server copy one of its own files into the catalogue: a
 * document type with an external entity, used in a title, written in the encodings a byte-level check of the file's
 * start cannot all see through. Each file refers to a secret file made for the test, whose {@link #marker()} must
 * never show up in anything read.
 */
public final class HostileXml {

    private static final byte[] UTF_8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF_16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final byte[] UTF_16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] NO_BOM = {};

    /** Switches ISO-2022-JP to two-byte JIS X 0208 characters, and back to ASCII. */
    private static final String TO_JIS = "\u001B$B";
    private static final String TO_ASCII = "\u001B(B";

    private final Path secret;
    private final String marker;

    private HostileXml(Path secret, String marker) {
        this.secret = secret;
        this.marker = marker;
    }

    /**
     * A new secret file, with a marker found nowhere else, for the documents to try to read. It and the DTD beside it
     * are deleted when the tests end.
     */
    public static HostileXml aimedAtANewSecretFile() {
        String marker = "SECRET" + UUID.randomUUID().toString().replace("-", "");
        try {
            return new HostileXml(temporary(Files.writeString(temporary(Files.createTempDirectory("hostile-xml"))
                    .resolve("secret.txt"), marker)), marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the secret file. */
    public String marker() {
        return marker;
    }

    /** An uploaded file: what the test calls it, and its bytes. */
    public record Document(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Every hostile document that declares a document type, each of which must be refused unread: the ones the JDK
     * can decode and {@link #inUtf7()}.
     */
    public List<Document> withDocumentType() {
        List<Document> all = new ArrayList<>(withDocumentTypeTheJdkCanDecode());
        all.add(inUtf7());
        return all;
    }

    /** The hostile documents with a document type in encodings the JDK's parser reads. */
    public List<Document> withDocumentTypeTheJdkCanDecode() {
        return List.of(
                encoded("UTF-8", "UTF-8", NO_BOM),
                encoded("UTF-8 with a byte order mark", "UTF-8", UTF_8_BOM),
                encoded("UTF-16BE with a byte order mark", "UTF-16", UTF_16BE_BOM, StandardCharsets.UTF_16BE),
                encoded("UTF-16LE with a byte order mark", "UTF-16", UTF_16LE_BOM, StandardCharsets.UTF_16LE),
                encoded("UTF-16BE without a byte order mark", "UTF-16BE", NO_BOM),
                encoded("UTF-16LE without a byte order mark", "UTF-16LE", NO_BOM),
                encoded("UTF-32BE", "UTF-32BE", NO_BOM),
                encoded("UTF-32LE", "UTF-32LE", NO_BOM),
                encoded("EBCDIC IBM037", "IBM037", NO_BOM),
                encoded("EBCDIC IBM1047", "IBM1047", NO_BOM),
                encoded("Shift_JIS", "Shift_JIS", NO_BOM),
                encoded("ISO-2022-JP", "ISO-2022-JP", NO_BOM),
                documentTypeHiddenByIso2022Jp(),
                documentTypeBehindALongComment(),
                new Document("external DTD with parameter entities", ascii(declaration("UTF-8")
                        + "<!DOCTYPE collection SYSTEM \"" + externalDtd().toUri() + "\">"
                        + collection("&leak;"))),
                billionLaughs());
    }

    /** A document without a document type that asks the parser to include the secret file in a title. */
    public Document withXInclude() {
        return new Document("XInclude", ascii(declaration("UTF-8")
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + record("<xi:include href=\"" + secret.toUri() + "\" parse=\"text\"/>") + "</collection>"));
    }

    private Document encoded(String name, String encoding, byte[] bom) {
        return encoded(name, encoding, bom, Charset.forName(encoding));
    }

    private Document encoded(String name, String encoding, byte[] bom, Charset charset) {
        return new Document(name, concat(bom, (declaration(encoding) + internalSubset() + collection("&secret;"))
                .getBytes(charset)));
    }

    /**
     * ISO-2022-JP switches between ASCII and two-byte characters with escape sequences. Read byte by byte, a comment
     * ends inside the two-byte part and a {@code <collection>} element follows; the parser reads those bytes as
     * Japanese characters inside the comment, and then finds the document type after it.
     */
    public Document documentTypeHiddenByIso2022Jp() {
        String text = declaration("ISO-2022-JP") + "<!-- " + TO_JIS + "--><c>" + TO_ASCII + " -->\n"
                + internalSubset() + collection("&secret;");
        return new Document("ISO-2022-JP hiding its document type in a comment", ascii(text));
    }

    /** A document type further into the file than a check of the file's first bytes looks. */
    private Document documentTypeBehindALongComment() {
        return new Document("document type behind 70 000 characters of comment", ascii(declaration("UTF-8")
                + "<!--" + " ".repeat(70_000) + "-->" + internalSubset() + collection("&secret;")));
    }

    /** UTF-7 writes "<" as "+ADw-": the markup is invisible to a byte-level check; the JDK cannot decode UTF-7. */
    public Document inUtf7() {
        String text = internalSubset() + collection("&secret;");
        return new Document("UTF-7", ascii(declaration("UTF-7") + text.replace("<", "+ADw-").replace(">", "+AD4-")));
    }

    /** A billion copies of "lol" from a few hundred bytes of internal entities. */
    private Document billionLaughs() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            entities.append("<!ENTITY lol").append(level).append(" \"")
                    .append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
        }
        return new Document("billion laughs", ascii(declaration("UTF-8") + "<!DOCTYPE collection [" + entities
                + "]>" + collection("&lol9;")));
    }

    /** A DTD beside the secret that smuggles the secret into the address of another entity. */
    private Path externalDtd() {
        try {
            return temporary(Files.writeString(secret.resolveSibling("hostile.dtd"), "<!ENTITY % secret SYSTEM \""
                    + secret.toUri() + "\">\n<!ENTITY % define \"<!ENTITY leak SYSTEM 'file:///nowhere/%secret;'>\">\n"
                    + "%define;\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files are deleted in the reverse order of this call: a folder after the files in it. */
    private static Path temporary(Path file) {
        file.toFile().deleteOnExit();
        return file;
    }

    private String internalSubset() {
        return "<!DOCTYPE collection [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>\n";
    }

    private static String declaration(String encoding) {
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n";
    }

    private static String collection(String title) {
        return "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + record(title) + "</collection>\n";
    }

    private static String record(String title) {
        return "<record><leader>00000nam a2200000 i 4500</leader><controlfield tag=\"001\">hostile-1</controlfield>"
                + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">" + title + "</subfield>"
                + "</datafield></record>";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(first);
        both.writeBytes(second);
        return both.toByteArray();
    }
}

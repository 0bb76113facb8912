package org.openill.infrastructure.marc;

import org.marc4j.MarcXmlHandler;
import org.marc4j.RecordStack;
import org.marc4j.marc.Record;
import org.openill.infrastructure.xml.SafeXml;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads MARCXML with the server's safe XML parser, which refuses any document type: a {@code <!DOCTYPE>} in an
 * uploaded file could copy the server's own files, or pages of other servers, into the catalogue. MARCXML never needs
 * one. A look at the file's first bytes refuses the plain cases before the parser starts, as a second line of defence.
 */
final class MarcXmlInput {

    private static final String DOCUMENT_TYPE_REFUSED = "it declares a document type (<!DOCTYPE>), which MARCXML "
            + "does not use; such files are refused because a document type can make the server read other files";

    /** How much of the start of a file is searched for its root element; far more than any real prolog. */
    private static final int PROLOG_LIMIT = 64 * 1024;

    private static final Pattern DECLARATIONS_AND_COMMENTS = Pattern.compile("(?s)<\\?.*?\\?>|<!--.*?-->");

    private static final Pattern ROOT_ELEMENT = Pattern.compile("^<[\\p{L}_:]");

    private MarcXmlInput() {
    }

    /**
     * Hands each record of the document to {@code eachRecord} as soon as the parser has read it.
     *
     * @throws IOException when the file declares a document type, or does not start like an XML document
     * @throws SAXException where the file is not well-formed XML
     */
    static void read(InputStream input, Consumer<Record> eachRecord) throws IOException, SAXException {
        InputStream document = withoutDocumentType(input);
        XMLReader parser = SafeXml.xmlReader();
        parser.setContentHandler(new MarcXmlHandler(new HandOver(eachRecord)));
        try {
            parser.parse(new InputSource(document));
        } catch (SAXException failure) {
            if (SafeXml.isDocumentTypeRefusal(failure)) {
                throw new IOException(DOCUMENT_TYPE_REFUSED);
            }
            throw failure;
        }
    }

    /**
     * The same XML, once its prolog is known to hold nothing but the XML declaration, processing instructions and
     * comments.
     *
     * @throws IOException when the file declares a document type, or does not start like an XML document
     */
    private static InputStream withoutDocumentType(InputStream input) throws IOException {
        BufferedInputStream xml = new BufferedInputStream(input, PROLOG_LIMIT);
        xml.mark(PROLOG_LIMIT);
        byte[] start = xml.readNBytes(PROLOG_LIMIT);
        xml.reset();
        String rest = DECLARATIONS_AND_COMMENTS.matcher(decode(start)).replaceAll("").strip();
        if (rest.startsWith("<!DOCTYPE")) {
            throw new IOException(DOCUMENT_TYPE_REFUSED);
        }
        // An empty file may pass: the parser says it is empty. Anything else must open with the root element, or
        // the parser might find a document type this check did not see (past the limit, or in another encoding).
        boolean emptyDocument = rest.isEmpty() && start.length < PROLOG_LIMIT;
        if (!emptyDocument && !ROOT_ELEMENT.matcher(rest).find()) {
            throw new IOException("it does not begin like a MARCXML document (an XML declaration, then a "
                    + "<collection> or <record> element, in UTF-8 or UTF-16)");
        }
        return xml;
    }

    private static String decode(byte[] start) {
        if (start.length >= 2 && (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF
                || start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)) {
            return new String(start, StandardCharsets.UTF_16);
        }
        if (start.length >= 2 && (start[0] == 0 && start[1] == '<' || start[0] == '<' && start[1] == 0)) {
            // UTF-16 without a byte order mark, as files declaring "UTF-16BE" or "UTF-16LE" are written
            Charset utf16 = start[0] == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            return new String(start, 0, start.length & ~1, utf16);
        }
        int bom = start.length >= 3 && start[0] == (byte) 0xEF && start[1] == (byte) 0xBB && start[2] == (byte) 0xBF
                ? 3 : 0;
        // The markup of a prolog is ASCII: reading the bytes one by one finds it in UTF-8 and single-byte encodings.
        return new String(start, bom, start.length - bom, StandardCharsets.ISO_8859_1);
    }

    /**
     * marc4j's MarcXmlHandler puts each record it completes on this stack. Its MarcXmlReader parses on a thread of its
     * own, which waits there until the record is taken; here the parser runs on the caller's thread and the record is
     * handed on at once: one record in memory at a time, and no thread left waiting when the caller gives up.
     */
    private static final class HandOver extends RecordStack {

        private final Consumer<Record> eachRecord;

        private HandOver(Consumer<Record> eachRecord) {
            this.eachRecord = eachRecord;
        }

        @Override
        public void push(Record record) {
            eachRecord.accept(record);
        }
    }
}

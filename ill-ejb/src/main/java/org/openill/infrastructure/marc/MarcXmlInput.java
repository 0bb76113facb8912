package org.openill.infrastructure.marc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Lets only MARCXML without a document type declaration reach the XML parser. marc4j's MarcXmlReader parses with the
 * JDK's default settings, which resolve external entities: a {@code <!DOCTYPE>} in an uploaded file could copy the
 * server's own files, or pages of other servers, into the catalogue. MARCXML never needs one.
 */
final class MarcXmlInput {

    /** How much of the start of a file is searched for its root element; far more than any real prolog. */
    private static final int PROLOG_LIMIT = 64 * 1024;

    private static final Pattern DECLARATIONS_AND_COMMENTS = Pattern.compile("(?s)<\\?.*?\\?>|<!--.*?-->");

    private static final Pattern ROOT_ELEMENT = Pattern.compile("^<[\\p{L}_:]");

    private MarcXmlInput() {
    }

    /**
     * The same XML, once its prolog is known to hold nothing but the XML declaration, processing instructions and
     * comments.
     *
     * @throws IOException when the file declares a document type, or does not start like an XML document
     */
    static InputStream withoutDocumentType(InputStream input) throws IOException {
        BufferedInputStream xml = new BufferedInputStream(input, PROLOG_LIMIT);
        xml.mark(PROLOG_LIMIT);
        byte[] start = xml.readNBytes(PROLOG_LIMIT);
        xml.reset();
        String rest = DECLARATIONS_AND_COMMENTS.matcher(decode(start)).replaceAll("").strip();
        if (rest.startsWith("<!DOCTYPE")) {
            throw new IOException("it declares a document type (<!DOCTYPE>), which MARCXML does not use; such files "
                    + "are refused because a document type can make the server read other files");
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
        int bom = start.length >= 3 && start[0] == (byte) 0xEF && start[1] == (byte) 0xBB && start[2] == (byte) 0xBF
                ? 3 : 0;
        // The markup of a prolog is ASCII: reading the bytes one by one finds it in UTF-8 and single-byte encodings.
        return new String(start, bom, start.length - bom, StandardCharsets.ISO_8859_1);
    }
}

package org.openill.infrastructure.marc;

import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;
import org.marc4j.MarcXmlReader;

import java.io.IOException;
import java.io.InputStream;

/** The two forms in which library systems export their catalogue records. */
public enum MarcFormat {

    /** MARC 21 in the ISO 2709 exchange format (".mrc" files), encoded in MARC-8 or UTF-8. */
    MARC21("MARC 21"),

    /** MARC 21 records written as XML after the Library of Congress MARCXML schema. */
    MARCXML("MARCXML");

    private final String label;

    MarcFormat(String label) {
        this.label = label;
    }

    /** The name of the format as cataloguers write it. */
    public String label() {
        return label;
    }

    MarcReader open(InputStream input) throws IOException {
        return switch (this) {
            // Permissive: real exports carry wrong record lengths and stray bytes; the reader repairs what it can.
            // Converting to UTF-8: older records are in MARC-8, the catalogue is Unicode.
            case MARC21 -> new MarcPermissiveStreamReader(input, true, true);
            case MARCXML -> new MarcXmlReader(MarcXmlInput.withoutDocumentType(input));
        };
    }
}

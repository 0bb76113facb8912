package org.openill.infrastructure.marc;

import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;
import org.marc4j.marc.Record;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

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

    /** Hands each record of the file to {@code eachRecord} as soon as it is read, until the end of the file. */
    void read(InputStream input, Consumer<Record> eachRecord) throws IOException, SAXException {
        switch (this) {
            case MARC21 -> {
                // Permissive: real exports carry wrong record lengths and stray bytes; the reader repairs what it can.
                // Converting to UTF-8: older records are in MARC-8, the catalogue is Unicode.
                MarcReader reader = new MarcPermissiveStreamReader(input, true, true);
                while (reader.hasNext()) {
                    eachRecord.accept(reader.next());
                }
            }
            case MARCXML -> MarcXmlInput.read(input, eachRecord);
        }
    }
}

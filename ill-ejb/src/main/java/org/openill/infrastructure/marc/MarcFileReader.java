package org.openill.infrastructure.marc;

import org.marc4j.marc.Record;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Reads a file of library records record by record. Damage in the file ends the reading, and every record before the
 * damage has been handed on by then: a file cut short or garbled in the middle still delivers its first part.
 */
public final class MarcFileReader {

    private static final Logger LOG = Logger.getLogger(MarcFileReader.class.getName());

    private MarcFileReader() {
    }

    /**
     * Hands each record of the file to {@code eachRecord}, in the order of the file.
     *
     * @return why the reading stopped before the end of the file, in plain words; empty when the whole file was read
     */
    public static Optional<String> readEach(InputStream input, MarcFormat format, Consumer<Record> eachRecord) {
        Delivery delivery = new Delivery(eachRecord);
        try {
            format.read(input, delivery);
            return Optional.empty();
        } catch (IOException | SAXException | RuntimeException failure) {
            if (delivery.callerFailure != null) {
                throw delivery.callerFailure;
            }
            // The reader's place in the file is lost after an error: what follows cannot be trusted.
            return Optional.of(damage(format, delivery.delivered, failure));
        }
    }

    /** Hands the records on and counts them, keeping a failure of the caller's apart from damage in the file. */
    private static final class Delivery implements Consumer<Record> {

        private final Consumer<Record> eachRecord;
        private int delivered;
        private RuntimeException callerFailure;

        private Delivery(Consumer<Record> eachRecord) {
            this.eachRecord = eachRecord;
        }

        @Override
        public void accept(Record record) {
            try {
                eachRecord.accept(record);
            } catch (RuntimeException failure) {
                callerFailure = failure;
                throw failure;
            }
            delivered++;
        }
    }

    private static String damage(MarcFormat format, int recordsRead, Exception cause) {
        String detail = detail(cause);
        LOG.warning(() -> "Reading a " + format.label() + " file stopped after record " + recordsRead + ": " + detail);
        return recordsRead == 0
                ? "the file cannot be read as " + format.label() + " (" + detail + ")"
                : "the file is damaged after record " + recordsRead + ", the records after it were not read ("
                        + detail + ")";
    }

    /** What went wrong, with the line and column for XML, which lets a cataloguer find the place. */
    private static String detail(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SAXParseException xml) {
                return "line " + xml.getLineNumber() + ", column " + xml.getColumnNumber() + ": " + xml.getMessage();
            }
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}

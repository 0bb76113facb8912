package org.openill.domain.catalogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BibliographicRecordTest {

    @Test
    void revisedRecordTakesTheCorrectedTitleAndForm() {
        BibliographicRecord record = new BibliographicRecord("Natur", RecordFormat.BOOK);

        record.revise(" Nature ", RecordFormat.JOURNAL);

        assertEquals("Nature", record.title());
        assertEquals(RecordFormat.JOURNAL, record.format());
    }

    @Test
    void revisionKeepsTheRecordTitled() {
        BibliographicRecord record = new BibliographicRecord("Nature", RecordFormat.JOURNAL);

        assertThrows(IllegalArgumentException.class, () -> record.revise(" ", RecordFormat.JOURNAL));
        assertThrows(IllegalArgumentException.class, () -> record.revise("Nature", null));
        assertEquals("Nature", record.title());
    }
}

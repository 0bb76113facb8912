package org.openill.domain.catalogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;

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

        assertThrows(InvalidInputException.class, () -> record.revise(" ", RecordFormat.JOURNAL));
        assertThrows(IllRuleViolation.class, () -> record.revise("Nature", null));
        assertEquals("Nature", record.title());
    }
}

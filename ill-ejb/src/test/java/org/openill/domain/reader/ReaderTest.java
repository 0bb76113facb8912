package org.openill.domain.reader;

import org.junit.jupiter.api.Test;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.IllRuleViolation;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReaderTest {

    private final Library library = new Library(AgencyId.isil("ZZ-TST"), "Test Library", ZoneId.of("UTC"));
    private final LocalDate from = LocalDate.of(2026, 1, 1);
    private final LocalDate until = LocalDate.of(2026, 12, 31);

    @Test
    void cardIsValidOnlyWithinItsPeriod() {
        Reader reader = new Reader(library, "TST-1", from, until, "Ada", "Reader", "ada@example.org",
                ReaderCategory.POSTGRADUATE);
        assertTrue(reader.hasValidCardOn(from));
        assertTrue(reader.hasValidCardOn(until));
        assertFalse(reader.hasValidCardOn(until.plusDays(1)));
        assertFalse(reader.hasValidCardOn(from.minusDays(1)));
        assertEquals(ReaderStatus.ACTIVE, reader.status());
    }

    @Test
    void personalDataMustBeComplete() {
        assertThrows(IllRuleViolation.class, () -> new Reader(library, "TST-1", from, until, "Ada", "Reader",
                "not-an-address", ReaderCategory.FACULTY));
        assertThrows(IllRuleViolation.class, () -> new Reader(library, " ", from, until, "Ada", "Reader",
                "ada@example.org", ReaderCategory.FACULTY));
        assertThrows(IllRuleViolation.class, () -> new Reader(library, "TST-1", until, from, "Ada", "Reader",
                "ada@example.org", ReaderCategory.FACULTY));
    }
}

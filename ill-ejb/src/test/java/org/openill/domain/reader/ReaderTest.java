package org.openill.domain.reader;

import org.junit.jupiter.api.Test;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;

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
        assertThrows(InvalidInputException.class, () -> new Reader(library, "TST-1", from, until, "Ada", "Reader",
                "not-an-address", ReaderCategory.FACULTY));
        assertThrows(InvalidInputException.class, () -> new Reader(library, " ", from, until, "Ada", "Reader",
                "ada@example.org", ReaderCategory.FACULTY));
        assertThrows(IllRuleViolation.class, () -> new Reader(library, "TST-1", until, from, "Ada", "Reader",
                "ada@example.org", ReaderCategory.FACULTY));
    }

    @Test
    void aNameLongerThanTheRegisterKeepsIsRefusedNamingFieldAndLimit() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new Reader(library, "TST-1",
                from, until, "A".repeat(Reader.NAME_LENGTH + 1), "Reader", "ada@example.org", ReaderCategory.FACULTY));
        assertEquals("first name", refused.field());
        assertEquals("First name is too long: at most 100 characters, this one has 101", refused.getMessage());
    }

    @Test
    void aCardNumberWithANulCharacterIsRefused() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new Reader(library,
                "TST\u00001", from, until, "Ada", "Reader", "ada@example.org", ReaderCategory.FACULTY));
        assertEquals("library card number", refused.field());
    }

    @Test
    void contactAndBlockingReasonAreCheckedBeforeAnythingChanges() {
        Reader reader = new Reader(library, "TST-1", from, until, "Ada", "Reader", "ada@example.org",
                ReaderCategory.POSTGRADUATE);
        reader.recordContact("+49 1", "Physics");
        assertThrows(InvalidInputException.class, () -> reader.recordContact("+49 2", "D".repeat(201)));
        assertEquals("+49 1", reader.phone());
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> reader.block("r".repeat(Reader.BLOCKED_REASON_LENGTH + 1)));
        assertEquals("Reason for blocking is too long: at most 500 characters, this one has 501", refused.getMessage());
        assertEquals(ReaderStatus.ACTIVE, reader.status());
    }
}

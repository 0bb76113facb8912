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

    private Reader ada() {
        return new Reader(library, "TST-1", from, until, "Ada", "Reader", "ada@example.org", ReaderCategory.POSTGRADUATE);
    }

    @Test
    void fiveWrongPinsInARowLockSignInForAQuarterOfAnHour() {
        Reader reader = ada();
        reader.changePin("hash");
        java.time.Instant now = java.time.Instant.parse("2026-06-01T10:00:00Z");
        for (int wrong = 1; wrong < Reader.WRONG_PINS_BEFORE_LOCK; wrong++) {
            reader.wrongPin(now);
            assertTrue(reader.signInLockedAt(now).isEmpty(), "locked after " + wrong);
        }
        reader.wrongPin(now);

        assertEquals(java.util.Optional.of(now.plus(Reader.SIGN_IN_LOCK)), reader.signInLockedAt(now));
        assertTrue(reader.signInLockedAt(now.plus(Reader.SIGN_IN_LOCK)).isEmpty(), "still locked after the lock");
    }

    @Test
    void aRightPinStartsTheCountOfWrongOnesAgain() {
        Reader reader = ada();
        java.time.Instant now = java.time.Instant.parse("2026-06-01T10:00:00Z");
        for (int wrong = 1; wrong < Reader.WRONG_PINS_BEFORE_LOCK; wrong++) {
            reader.wrongPin(now);
        }
        reader.signedIn();
        reader.wrongPin(now);

        assertEquals(1, reader.wrongPinsInARow());
        assertTrue(reader.signInLockedAt(now).isEmpty());
    }

    @Test
    void aNewPinEndsALock() {
        Reader reader = ada();
        java.time.Instant now = java.time.Instant.parse("2026-06-01T10:00:00Z");
        for (int wrong = 1; wrong <= Reader.WRONG_PINS_BEFORE_LOCK; wrong++) {
            reader.wrongPin(now);
        }
        reader.changePin("new hash");

        assertTrue(reader.signInLockedAt(now).isEmpty());
        assertEquals("new hash", reader.pinHash());
    }

    @Test
    void aBlockedCardAndOneOutOfItsPeriodCannotBeUsedAndSayWhy() {
        Reader reader = ada();
        assertTrue(reader.whyCardCannotBeUsedOn(from).isEmpty());
        assertEquals("Library card TST-1 is not valid on 2027-01-01 (valid 2026-01-01 to 2026-12-31); renew it at "
                + "your library first.", reader.whyCardCannotBeUsedOn(until.plusDays(1)).orElseThrow());

        reader.block("lost books");

        assertEquals("Library card TST-1 is blocked: lost books. Please contact your library.",
                reader.whyCardCannotBeUsedOn(from).orElseThrow());
    }
}

package org.openill.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextTest {

    private static final String PAIR = "\uD840\uDC0B"; // one character outside the BMP, two UTF-16 units

    @Test
    void aTextWithinItsLimitIsKeptWithoutSurroundingWhiteSpace() {
        assertEquals("Ada", Text.required("first name", "  Ada\t", 3));
        assertEquals("line one\nline two", Text.optional("note", "line one\nline two", 100));
    }

    @Test
    void aBlankOptionalTextIsNoText() {
        assertNull(Text.optional("phone", "   ", 50));
        assertNull(Text.optional("phone", null, 50));
    }

    @Test
    void aMissingRequiredTextIsRefusedNamingTheField() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> Text.required("first name", " ", 100));
        assertEquals("First name is required", refused.getMessage());
        assertEquals("first name", refused.field());
    }

    @Test
    void aTextOverItsLimitIsRefusedNamingTheFieldAndTheLimit() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> Text.optional("last name", "x".repeat(101), 100));
        assertEquals("Last name is too long: at most 100 characters, this one has 101", refused.getMessage());
        assertEquals("last name", refused.field());
    }

    @Test
    void charactersAreCountedAsTheDatabaseCountsThem() {
        // PostgreSQL counts a character outside the BMP once, though Java strings hold it in two units
        assertEquals(PAIR.repeat(3), Text.required("title", PAIR.repeat(3), 3));
        assertThrows(InvalidInputException.class, () -> Text.required("title", PAIR.repeat(4), 3));
    }

    @Test
    void aNulCharacterIsRefusedWithItsPlace() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> Text.optional("reason", "out of\u0000 print", 1000));
        assertEquals("Reason contains a character that cannot be stored (the NUL character U+0000 at position 7); "
                + "remove it", refused.getMessage());
    }

    @Test
    void aNulCharacterAtTheEndIsRefusedTooNotTrimmedAway() {
        assertThrows(InvalidInputException.class, () -> Text.optional("reason", "out of print\u0000", 1000));
    }

    @Test
    void halfOfASurrogatePairIsRefused() {
        InvalidInputException high = assertThrows(InvalidInputException.class,
                () -> Text.optional("title", "abc\uD840", 1000));
        assertEquals("Title contains a character that cannot be stored (an unpaired UTF-16 surrogate U+D840 at "
                + "position 4); remove it", high.getMessage());
        assertThrows(InvalidInputException.class, () -> Text.optional("title", "\uDC0Babc", 1000));
        assertThrows(InvalidInputException.class, () -> Text.optional("title", "a\uDC0B\uD840b", 1000));
    }

    @Test
    void controlCharactersThatXmlCannotCarryAreRefused() {
        assertThrows(InvalidInputException.class, () -> Text.optional("note", "bell\u0007", 100));
        assertThrows(InvalidInputException.class, () -> Text.optional("note", "odd\uFFFE", 100));
    }

    @Test
    void aBuiltTextWithinItsColumnIsKeptAsItIs() {
        assertEquals("short", Text.cut("short", 5));
        assertNull(Text.cut(null, 5));
    }

    @Test
    void aBuiltTextIsCutToItsColumnAndMarkedAsCut() {
        String cut = Text.cut("abcdefghij", 5);
        assertEquals("abcd…", cut);
        assertEquals(5, Text.length(cut));
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String cut = Text.cut("abc" + PAIR + "defg", 5);
        assertEquals("abc" + PAIR + "…", cut);
        assertEquals(5, Text.length(cut));
        String atThePair = Text.cut("abcd" + PAIR + "efg", 5);
        assertEquals("abcd…", atThePair);
    }
}

package org.openill.domain.catalogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdentifiersTest {

    @Test
    void isbn13IsKeptWithoutHyphens() {
        assertEquals("9780262033848", Identifiers.normalizeIsbn("978-0-262-03384-8"));
    }

    @Test
    void isbn10BecomesIsbn13() {
        assertEquals("9780553380163", Identifiers.normalizeIsbn("0-553-38016-8"));
        assertEquals("9781554042951", Identifiers.normalizeIsbn("155404295X"));
    }

    @Test
    void wrongCheckDigitIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Identifiers.normalizeIsbn("9780262033849"));
        assertEquals("ISBN 9780262033849 has a wrong check digit", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Identifiers.normalizeIsbn("12345"));
    }

    @Test
    void issnIsPrintedWithItsHyphen() {
        assertEquals("0028-0836", Identifiers.normalizeIssn("00280836"));
        assertEquals("2049-3630", Identifiers.normalizeIssn("2049-3630"));
        assertThrows(IllegalArgumentException.class, () -> Identifiers.normalizeIssn("0028-0837"));
    }
}

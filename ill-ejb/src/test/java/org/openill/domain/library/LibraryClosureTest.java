package org.openill.domain.library;

import org.junit.jupiter.api.Test;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LibraryClosureTest {

    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 24);

    private final Library library = new Library(AgencyId.isil("ZZ-SCL"), "South City Library", ZoneId.of("UTC"));

    @Test
    void aClosedLibraryReceivesNothingFromItsFirstToItsLastDay() {
        library.closeFor(CHRISTMAS, CHRISTMAS.plusDays(8), "holidays");
        assertEquals(Optional.empty(), library.notReceivingOn(CHRISTMAS.minusDays(1)));
        assertEquals(Optional.of("closed until 2027-01-01 (holidays)"), library.notReceivingOn(CHRISTMAS));
        assertEquals(Optional.of("closed until 2027-01-01 (holidays)"), library.notReceivingOn(CHRISTMAS.plusDays(8)));
        assertEquals(Optional.empty(), library.notReceivingOn(CHRISTMAS.plusDays(9)));
    }

    @Test
    void aSuspendedLibraryReceivesNothingWhateverTheDay() {
        library.suspend();
        assertEquals(Optional.of("suspended from the network"), library.notReceivingOn(CHRISTMAS));
    }

    @Test
    void closuresMayNotOverlapNorRunBackwardsNorLackAReason() {
        library.closeFor(CHRISTMAS, CHRISTMAS.plusDays(8), "holidays");
        assertEquals("closureOverlaps", assertThrows(IllRuleViolation.class,
                () -> library.closeFor(CHRISTMAS.plusDays(8), CHRISTMAS.plusDays(9), "inventory")).said().key());
        assertEquals("closureBackwards", assertThrows(IllRuleViolation.class,
                () -> library.closeFor(CHRISTMAS.plusDays(30), CHRISTMAS.plusDays(20), "move")).said().key());
        assertEquals("required", assertThrows(InvalidInputException.class,
                () -> library.closeFor(CHRISTMAS.plusDays(30), CHRISTMAS.plusDays(31), " ")).said().key());
        assertEquals(1, library.closures().size(), "a refused closure is not kept");
    }
}

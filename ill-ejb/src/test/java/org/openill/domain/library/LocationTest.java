package org.openill.domain.library;

import org.junit.jupiter.api.Test;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocationTest {

    private final Branch branch = new Library(AgencyId.isil("ZZ-TST"), "Test Library", ZoneId.of("UTC"))
            .openBranch("MAIN", "Main Library");

    @Test
    void referenceRoomCannotBeMadeLendable() {
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> branch.addLocation("REF", "Law reference room", LocationType.DEPARTMENT_REFERENCE_ROOM, true));
        assertTrue(refused.getMessage().contains("never lendable"), refused.getMessage());
        assertThrows(IllRuleViolation.class,
                () -> branch.addLocation("CREF", "College reference room", LocationType.COLLEGE_REFERENCE_ROOM, true));
    }

    @Test
    void referenceRoomIsNotLendableThroughIll() {
        Location room = branch.addLocation("REF", "Law reference room", LocationType.DEPARTMENT_REFERENCE_ROOM, false);
        assertFalse(room.isLendableThroughIll());
    }

    @Test
    void openShelvesLendWhenThePolicySaysSo() {
        assertTrue(branch.addLocation("OPEN", "Open shelves", LocationType.OPEN_SHELVES, true).isLendableThroughIll());
        assertFalse(branch.addLocation("RARE", "Rare books", LocationType.SPECIAL_COLLECTIONS, false).isLendableThroughIll());
    }

    @Test
    void locationCodesAreUniqueWithinABranch() {
        branch.addLocation("OPEN", "Open shelves", LocationType.OPEN_SHELVES, true);
        assertThrows(IllRuleViolation.class,
                () -> branch.addLocation("OPEN", "Other shelves", LocationType.OPEN_SHELVES, true));
        assertEquals(1, branch.locations().size());
    }

    @Test
    void agencyIdsAreEqualByTypeAndValue() {
        assertEquals(AgencyId.isil("ZZ-NUL"), new AgencyId("ISIL", " ZZ-NUL "));
        assertEquals("ISIL:ZZ-NUL", AgencyId.isil("ZZ-NUL").toString());
        assertThrows(IllRuleViolation.class, () -> AgencyId.isil(" "));
    }

    @Test
    void codesAreUniqueAsStoredWithoutSurroundingSpaces() {
        Library library = new Library(AgencyId.isil("ZZ-TST"), "Test Library", ZoneId.of("UTC"));
        Branch main = library.openBranch("MAIN", "Main");
        IllRuleViolation branchTaken = assertThrows(IllRuleViolation.class, () -> library.openBranch(" MAIN ", "Again"));
        assertEquals("Library ZZ-TST already has a branch MAIN", branchTaken.getMessage());
        main.addLocation("OPEN", "Open shelves", LocationType.OPEN_SHELVES, true);
        IllRuleViolation locationTaken = assertThrows(IllRuleViolation.class,
                () -> main.addLocation("OPEN ", "Open again", LocationType.OPEN_SHELVES, true));
        assertEquals("Branch MAIN already has a location OPEN", locationTaken.getMessage());
    }

    @Test
    void overLongLibraryDataIsRefusedNamingTheField() {
        InvalidInputException isil = assertThrows(InvalidInputException.class,
                () -> AgencyId.isil("ZZ-" + "X".repeat(AgencyId.VALUE_LENGTH)));
        assertEquals("Agency id is too long: at most 50 characters, this one has 53", isil.getMessage());
        Library library = new Library(AgencyId.isil("ZZ-TST"), "Test Library", ZoneId.of("UTC"));
        InvalidInputException phone = assertThrows(InvalidInputException.class,
                () -> library.describeIllOffice("Street 1", "ill@example.org", "0".repeat(Library.PHONE_LENGTH + 1)));
        assertEquals("ILL phone", phone.field());
        InvalidInputException code = assertThrows(InvalidInputException.class,
                () -> library.openBranch("C".repeat(Branch.CODE_LENGTH + 1), "Main"));
        assertEquals("branch code", code.field());
        assertTrue(library.branches().isEmpty());
    }
}

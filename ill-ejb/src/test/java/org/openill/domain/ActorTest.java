package org.openill.domain;

import org.junit.jupiter.api.Test;
import org.openill.domain.library.AgencyId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who acts, as the history keeps them, and for which library each may speak. */
class ActorTest {

    private static final AgencyId NORTH = AgencyId.isil("ZZ-NUL");
    private static final AgencyId SOUTH = AgencyId.isil("ZZ-SCL");

    @Test
    void eachActorHasAStableText() {
        assertEquals("reader ZZ-ECL/ECL-000001", Actor.reader("ZZ-ECL", "ECL-000001").text());
        assertEquals("staff ZZ-NUL/alice", Actor.staff("ZZ-NUL", "alice").text());
        assertEquals("network admin ned", Actor.networkAdmin("ned").text());
        assertEquals("system", Actor.SYSTEM.text());
        assertEquals("demo data", Actor.system("demo data").text());
        assertEquals("partner ZZ-SCL", Actor.partner("ZZ-SCL").text());
    }

    @Test
    void staffAndPartnerSystemsSpeakForTheirOwnLibraryOnly() {
        assertTrue(Actor.staff("ZZ-NUL", "alice").speaksFor(NORTH));
        assertFalse(Actor.staff("ZZ-NUL", "alice").speaksFor(SOUTH));
        assertTrue(Actor.partner("ZZ-SCL").speaksFor(SOUTH));
        assertFalse(Actor.reader("ZZ-NUL", "NUL-1").speaksFor(NORTH), "a reader is not their library's office");
        assertFalse(Actor.networkAdmin("ned").speaksFor(NORTH));
    }

    @Test
    void staffOfAnotherLibraryIsRefusedWhatOnlyTheLibrariesConcernedMayDo() {
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> Actor.staff("ZZ-ECL", "eve").requireSpeaksForOneOf("add a collection", NORTH));
        assertEquals("staff ZZ-ECL/eve cannot add a collection: only staff of ZZ-NUL or a network administrator may",
                refused.getMessage());
        Actor.staff("ZZ-SCL", "sam").requireSpeaksForOneOf("draft a partner agreement", NORTH, SOUTH);
        Actor.networkAdmin("ned").requireSpeaksForOneOf("add a collection", NORTH);
        Actor.SYSTEM.requireSpeaksForOneOf("add a collection", NORTH);
    }

    @Test
    void onlyTheNetworkAdmitsAndSuspendsLibraries() {
        assertThrows(NotAllowedException.class, () -> Actor.staff("ZZ-NUL", "alice").requireNetworkWide("register a library"));
        Actor.networkAdmin("ned").requireNetworkWide("register a library");
        assertThrows(NotAllowedException.class, () -> Actor.reader("ZZ-NUL", "NUL-1").requireLibraryStaff("catalogue a work"));
        assertThrows(NotAllowedException.class, () -> Actor.partner("ZZ-NUL").requireLibraryStaff("catalogue a work"));
        Actor.staff("ZZ-NUL", "alice").requireLibraryStaff("catalogue a work");
    }

    @Test
    void aNameMustBeGivenAndFit() {
        assertThrows(InvalidInputException.class, () -> Actor.staff("ZZ-NUL", " "));
        assertThrows(InvalidInputException.class, () -> Actor.staff("ZZ-NUL", "x".repeat(Actor.NAME_LENGTH + 1)));
    }
}

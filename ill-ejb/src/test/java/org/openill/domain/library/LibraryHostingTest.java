package org.openill.domain.library;

import org.junit.jupiter.api.Test;
import org.openill.domain.IllRuleViolation;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a library is hosted decides who answers its new requests: staff or the auto-responder here, or its own system. */
class LibraryHostingTest {

    private final Library library = new Library(AgencyId.isil("ZZ-EXT"), "External Library", ZoneId.of("Europe/Berlin"));

    @Test
    void aNewLibraryIsHostedHereAndLeavesNewRequestsToItsStaff() {
        assertTrue(library.isHosted());
        assertFalse(library.answersNewRequestsAutomatically());
    }

    @Test
    void aLibraryHostedHereMayAnswerNewRequestsAutomatically() {
        library.answerNewRequestsAutomatically(true);
        assertTrue(library.answersNewRequestsAutomatically());

        library.answerNewRequestsAutomatically(false);
        assertFalse(library.answersNewRequestsAutomatically());
    }

    @Test
    void aLibraryMovedElsewhereIsNoLongerHostedAndStopsAnsweringAutomatically() {
        library.answerNewRequestsAutomatically(true);

        library.hostedElsewhere();

        assertFalse(library.isHosted());
        assertFalse(library.answersNewRequestsAutomatically());
    }

    @Test
    void aLibraryHostedElsewhereCannotAnswerNewRequestsAutomatically() {
        library.hostedElsewhere();

        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> library.answerNewRequestsAutomatically(true));

        assertTrue(refused.getMessage().contains("ZZ-EXT is hosted elsewhere"), refused.getMessage());
        assertFalse(library.answersNewRequestsAutomatically());
        library.answerNewRequestsAutomatically(false); // turning it off is always allowed
        assertFalse(library.answersNewRequestsAutomatically());
    }
}

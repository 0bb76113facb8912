package org.openill.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four kinds of "cannot be done" are told apart by type alone, so that a page or an API (404, 422, 409, 400)
 * never reads a message text; none is a kind of another.
 */
class IllExceptionTest {

    private static final List<Class<? extends IllException>> KINDS = List.of(NotFoundException.class,
            IllRuleViolation.class, ConcurrentChangeException.class, InvalidInputException.class);

    @Test
    void noKindIsASubtypeOfAnother() {
        for (Class<? extends IllException> one : KINDS) {
            for (Class<? extends IllException> other : KINDS) {
                assertEquals(one == other, other.isAssignableFrom(one), one.getSimpleName() + " / " + other.getSimpleName());
            }
        }
    }

    @Test
    void eachKindIsAnIllExceptionAndAnUncheckedOne() {
        for (Class<? extends IllException> kind : KINDS) {
            assertTrue(RuntimeException.class.isAssignableFrom(kind), kind.getSimpleName());
        }
        assertEquals("barcode", new InvalidInputException("barcode", "too long").field());
    }

    @Test
    void aTransitionTheStateMachineRefusesIsABrokenRule() {
        assertTrue(IllRuleViolation.class.isAssignableFrom(
                org.openill.domain.request.IllegalTransitionException.class));
    }
}

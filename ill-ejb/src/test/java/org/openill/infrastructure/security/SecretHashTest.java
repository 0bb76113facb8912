package org.openill.infrastructure.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-way hash of a partner's security code: only that code matches it, and a hash not in form matches nothing. */
class SecretHashTest {

    private static final String CODE = "north-to-south-7Qx!";

    @Test
    void theHashedSecretMatchesItsHash() {
        String hash = SecretHash.of(CODE);

        assertTrue(SecretHash.matches(CODE, hash), hash);
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:210000:"), hash);
        assertFalse(hash.contains(CODE), hash);
    }

    @Test
    void anotherSecretDoesNotMatch() {
        String hash = SecretHash.of(CODE);

        assertFalse(SecretHash.matches("north-to-south-7Qx?", hash));
        assertFalse(SecretHash.matches(CODE.toUpperCase(), hash));
        assertFalse(SecretHash.matches("", hash));
        assertFalse(SecretHash.matches(null, hash));
    }

    @Test
    void theSameSecretHashedTwiceGivesDifferentHashesBothMatching() {
        String one = SecretHash.of(CODE);
        String other = SecretHash.of(CODE);

        assertNotEquals(one, other, "a random salt each time");
        assertNotEquals(one.split(":")[2], other.split(":")[2], "salts");
        assertTrue(SecretHash.matches(CODE, one));
        assertTrue(SecretHash.matches(CODE, other));
    }

    @Test
    void aHashNotInTheExpectedFormMatchesNothing() {
        String hash = SecretHash.of(CODE);
        String[] parts = hash.split(":");

        for (String malformed : new String[] {
                null,
                "",
                "garbage",
                CODE,
                "PBKDF2WithHmacSHA1:" + parts[1] + ":" + parts[2] + ":" + parts[3],
                parts[0] + ":many:" + parts[2] + ":" + parts[3],
                parts[0] + ":0:" + parts[2] + ":" + parts[3],
                parts[0] + ":-5:" + parts[2] + ":" + parts[3],
                parts[0] + ":" + parts[1] + ":not base64!:" + parts[3],
                parts[0] + ":" + parts[1] + ":" + parts[2] + ":not base64!",
                parts[0] + ":" + parts[1] + "::" + parts[3],
                parts[0] + ":" + parts[1] + ":" + parts[2] + ":",
                parts[0] + ":" + parts[1] + ":" + parts[2],
                hash + ":extra"}) {
            assertFalse(SecretHash.matches(CODE, malformed), "hash " + malformed);
        }
    }

    @Test
    void aHashWhoseStoredValueWasAlteredMatchesNothing() {
        String hash = SecretHash.of(CODE);
        String[] parts = hash.split(":");
        char first = parts[3].charAt(0);
        String altered = parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + (first == 'A' ? 'B' : 'A')
                + parts[3].substring(1);

        assertFalse(SecretHash.matches(CODE, altered));
    }
}

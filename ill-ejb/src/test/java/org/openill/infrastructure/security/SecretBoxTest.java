package org.openill.infrastructure.security;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our security codes for partners, encrypted with a key: readable with that key only, and never twice the same. */
class SecretBoxTest {

    private static final String OUR_CODE = "nul-at-ext-Secr3t/with:colons&<xml>";

    private final SecretBox box = new SecretBox(key(1));

    /** A 32-byte key, all of whose bytes are the given one. */
    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void whatIsEncryptedIsDecryptedWithTheSameKey() {
        String encrypted = box.encrypt(OUR_CODE);

        assertTrue(encrypted.startsWith("v1:"), encrypted);
        assertFalse(encrypted.contains("Secr3t"), encrypted);
        assertEquals(Optional.of(OUR_CODE), box.decrypt(encrypted));
        assertEquals(Optional.of(OUR_CODE), new SecretBox(key(1)).decrypt(encrypted), "another box, same key");
        assertEquals(Optional.of("Grüße, 図書館"), box.decrypt(box.encrypt("Grüße, 図書館")));
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String encrypted = box.encrypt(OUR_CODE);

        assertEquals(Optional.empty(), new SecretBox(key(2)).decrypt(encrypted));
    }

    @Test
    void eachEncryptionOfTheSameSecretDiffers() {
        String one = box.encrypt(OUR_CODE);
        String other = box.encrypt(OUR_CODE);

        assertNotEquals(one, other);
        assertNotEquals(one.split(":")[1], other.split(":")[1], "nonces");
        assertEquals(box.decrypt(one), box.decrypt(other));
    }

    @Test
    void damagedTextDecryptsToNothing() {
        String encrypted = box.encrypt(OUR_CODE);
        String[] parts = encrypted.split(":");
        byte[] cipherText = Base64.getDecoder().decode(parts[2]);
        cipherText[0] ^= 1;
        String flipped = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(cipherText);
        byte[] nonce = Base64.getDecoder().decode(parts[1]);
        nonce[0] ^= 1;
        String otherNonce = parts[0] + ":" + Base64.getEncoder().encodeToString(nonce) + ":" + parts[2];

        for (String damaged : new String[] {
                null,
                "",
                "garbage",
                OUR_CODE,
                "v2:" + parts[1] + ":" + parts[2],
                flipped,
                otherNonce,
                parts[0] + ":" + parts[1] + ":" + parts[2].substring(0, 8),
                parts[0] + ":" + parts[1] + ":",
                parts[0] + ":" + parts[1],
                parts[0] + "::" + parts[2],
                parts[0] + ":" + parts[1] + ":" + parts[2] + ":more",
                parts[0] + ":not base64!:" + parts[2],
                parts[0] + ":" + parts[1] + ":not base64!"}) {
            assertEquals(Optional.empty(), box.decrypt(damaged), "text " + damaged);
        }
    }

    @Test
    void aKeyOfAnyLengthButThirtyTwoBytesIsRefused() {
        for (int length : new int[] {0, 16, 24, 31, 33, 64}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new SecretBox(new byte[length]));
            assertTrue(refused.getMessage().contains(String.valueOf(length)), refused.getMessage());
        }
    }
}

package org.openill.infrastructure.security;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts the secrets we must present to partners as they are (our ISO 18626 security codes), so that the database
 * never holds them in clear: AES-256-GCM, written {@code v1:nonce:ciphertext} (Base64), with the server's key. The
 * key comes from {@code ILL_SECRET_KEY} (environment) or {@code ill.secret-key} (system property), 32 bytes in
 * Base64; otherwise from the owner-only file named by {@code ill.secret-key-file} (the launcher keeps it in its data
 * folder), else {@code ill-secret.key} in the server's data folder, made at first use.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile SecretKey serverKey;

    private final SecretKey key;

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The secret key must be 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The box with the server's key. */
    public static SecretBox ofServer() {
        SecretKey known = serverKey;
        if (known == null) {
            synchronized (SecretBox.class) {
                if (serverKey == null) {
                    serverKey = new SecretKeySpec(loadServerKey(), "AES");
                }
                known = serverKey;
            }
        }
        return new SecretBox(known.getEncoded());
    }

    public String encrypt(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            Base64.Encoder base64 = Base64.getEncoder();
            return PREFIX + base64.encodeToString(nonce) + ":"
                    + base64.encodeToString(cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    /** The secret, or empty when it was encrypted with another key or is damaged. */
    public Optional<String> decrypt(String encrypted) {
        if (encrypted == null || !encrypted.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = encrypted.substring(PREFIX.length()).split(":");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] nonce = Base64.getDecoder().decode(parts[0]);
            byte[] sealed = Base64.getDecoder().decode(parts[1]);
            // cut short, they would make the provider throw rather than fail the tag check
            if (nonce.length != NONCE_BYTES || sealed.length < TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            return Optional.of(new String(cipher.doFinal(sealed), StandardCharsets.UTF_8));
        } catch (AEADBadTagException | IllegalArgumentException otherKeyOrDamaged) {
            return Optional.empty();
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    private static byte[] loadServerKey() {
        String given = Optional.ofNullable(System.getenv("ILL_SECRET_KEY"))
                .orElse(System.getProperty("ill.secret-key"));
        if (given != null && !given.isBlank()) {
            return Base64.getDecoder().decode(given.strip());
        }
        String file = System.getProperty("ill.secret-key-file");
        Path path = file != null ? Path.of(file)
                : Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                "ill-secret.key");
        try {
            if (!Files.exists(path)) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                Files.createDirectories(path.toAbsolutePath().getParent());
                try {
                    Files.writeString(Files.createFile(path, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------"))), Base64.getEncoder().encodeToString(key));
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    // another server made it first: use its key
                } finally {
                    Arrays.fill(key, (byte) 0);
                }
            }
            return Base64.getDecoder().decode(Files.readString(path).strip());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The server's secret key " + path + " cannot be read or made", unreadable);
        }
    }
}

package org.openill.domain.protocol;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.openill.domain.library.Library;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An ISO 18626 message a library hosted here applied or refused, known by the SHA-256 of its XML, with the
 * confirmation it was answered with: delivered again, it gets the same answer and changes nothing. Written once.
 */
@Entity
@Table(name = "received_message")
public class ReceivedMessage {

    @Id
    @Column(name = "sha256", length = 64, updatable = false)
    private String sha256;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "library_id", updatable = false)
    private Library library;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String confirmation;

    protected ReceivedMessage() {
        // for JPA
    }

    public ReceivedMessage(String sha256, Library library, Instant receivedAt, String confirmation) {
        this.sha256 = sha256;
        this.library = library;
        this.receivedAt = receivedAt;
        this.confirmation = confirmation;
    }

    /** The identity of a message: the SHA-256 of its XML, in hexadecimal. */
    public static String identityOf(String xml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    public String confirmation() {
        return confirmation;
    }
}

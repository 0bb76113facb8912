package org.openill.domain.protocol;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;

import java.time.Duration;
import java.time.Instant;

/**
 * The delivery of one message a library hosted here sends: written in the sender's transaction with the change it
 * tells (the transactional outbox), next to the message in the protocol log, and settled once the receiver answered
 * it. While the receiver cannot be reached (down, too slow, answering 5xx) it is tried again after growing pauses
 * until {@link #retryUntil()}, and only then FAILED, for staff to send again. The message itself never changes, so a
 * retry is the same message to the receiver's duplicate detection.
 */
@Entity
@Table(name = "outbound_message")
@SequenceGenerator(name = "outbound_message_seq", sequenceName = "outbound_message_seq", allocationSize = 500)
public class OutboundMessage {

    public static final int ERROR_LENGTH = 1000;

    /** Where a message stands. */
    public enum State {
        /** Not delivered yet: waiting for its turn, or for the receiver to be reachable again. */
        PENDING,
        /** The receiver confirmed it (OK). */
        DELIVERED,
        /** The receiver answered it with an ERROR confirmation: recorded and shown, not sent again blindly. */
        REFUSED,
        /** It could not be delivered in the time allowed, or the receiver will not take it as it is: staff decide. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbound_message_seq")
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "protocol_message_id", updatable = false)
    private ProtocolMessage message;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "library_id", updatable = false)
    private Library sender;

    @Column(name = "request_id", updatable = false)
    private Long requestId;

    @Column(name = "supplier_request_id", updatable = false)
    private Long supplierRequestId;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "type", column = @Column(name = "receiver_type", nullable = false,
                    length = AgencyId.TYPE_LENGTH, updatable = false)),
            @AttributeOverride(name = "value", column = @Column(name = "receiver_value", nullable = false,
                    length = AgencyId.VALUE_LENGTH, updatable = false))})
    private AgencyId receiver;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "retry_until", nullable = false)
    private Instant retryUntil;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected OutboundMessage() {
        // for JPA
    }

    /**
     * A message to deliver from now on, tried again while the receiver cannot be reached for the given time.
     *
     * @param requestId         the borrowing library's record it is about (or null)
     * @param supplierRequestId the lending library's record it is about (or null)
     */
    /**
     * How long after it is written a message waits before the sweep may deliver it: the first attempt is the one right
     * after the commit, by the server that committed it (the sweep is for a server that crashed before that, and for
     * retries).
     */
    public static final Duration FIRST_SWEEP_AFTER = Duration.ofSeconds(30);

    public OutboundMessage(ProtocolMessage message, Library sender, Long requestId, Long supplierRequestId,
                           AgencyId receiver, Instant now, Duration retryFor) {
        if (requestId == null && supplierRequestId == null) {
            throw new IllRuleViolation("A message is sent about a record of a request");
        }
        this.message = message;
        this.sender = sender;
        this.requestId = requestId;
        this.supplierRequestId = supplierRequestId;
        this.receiver = receiver;
        this.state = State.PENDING;
        this.createdAt = now;
        // delivered right after the commit by the committing server; the sweep takes it only if that did not happen
        this.nextAttemptAt = now.plus(FIRST_SWEEP_AFTER);
        this.retryUntil = now.plus(retryFor);
    }

    public Long id() {
        return id;
    }

    public ProtocolMessage message() {
        return message;
    }

    public Library sender() {
        return sender;
    }

    public Long requestId() {
        return requestId;
    }

    public Long supplierRequestId() {
        return supplierRequestId;
    }

    public AgencyId receiver() {
        return receiver;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant retryUntil() {
        return retryUntil;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant settledAt() {
        return settledAt;
    }
}

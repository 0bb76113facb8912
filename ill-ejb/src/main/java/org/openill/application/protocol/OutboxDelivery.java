package org.openill.application.protocol;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.library.AgencyId;
import org.openill.domain.protocol.OutboundMessage;
import org.openill.domain.protocol.ProtocolMessage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The transactions of the outbox's deliveries, each short and of its own: claiming a message for one attempt (so
 * that no other sender, on this server or another sharing the database, tries it at the same time, and never before
 * an earlier message of the same record to the same receiver), and settling it with what came of the attempt. No
 * transaction is open while a message travels.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private ProtocolLog log;

    /** One attempt at a message: what it is about, to whom, and the message as logged. */
    public record Attempt(long id, long libraryId, Long requestId, Long supplierRequestId, AgencyId receiver,
                          int attempts, Instant retryUntil, String xml) {
    }

    /**
     * Claims a pending message that is due, or never tried yet (its first attempt, right after the commit that wrote
     * it), for one attempt, leasing it for the given time (after which, if the
     * attempt never settled because the server died, it is due again).
     *
     * @return the attempt, or empty when the message is not pending, not due, claimed by another sender, or waits
     *         for an earlier message of its record to the same receiver
     */
    public Optional<Attempt> claim(long id, Instant now, Duration lease, String node) {
        return claimAll(List.of(id), now, lease, node).stream().findFirst();
    }

    /**
     * Claims the messages (a transaction's in-process ones, delivered together) in one transaction and one statement,
     * each as {@link #claim} would; the attempts, in the order given, of those that could be claimed.
     */
    public List<Attempt> claimAll(List<Long> ids, Instant now, Duration lease, String node) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // ids are numbers, written inline; of two messages of one record to one receiver only the earlier is claimed
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        UPDATE outbound_message o
                        SET attempts = o.attempts + 1, last_attempt_at = ?1, next_attempt_at = ?2, claimed_by = ?3
                        FROM protocol_message m
                        WHERE m.id = o.protocol_message_id AND o.id IN (%s)
                          AND o.state = 'PENDING' AND (o.next_attempt_at <= ?1 OR o.attempts = 0)
                          AND NOT EXISTS (SELECT 1 FROM outbound_message e
                                          WHERE e.id < o.id AND e.state IN ('PENDING', 'FAILED')
                                            AND e.receiver_type = o.receiver_type
                                            AND e.receiver_value = o.receiver_value
                                            AND (e.request_id = o.request_id
                                                 OR e.supplier_request_id = o.supplier_request_id))
                        RETURNING o.id, o.library_id, o.request_id, o.supplier_request_id, o.receiver_type,
                                  o.receiver_value, o.attempts, o.retry_until, m.xml"""
                        .formatted(inline(ids)))
                .setParameter(1, Timestamp.from(now)).setParameter(2, Timestamp.from(now.plus(lease)))
                .setParameter(3, node).getResultList();
        java.util.Map<Long, Attempt> claimed = new java.util.HashMap<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            claimed.put(id, new Attempt(id, ((Number) row[1]).longValue(), longOrNull(row[2]), longOrNull(row[3]),
                    new AgencyId((String) row[4], (String) row[5]), ((Number) row[6]).intValue(),
                    ((Timestamp) row[7]).toInstant(), (String) row[8]));
        }
        return ids.stream().map(claimed::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Settles an attempt: delivered (OK) or refused (ERROR), with the confirmation logged next to the message; or,
     * when the receiver could not be reached, due again after the pause (never later than its retry limit), and
     * FAILED once that limit has passed; FAILED at once when it cannot be delivered as it is.
     */
    public OutboundMessage.State settle(Attempt attempt, DeliveryOutcome outcome, Instant now, Duration pause) {
        return settleOne(attempt, outcome, now, pause);
    }

    /**
     * Settles attempts delivered together, each as {@link #settle} would, in one transaction (those delivered, the
     * common case, in one statement); their states.
     */
    public List<OutboundMessage.State> settleAll(List<Attempt> attempts, List<DeliveryOutcome> outcomes, Instant now) {
        List<OutboundMessage.State> states = new java.util.ArrayList<>();
        List<Attempt> delivered = new java.util.ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            if (outcomes.get(i) instanceof DeliveryOutcome.Confirmed confirmed && confirmed.ok()) {
                log.record(attempt.libraryId(), attempt.requestId(), attempt.supplierRequestId(),
                        ProtocolMessage.Direction.IN, confirmed.confirmation(), confirmed.summary());
                delivered.add(attempt);
                states.add(OutboundMessage.State.DELIVERED);
            } else {
                states.add(settleOne(attempt, outcomes.get(i), now, OutboxSettings.pauseAfter(attempt.attempts())));
            }
        }
        if (!delivered.isEmpty()) {
            // (id, attempts) pairs are numbers, written inline
            em.createNativeQuery("""
                            UPDATE outbound_message SET state = 'DELIVERED', last_error = NULL, next_attempt_at = ?1,
                                   claimed_by = NULL, settled_at = ?1
                            WHERE state = 'PENDING' AND (id, attempts) IN (%s)""".formatted(delivered.stream()
                            .map(attempt -> "(" + attempt.id() + ", " + attempt.attempts() + ")")
                            .collect(java.util.stream.Collectors.joining(", "))))
                    .setParameter(1, Timestamp.from(now)).executeUpdate();
        }
        return states;
    }

    private OutboundMessage.State settleOne(Attempt attempt, DeliveryOutcome outcome, Instant now, Duration pause) {
        OutboundMessage.State state;
        String error;
        Instant next = now;
        if (outcome instanceof DeliveryOutcome.Confirmed confirmed) {
            state = confirmed.ok() ? OutboundMessage.State.DELIVERED : OutboundMessage.State.REFUSED;
            error = confirmed.ok() ? null : "Refused by " + attempt.receiver().value() + ": " + confirmed.error();
            log.record(attempt.libraryId(), attempt.requestId(), attempt.supplierRequestId(),
                    ProtocolMessage.Direction.IN, confirmed.confirmation(), confirmed.summary());
        } else if (outcome instanceof DeliveryOutcome.Unreachable unreachable) {
            error = unreachable.why();
            if (now.isBefore(attempt.retryUntil())) {
                state = OutboundMessage.State.PENDING;
                Instant later = now.plus(pause);
                next = later.isAfter(attempt.retryUntil()) ? attempt.retryUntil() : later;
            } else {
                state = OutboundMessage.State.FAILED;
                error = "Gave up after " + attempt.attempts() + " attempts: " + error;
            }
        } else {
            state = OutboundMessage.State.FAILED;
            error = ((DeliveryOutcome.Undeliverable) outcome).why();
        }
        if (state != OutboundMessage.State.DELIVERED) {
            String why = error;
            LOG.warning(() -> "ISO 18626 message #" + attempt.id() + " to " + attempt.receiver().value() + " (attempt "
                    + attempt.attempts() + "): " + why);
        }
        em.createNativeQuery("""
                        UPDATE outbound_message SET state = ?2, last_error = ?3, next_attempt_at = ?4, claimed_by = NULL,
                               settled_at = CASE WHEN ?2 = 'PENDING' THEN NULL ELSE CAST(?5 AS timestamptz) END
                        WHERE id = ?1 AND state = 'PENDING' AND attempts = ?6""")
                .setParameter(1, attempt.id()).setParameter(2, state.name())
                .setParameter(3, error == null ? null : abbreviated(error, OutboundMessage.ERROR_LENGTH))
                .setParameter(4, Timestamp.from(next)).setParameter(5, Timestamp.from(now))
                .setParameter(6, attempt.attempts()).executeUpdate();
        return state;
    }

    /**
     * Takes back the messages the node claimed before it started and never settled: it died during their attempts.
     * They are due at once rather than when their lease ends.
     *
     * @return how many
     */
    public int releaseClaimsOf(String node, Instant started, Instant now) {
        return em.createNativeQuery("""
                        UPDATE outbound_message SET next_attempt_at = ?3, claimed_by = NULL
                        WHERE state = 'PENDING' AND claimed_by = ?1 AND last_attempt_at < ?2""")
                .setParameter(1, node).setParameter(2, Timestamp.from(started)).setParameter(3, Timestamp.from(now))
                .executeUpdate();
    }

    /** Pending messages due at the instant, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> due(Instant now, int limit) {
        return ids(em.createNativeQuery("""
                        SELECT id FROM outbound_message WHERE state = 'PENDING' AND next_attempt_at <= ?1
                        ORDER BY id""")
                .setParameter(1, Timestamp.from(now)).setMaxResults(limit).getResultList());
    }

    /** The next pending message of the same record to the same receiver, after the one given. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Long> nextOfSameRecord(long id) {
        return Optional.ofNullable(nextOfSameRecords(List.of(id)).get(id));
    }

    /**
     * Sends a FAILED message again: due at once, tried again for the retry time from now.
     *
     * @return whether it was FAILED (and is pending now)
     */
    public boolean resend(long id, Instant now, Duration retryFor) {
        return em.createNativeQuery("""
                        UPDATE outbound_message SET state = 'PENDING', next_attempt_at = ?2, retry_until = ?3,
                               settled_at = NULL
                        WHERE id = ?1 AND state = 'FAILED'""")
                .setParameter(1, id).setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now.plus(retryFor))).executeUpdate() == 1;
    }

    /**
     * Of the messages, those followed by a pending message of the same record to the same receiver: each one's next,
     * in one query.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Map<Long, Long> nextOfSameRecords(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT DISTINCT ON (o.id) o.id, n.id FROM outbound_message o JOIN outbound_message n
                          ON n.id > o.id AND n.receiver_type = o.receiver_type AND n.receiver_value = o.receiver_value
                         AND (n.request_id = o.request_id OR n.supplier_request_id = o.supplier_request_id)
                        WHERE o.id IN (%s) AND n.state = 'PENDING' ORDER BY o.id, n.id""".formatted(inline(ids)))
                .getResultList();
        java.util.Map<Long, Long> next = new java.util.HashMap<>();
        for (Object[] row : rows) {
            next.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return next;
    }

    private static String inline(java.util.Collection<Long> ids) {
        return ids.stream().map(id -> Long.toString(id)).collect(java.util.stream.Collectors.joining(", "));
    }

    @SuppressWarnings("unchecked")
    private static List<Long> ids(List<?> rows) {
        return ((List<Number>) rows).stream().map(Number::longValue).toList();
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static String abbreviated(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 4) + " ...";
    }
}

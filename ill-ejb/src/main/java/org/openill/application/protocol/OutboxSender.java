package org.openill.application.protocol;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.openill.domain.protocol.OutboundMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox. Right after a sender's commit its messages are delivered at once: in-process ones in the
 * committing thread (the other library's record changes before the sender's call returns), those for partners
 * hosted elsewhere in the background. Every five seconds the messages due again are delivered: those whose
 * receiver could not be reached (after pauses that double from {@code ill.outbox.first-pause}, 30 s, up to
 * {@code ill.outbox.longest-pause}, 1 h, for {@code ill.outbox.retry-for}, 24 h, after which a message is FAILED)
 * and those a crashed server left half-sent. Messages of one record to one receiver go in order.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    /** How long an attempt holds its message: more than the longest time-out a partner profile allows. */
    static final Duration LEASE = Duration.ofMinutes(11);

    private final AtomicBoolean sweeping = new AtomicBoolean();

    @EJB
    private OutboxDelivery delivery;

    @Inject
    private MessageTransport transport;

    @Resource
    private ManagedExecutorService executor;

    /** Delivers the messages a transaction just committed, in order: in-process ones now, the others in background. */
    public void deliverCommitted(List<Long> inProcess, List<Long> remote) {
        inProcess.forEach(id -> deliverInOrder(id, null));
        if (!remote.isEmpty()) {
            try {
                executor.execute(() -> remote.forEach(id -> deliverInOrder(id, null)));
            } catch (RejectedExecutionException busy) {
                LOG.fine("Background delivery refused; the next sweep delivers the messages");
            }
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void everyFiveSeconds() {
        deliverDue(Instant.now());
    }

    /**
     * Delivers every message due at the instant (one sweep at a time on this server).
     *
     * @return how many attempts were made
     */
    public int deliverDue(Instant now) {
        if (!sweeping.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int attempts = 0;
            for (long id : delivery.due(now, 200)) {
                attempts += deliverInOrder(id, now);
            }
            return attempts;
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "A sweep of the ISO 18626 outbox failed; the next one carries on", failed);
            return 0;
        } finally {
            sweeping.set(false);
        }
    }

    /**
     * Delivers the message, then the ones of its record to its receiver that waited for it.
     *
     * @param at the instant the sweep delivers for (null: the time of each attempt)
     */
    private int deliverInOrder(long id, Instant at) {
        int attempts = 0;
        Optional<Long> next = Optional.of(id);
        while (next.isPresent()) {
            long current = next.get();
            OutboundMessage.State state = deliverOnce(current, at);
            if (state == null) {
                return attempts;
            }
            attempts++;
            if (state == OutboundMessage.State.PENDING || state == OutboundMessage.State.FAILED) {
                return attempts; // the later ones wait for this one
            }
            next = delivery.nextOfSameRecord(current);
        }
        return attempts;
    }

    /** One attempt, if the message can be claimed now; its state after it, or null when it was not attempted. */
    private OutboundMessage.State deliverOnce(long id, Instant at) {
        Instant now = at == null ? Instant.now() : at;
        Optional<OutboxDelivery.Attempt> claimed = delivery.claim(id, now, LEASE);
        if (claimed.isEmpty()) {
            return null;
        }
        OutboxDelivery.Attempt attempt = claimed.get();
        DeliveryOutcome outcome;
        try {
            outcome = transport.deliver(attempt.receiver(), attempt.xml());
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "ISO 18626 message #" + id + " could not be delivered", failed);
            outcome = new DeliveryOutcome.Unreachable("Delivery failed: " + failed);
        }
        return delivery.settle(attempt, outcome, at == null ? Instant.now() : at, OutboxSettings.pauseAfter(attempt.attempts()));
    }

}

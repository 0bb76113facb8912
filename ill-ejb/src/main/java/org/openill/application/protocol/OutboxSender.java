package org.openill.application.protocol;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
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
 * and those a crashed server left half-sent: another server's when their lease ends, this server's own at its start-up
 * (an attempt holds its message under the server's node name). Messages of one record to one receiver go in order.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    /** How long an attempt holds its message: more than the longest time-out a partner profile allows. */
    static final Duration LEASE = Duration.ofMinutes(11);

    /**
     * This server among those sharing the database: WildFly's node name (jboss.node.name), Payara's instance name, or
     * else the host's name (servers sharing a database need names of their own, as in any cluster).
     */
    static final String NODE = node();

    private final AtomicBoolean sweeping = new AtomicBoolean();

    @EJB
    private OutboxDelivery delivery;

    @Inject
    private MessageTransport transport;

    @Resource
    private ManagedExecutorService executor;

    @PostConstruct
    void atStartUp() {
        takeBackWhatACrashLeftClaimed();
    }

    /**
     * The messages this server was delivering when it last stopped without settling them (claimed under its node name
     * before it started) are due at once, rather than when their lease ends.
     *
     * @return how many
     */
    public int takeBackWhatACrashLeftClaimed() {
        Instant started = Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        int released = delivery.releaseClaimsOf(NODE, started, Instant.now());
        if (released > 0) {
            LOG.warning(() -> released + " ISO 18626 message(s) were being delivered by this server (" + NODE
                    + ") when it stopped; they go again now");
        }
        return released;
    }

    static String node() {
        for (String property : List.of("jboss.node.name", "com.sun.aas.instanceName")) {
            String name = System.getProperty(property);
            if (name != null && !name.isBlank()) {
                return name.strip().length() <= 200 ? name.strip() : name.strip().substring(0, 200);
            }
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException unnamed) {
            return "localhost";
        }
    }

    /** Delivers the messages a transaction just committed, in order: in-process ones now, the others in background. */
    public void deliverCommitted(List<Long> inProcess, List<Long> remote) {
        if (inProcess.size() > 1) {
            deliverTogether(inProcess);
        } else {
            inProcess.forEach(id -> deliverInOrder(id, null));
        }
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

    /**
     * Delivers the in-process messages one transaction committed (a chunk of the nightly reconciliation, say)
     * together: claimed in one transaction, applied by their receivers in one, settled in one; when they cannot go
     * together (one of them could not be applied), each goes alone. Then the messages of their records that waited
     * for them.
     */
    private void deliverTogether(List<Long> ids) {
        List<OutboxDelivery.Attempt> attempts = delivery.claimAll(ids, Instant.now(), LEASE, NODE);
        Optional<List<DeliveryOutcome>> outcomes;
        try {
            outcomes = attempts.isEmpty() ? Optional.of(List.of()) : transport.deliverTogether(
                    attempts.stream().map(OutboxDelivery.Attempt::receiver).toList(),
                    attempts.stream().map(OutboxDelivery.Attempt::xml).toList());
        } catch (RuntimeException failed) {
            LOG.log(Level.FINE, "Messages could not be delivered together; each goes alone", failed);
            outcomes = Optional.empty();
        }
        List<OutboundMessage.State> states;
        if (outcomes.isPresent()) {
            states = delivery.settleAll(attempts, outcomes.get(), Instant.now());
        } else {
            states = attempts.stream().map(attempt -> attempt(attempt, null)).toList();
        }
        List<Long> settled = new java.util.ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            OutboundMessage.State state = states.get(i);
            if (state != OutboundMessage.State.PENDING && state != OutboundMessage.State.FAILED) {
                settled.add(attempts.get(i).id());
            }
        }
        java.util.Map<Long, Long> waiting = delivery.nextOfSameRecords(settled);
        for (long id : settled) {
            Long next = waiting.get(id);
            if (next != null) {
                deliverInOrder(next, null);
            }
        }
    }

    /** One attempt, if the message can be claimed now; its state after it, or null when it was not attempted. */
    private OutboundMessage.State deliverOnce(long id, Instant at) {
        Instant now = at == null ? Instant.now() : at;
        Optional<OutboxDelivery.Attempt> claimed = delivery.claim(id, now, LEASE, NODE);
        return claimed.map(attempt -> attempt(attempt, at)).orElse(null);
    }

    /** The attempt of a claimed message, settled; its state after it. */
    private OutboundMessage.State attempt(OutboxDelivery.Attempt attempt, Instant at) {
        long id = attempt.id();
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

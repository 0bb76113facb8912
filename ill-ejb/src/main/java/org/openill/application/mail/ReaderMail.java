package org.openill.application.mail;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends readers their notifications by e-mail: the notifications are the outbox. Every 30 seconds those due go out
 * (each in a transaction of its own); one that fails waits and is tried again, with pauses that double from a minute
 * up to an hour, never given up. Without an SMTP server configured ({@link MailSettings}) nothing is tried and the mails
 * wait, readable meanwhile in the reader's inbox in the portal, until one is.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReaderMail {

    private static final Logger LOG = Logger.getLogger(ReaderMail.class.getName());
    static final int BATCH = 50;

    private final AtomicBoolean sending = new AtomicBoolean();

    @EJB
    private ReaderMailDelivery delivery;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void everyHalfMinute() {
        sendDue(Instant.now());
    }

    /**
     * Sends the mails due at the instant (one run at a time on this server).
     *
     * @return how many were sent
     */
    public int sendDue(Instant now) {
        if (!MailSettings.configured() || !sending.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int sent = 0;
            for (long id : delivery.due(now, BATCH)) {
                if (delivery.send(id, now)) {
                    sent++;
                }
            }
            return sent;
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Sending readers' mail failed; the next run carries on", failed);
            return 0;
        } finally {
            sending.set(false);
        }
    }
}

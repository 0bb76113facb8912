package org.openill.application.mail;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.notification.ReaderNotification;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;

/** One mail at a time, in a transaction of its own: sent and marked so, or its failure counted for a later try. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReaderMailDelivery {

    private static final Logger LOG = Logger.getLogger(ReaderMailDelivery.class.getName());
    static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    static final Duration LONGEST_PAUSE = Duration.ofHours(1);

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @Resource(lookup = "java:jboss/mail/ill")
    private Session mail;

    /** The notifications whose mail is due, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> due(Instant now, int max) {
        return em.createQuery("""
                        SELECT n.id FROM ReaderNotification n
                        WHERE n.sentAt IS NULL AND (n.nextMailAt IS NULL OR n.nextMailAt <= :now)
                        ORDER BY n.createdAt, n.id""", Long.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** Sends the notification's mail if it is still due; whether it went out. */
    public boolean send(long id, Instant now) {
        ReaderNotification notification = em.find(ReaderNotification.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (notification == null || !notification.mailDue(now)) {
            return false;
        }
        return sent(notification, id, now);
    }

    /**
     * Sends a mail that waits after a failed attempt at once, without waiting for the pause to end (for the ILL
     * office, once it knows the mail server is back); whether it went out.
     */
    public boolean sendNow(long id) {
        ReaderNotification notification = em.find(ReaderNotification.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (notification == null || notification.sentAt() != null) {
            return false;
        }
        return sent(notification, id, Instant.now());
    }

    private boolean sent(ReaderNotification notification, long id, Instant now) {
        try {
            MimeMessage message = new MimeMessage(mail);
            message.setFrom(); // the mail session's sender address (ILL_MAIL_FROM)
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(notification.reader().email(),
                    notification.reader().fullName(), "UTF-8"));
            message.setSubject(notification.subject(), "UTF-8");
            message.setText(notification.body() + "\n\n" + notification.reader().homeLibrary().name()
                    + " · Interlibrary loan", "UTF-8");
            message.setSentDate(Date.from(now));
            message.setHeader("Content-Language", notification.reader().language().toLanguageTag());
            Transport.send(message);
            notification.markSent(now);
            return true;
        } catch (MessagingException | java.io.UnsupportedEncodingException failed) {
            Duration pause = pauseAfter(notification.mailAttempts() + 1);
            LOG.info(() -> "Mail of notification #" + id + " to " + notification.reader().email()
                    + " not sent (attempt " + (notification.mailAttempts() + 1) + "), tried again in " + pause + ": "
                    + failed);
            notification.mailFailed(failed.toString(), now, pause);
            return false;
        }
    }

    /** The pause after the given number of failed attempts: a minute, doubling, at most an hour. */
    static Duration pauseAfter(int attempts) {
        long minutes = 1L << Math.min(Math.max(attempts - 1, 0), 6);
        Duration pause = FIRST_PAUSE.multipliedBy(minutes);
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }
}

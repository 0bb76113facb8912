package org.openill.application.protocol;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.application.AuditLog;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.NotFoundException;
import org.openill.domain.library.AgencyId;
import org.openill.domain.protocol.OutboundMessage;

import java.time.Instant;
import java.util.List;

/**
 * The messages a library sent that could not be delivered (FAILED) or that the receiver refused (ERROR), for its
 * staff to see, and to send again when the cause is gone (the partner is back, its profile corrected).
 */
@Stateless
public class FailedMessages {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private OutboxDelivery delivery;

    @EJB
    private OutboxSender sender;

    @EJB
    private AuditLog audit;

    /** One message that did not get through: what, to whom, about which record, and why. */
    public record Undelivered(long id, String state, String kind, String summary, String receiver, Long requestId,
                              Long supplierRequestId, int attempts, Instant createdAt, Instant lastAttemptAt,
                              String lastError) {
    }

    /** The library's messages that failed or were refused, the latest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Undelivered> of(Actor staff, String isil) {
        AgencyId library = AgencyId.isil(isil);
        staff.requireSpeaksForOneOf("see the messages that did not get through", library);
        return em.createQuery("""
                        SELECT o FROM OutboundMessage o JOIN FETCH o.message m
                        WHERE o.sender.agencyId.type = :type AND o.sender.agencyId.value = :value
                          AND o.state IN :states ORDER BY o.id DESC""", OutboundMessage.class)
                .setParameter("type", library.type()).setParameter("value", library.value())
                .setParameter("states", List.of(OutboundMessage.State.FAILED, OutboundMessage.State.REFUSED))
                .setMaxResults(500).getResultStream()
                .map(o -> new Undelivered(o.id(), o.state().name(), o.message().kind(), o.message().summary(),
                        o.receiver().value(), o.requestId(), o.supplierRequestId(), o.attempts(), o.createdAt(),
                        o.lastAttemptAt(), o.lastError()))
                .toList();
    }

    /** Sends a failed message again, now, and for the retry time from now while its receiver cannot be reached. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void resend(Actor staff, long id) {
        OutboundMessage message = em.find(OutboundMessage.class, id);
        if (message == null) {
            throw new NotFoundException("There is no sent message #" + id);
        }
        staff.requireSpeaksForOneOf("send a message again", message.sender().agencyId());
        if (!delivery.resend(id, Instant.now(), OutboxSettings.retryFor())) {
            throw new IllRuleViolation("Message #" + id + " has not failed: only a failed message is sent again");
        }
        audit.record(staff, "MESSAGE", id, "RESEND", "FAILED", "PENDING", null);
        sender.deliverCommitted(List.of(), List.of(id));
    }
}

package org.openill.application.protocol;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.library.Library;
import org.openill.domain.protocol.ProtocolMessage;
import org.openill.domain.protocol.ReceivedMessage;
import org.openill.domain.request.IllRequest;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.infrastructure.iso18626.ReadResult;

import java.time.Instant;
import java.util.List;

/** Each library's protocol log: what it sent and received about its records of requests, to read and to add to. */
@Stateless
public class ProtocolLog {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    /** The messages of the borrowing library's record of the request, in the order they were logged. */
    public List<ProtocolMessage> ofRequest(long requestId) {
        return em.createQuery("SELECT m FROM ProtocolMessage m WHERE m.request.id = :id ORDER BY m.id",
                ProtocolMessage.class).setParameter("id", requestId).getResultList();
    }

    /** The messages of a lending library's record of a request, in the order they were logged. */
    public List<ProtocolMessage> ofSupplierRequest(long supplierRequestId) {
        return em.createQuery("SELECT m FROM ProtocolMessage m WHERE m.supplierRequest.id = :id ORDER BY m.id",
                ProtocolMessage.class).setParameter("id", supplierRequestId).getResultList();
    }

    /** The confirmation a sent message got, logged with the message's record once the exchange is over. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void confirmation(Long libraryId, Long requestId, Long supplierRequestId, String xml) {
        record(libraryId, requestId, supplierRequestId, ProtocolMessage.Direction.IN, xml);
    }

    /**
     * A message refused (its changes undone) and the error confirmation it got, logged in a transaction of their own
     * with the receiving library's record when there is one.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refused(Long libraryId, Long requestId, Long supplierRequestId, String message, String confirmation) {
        record(libraryId, requestId, supplierRequestId, ProtocolMessage.Direction.IN, message);
        record(libraryId, requestId, supplierRequestId, ProtocolMessage.Direction.OUT, confirmation);
        if (libraryId != null) {
            // delivered again, the message gets the same refusal (unless its answer was kept meanwhile)
            String identity = ReceivedMessage.identityOf(message);
            if (em.find(ReceivedMessage.class, identity) == null) {
                em.persist(new ReceivedMessage(identity, em.getReference(Library.class, libraryId), Instant.now(),
                        confirmation));
            }
        }
    }

    /**
     * A message that could not be applied for a reason of ours (the database, a fault), logged without an answer: its
     * sender was asked to send it again later ({@link TryAgainLater}), and is then answered as if it came first.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void notApplied(Long libraryId, Long requestId, Long supplierRequestId, String message) {
        record(libraryId, requestId, supplierRequestId, ProtocolMessage.Direction.IN, message);
    }

    /**
     * A message answered ERROR before any record's rules saw it (unreadable, or from a sender not accepted): logged
     * with its answer, which is not kept as the message's answer, so that the same message sent again (after the
     * sender's profile is corrected) is checked again.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(Long libraryId, Long requestId, Long supplierRequestId, String message, String confirmation) {
        record(libraryId, requestId, supplierRequestId, ProtocolMessage.Direction.IN, message);
        record(libraryId, requestId, supplierRequestId, ProtocolMessage.Direction.OUT, confirmation);
    }

    /** The messages that reached no record (for no library hosted here, unreadable ...), the latest first. */
    public List<ProtocolMessage> unattached(int max) {
        return em.createQuery("""
                        SELECT m FROM ProtocolMessage m WHERE m.request IS NULL AND m.supplierRequest IS NULL
                        ORDER BY m.id DESC""", ProtocolMessage.class).setMaxResults(max).getResultList();
    }

    /**
     * Logs a message, in the caller's transaction (unattached when no library hosted here has it). Public because the message handler calls it through the bean:
     * the container refuses a call of a package-private method of an EJB from another bean.
     */
    public void record(Long libraryId, Long requestId, Long supplierRequestId, ProtocolMessage.Direction direction,
                String xml) {
        MessageSummary summary = Iso18626Codec.read(xml) instanceof ReadResult.Accepted accepted
                ? MessageSummary.of(accepted.message())
                : new MessageSummary("unreadable", "not a valid ISO 18626 message", "?", "?", "?", null);
        record(libraryId, requestId, supplierRequestId, direction, xml, summary);
    }

    /** Logs a message already read (its summary made from it), in the caller's transaction. */
    public void record(Long libraryId, Long requestId, Long supplierRequestId, ProtocolMessage.Direction direction,
                       String xml, MessageSummary summary) {
        em.persist(new ProtocolMessage(libraryId == null ? null : em.getReference(Library.class, libraryId),
                requestId == null ? null : em.getReference(IllRequest.class, requestId),
                supplierRequestId == null ? null : em.getReference(SupplierRequest.class, supplierRequestId),
                direction, summary.kind(), summary.text(), summary.sender(), summary.receiver(),
                summary.requestingAgencyRequestId(), Instant.now(), xml));
    }
}

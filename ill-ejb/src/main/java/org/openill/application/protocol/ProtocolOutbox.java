package org.openill.application.protocol;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.protocol.ProtocolMessage;
import org.openill.domain.request.IllRequest;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.iso18626.v2021.ISO18626Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what one side must tell the other. The message is written to the sender's protocol log in the sender's
 * transaction, and handed to the {@link MessageTransport} only once that transaction has committed: a change that is
 * undone sends nothing, and the other side never hears of a change that did not happen. Messages of one transaction
 * go in the order they were sent; the confirmation each gets is logged too.
 */
@Stateless
public class ProtocolOutbox {

    private static final Logger LOG = Logger.getLogger(ProtocolOutbox.class.getName());
    private static final Object PENDING = ProtocolOutbox.class.getName() + ".pending";

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry registry;

    @Inject
    private MessageTransport transport;

    @EJB
    private ProtocolLog log;

    /** A message of the borrowing library about its record of the request. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void send(IllRequest request, ISO18626Message message) {
        queue(request.borrower(), request, null, message);
    }

    /** A message of the lending library about its record of the request. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void send(SupplierRequest request, ISO18626Message message) {
        queue(request.lender(), null, request, message);
    }

    private void queue(Library sender, IllRequest request, SupplierRequest supplierRequest, ISO18626Message message) {
        String xml = Iso18626Codec.toXml(message); // valid against the 2021 schema, or nothing is sent at all
        MessageSummary summary = MessageSummary.of(message);
        ProtocolMessage line = new ProtocolMessage(sender, request, supplierRequest, ProtocolMessage.Direction.OUT,
                summary.kind(), summary.text(), summary.sender(), summary.receiver(), summary.requestingAgencyRequestId(),
                Instant.now(), xml);
        em.persist(line);
        pending().add(new Outgoing(sender.id(), request == null ? null : request.id(),
                supplierRequest == null ? null : supplierRequest.id(), new AgencyId(summary.receiverType(),
                summary.receiver()), xml));
    }

    @SuppressWarnings("unchecked")
    private List<Outgoing> pending() {
        List<Outgoing> pending = (List<Outgoing>) registry.getResource(PENDING);
        if (pending == null) {
            List<Outgoing> messages = new ArrayList<>();
            registry.putResource(PENDING, messages);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing goes out before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        messages.forEach(ProtocolOutbox.this::deliver);
                    }
                }
            });
            pending = messages;
        }
        return pending;
    }

    /** Delivers one message after its sender's commit, and logs the confirmation it got. */
    private void deliver(Outgoing message) {
        String confirmation;
        try {
            confirmation = transport.deliver(message.receiver(), message.xml());
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "An ISO 18626 message to " + message.receiver().value() + " could not be delivered",
                    failed);
            return;
        }
        if (confirmation.contains("ERROR")) {
            LOG.warning(() -> "An ISO 18626 message to " + message.receiver().value() + " was refused: " + confirmation);
        }
        try {
            log.confirmation(message.libraryId(), message.requestId(), message.supplierRequestId(), confirmation);
        } catch (RuntimeException notLogged) {
            LOG.log(Level.WARNING, "The confirmation from " + message.receiver().value() + " could not be logged",
                    notLogged);
        }
    }

    private record Outgoing(Long libraryId, Long requestId, Long supplierRequestId, AgencyId receiver, String xml) {
    }
}

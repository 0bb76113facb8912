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
import org.openill.domain.protocol.OutboundMessage;
import org.openill.domain.protocol.ProtocolMessage;
import org.openill.domain.request.IllRequest;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.iso18626.v2021.ISO18626Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends what one side must tell the other: a transactional outbox. The message is written to the sender's protocol
 * log and to the outbox in the sender's transaction, so it exists exactly when the change it tells does; once that
 * transaction has committed it is delivered ({@link OutboxSender}): a change that is undone sends nothing, and a
 * message written is delivered even if the server dies right after the commit (the next sweep finds it).
 */
@Stateless
public class ProtocolOutbox {

    private static final Object PENDING = ProtocolOutbox.class.getName() + ".pending";

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry registry;

    @Inject
    private Transports transports;

    @EJB
    private OutboxSender sender;

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

    private void queue(Library from, IllRequest request, SupplierRequest supplierRequest, ISO18626Message message) {
        String xml = Iso18626Codec.toXml(message); // valid against the 2021 schema, or nothing is sent at all
        MessageSummary summary = MessageSummary.of(message);
        Instant now = Instant.now();
        ProtocolMessage line = new ProtocolMessage(from, request, supplierRequest, ProtocolMessage.Direction.OUT,
                summary.kind(), summary.text(), summary.sender(), summary.receiver(), summary.requestingAgencyRequestId(),
                now, xml);
        em.persist(line);
        AgencyId receiver = new AgencyId(summary.receiverType(), summary.receiver());
        OutboundMessage outbound = new OutboundMessage(line, from, request == null ? null : request.id(),
                supplierRequest == null ? null : supplierRequest.id(), receiver, now, OutboxSettings.retryFor());
        em.persist(outbound);
        Committed committed = committed();
        (transports.isHostedHere(receiver) ? committed.inProcess() : committed.remote()).add(outbound.id());
    }

    private Committed committed() {
        Committed committed = (Committed) registry.getResource(PENDING);
        if (committed == null) {
            Committed messages = new Committed(new ArrayList<>(), new ArrayList<>());
            registry.putResource(PENDING, messages);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing goes out before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        sender.deliverCommitted(messages.inProcess(), messages.remote());
                    }
                }
            });
            committed = messages;
        }
        return committed;
    }

    /** The messages a transaction sends, by how they go. */
    private record Committed(List<Long> inProcess, List<Long> remote) {
    }
}

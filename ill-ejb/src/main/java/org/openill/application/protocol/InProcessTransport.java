package org.openill.application.protocol;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Delivers messages between libraries hosted in this deployment: the XML goes to the same inbox an ISO 18626 message
 * from a partner's system reaches, and is handled by the same code, in a transaction of its own.
 */
@ApplicationScoped
public class InProcessTransport {

    @EJB
    private Iso18626Inbox inbox;

    public DeliveryOutcome deliver(String xml) {
        return Confirmations.outcome(inbox.receive(xml));
    }
}

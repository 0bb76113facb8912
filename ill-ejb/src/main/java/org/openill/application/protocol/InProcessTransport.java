package org.openill.application.protocol;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.openill.domain.library.AgencyId;

/**
 * Delivers messages between libraries hosted in this deployment: the XML goes to the same inbox an ISO 18626 message
 * from a partner's system reaches, and is handled by the same code, in a transaction of its own.
 */
@ApplicationScoped
public class InProcessTransport implements MessageTransport {

    @EJB
    private Iso18626Inbox inbox;

    @Override
    public String deliver(AgencyId receiver, String xml) {
        return inbox.receive(xml);
    }
}

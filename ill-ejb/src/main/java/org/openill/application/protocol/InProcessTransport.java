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

    public InProcessTransport() {
    }

    /** A transport to the given inbox (outside a container). */
    InProcessTransport(Iso18626Inbox inbox) {
        this.inbox = inbox;
    }

    /**
     * Messages applied together in one transaction of the inbox; what came of each, or empty when one could not be
     * applied (then none was).
     */
    public java.util.Optional<java.util.List<DeliveryOutcome>> deliverTogether(java.util.List<String> xmls) {
        return inbox.receiveTogether(xmls).map(answers -> answers.stream()
                .map(answer -> answer.message() == null ? Confirmations.outcome(answer.xml())
                        : Confirmations.outcome(answer.xml(), answer.message())).toList());
    }

    public DeliveryOutcome deliver(String xml) {
        try {
            return Confirmations.outcome(inbox.receive(xml));
        } catch (TryAgainLater notNow) {
            return new DeliveryOutcome.Unreachable(notNow.getMessage());
        }
    }
}

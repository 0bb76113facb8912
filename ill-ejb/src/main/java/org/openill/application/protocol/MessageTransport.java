package org.openill.application.protocol;

import org.openill.domain.library.AgencyId;

/**
 * How an ISO 18626 message reaches the library it is for. Every message one side tells the other goes through here,
 * whether the other library is hosted in this deployment (delivered in-process, to the same handling code a remote
 * partner's message meets) or elsewhere (over HTTP, as its partner profile says).
 */
public interface MessageTransport {

    /**
     * Delivers one message once.
     *
     * @param receiver the agency the message is for
     * @param xml      the message as logged (2021 schema, without credentials)
     * @return what came of it: the receiver's confirmation, or why it could not be delivered
     */
    DeliveryOutcome deliver(AgencyId receiver, String xml);

    /**
     * Delivers messages together, all applied in one transaction by their receivers, when the transport can: what came
     * of each, in order; empty when it cannot, or when one of them could not be applied (then none was, and each is
     * to be delivered alone).
     */
    default java.util.Optional<java.util.List<DeliveryOutcome>> deliverTogether(java.util.List<AgencyId> receivers,
                                                                              java.util.List<String> xmls) {
        return java.util.Optional.empty();
    }
}

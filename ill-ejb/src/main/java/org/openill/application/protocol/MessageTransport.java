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
}

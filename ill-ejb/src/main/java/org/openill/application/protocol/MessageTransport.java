package org.openill.application.protocol;

import org.openill.domain.library.AgencyId;

/**
 * How an ISO 18626 message reaches the library it is for. Every message one side tells the other goes through here,
 * whether the other library is hosted in this deployment (delivered in-process, to the same handling code a remote
 * partner's message meets) or elsewhere (over HTTP, by the ISO 18626 client).
 */
public interface MessageTransport {

    /**
     * Delivers one message and returns the receiver's confirmation, as it answered it.
     *
     * @param receiver the agency the message is for
     * @param xml      the message exactly as sent
     * @return the confirmation message (requestConfirmation, supplyingAgencyMessageConfirmation or
     *         requestingAgencyMessageConfirmation), OK or ERROR
     */
    String deliver(AgencyId receiver, String xml);
}

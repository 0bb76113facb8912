package org.openill.web.iso18626;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.openill.application.PartnerDirectory;
import org.openill.application.protocol.Iso18626Inbox;
import org.openill.application.protocol.TryAgainLater;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where partners' systems send ISO 18626 messages for the libraries hosted here, over HTTP: one message per POST,
 * answered with its confirmation (OK, or ERROR with the standard's errorType and a readable errorValue). The message
 * goes to the same inbox the libraries of this deployment use among themselves, so it meets the same handling, once
 * the sender is known as a partner hosted elsewhere presenting its credentials (in the message, or by HTTP Basic). A body
 * that is not even recognisably an ISO 18626 message is answered 400, one larger than {@value #MAX_BYTES} bytes 413; one
 * that could not be applied for a reason of ours (the database unreachable ...) 503 with a Retry-After, so that the
 * sender tries again rather than take an ERROR for an answer; nothing ever answers 500.
 */
@Path("/")
public class Iso18626Endpoint {

    /** The largest message accepted: ISO 18626 messages are a few kilobytes. */
    public static final int MAX_BYTES = 1024 * 1024;

    @EJB
    private Iso18626Inbox inbox;

    public Iso18626Endpoint() {
    }

    /** An endpoint handing messages to the given inbox (outside a container). */
    Iso18626Endpoint(Iso18626Inbox inbox) {
        this.inbox = inbox;
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_XML)
    public Response receive(InputStream body, @HeaderParam("Authorization") String authorization) {
        Reply reply = reply(body, authorization);
        Response.ResponseBuilder response = Response.status(reply.status()).entity(reply.body());
        if (reply.plainText()) {
            response.type(MediaType.TEXT_PLAIN);
        }
        if (reply.retryAfterSeconds() != null) {
            response.header("Retry-After", reply.retryAfterSeconds());
        }
        return response.build();
    }

    /** What a POST is answered with. */
    record Reply(int status, String body, boolean plainText, Integer retryAfterSeconds) {
    }

    Reply reply(InputStream body, String authorization) {
        byte[] xml;
        try {
            xml = body.readNBytes(MAX_BYTES + 1);
        } catch (IOException unreadable) {
            return new Reply(400, "The message could not be read: " + unreadable.getMessage(), true, null);
        }
        if (xml.length > MAX_BYTES) {
            return new Reply(413, "An ISO 18626 message may be at most " + MAX_BYTES + " bytes", true, null);
        }
        try {
            Iso18626Inbox.Answer answer = inbox.receiveFromPartner(xml, basic(authorization));
            return new Reply(answer.kind() == null ? 400 : 200, answer.confirmation(), false, null);
        } catch (TryAgainLater notNow) {
            return new Reply(503, notNow.getMessage(), true, TryAgainLater.RETRY_AFTER_SECONDS);
        }
    }

    /** The credentials of an HTTP Basic authorization, or null when there are none (or they cannot be read). */
    static PartnerDirectory.Credentials basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? null : new PartnerDirectory.Credentials(pair.substring(0, colon),
                    pair.substring(colon + 1));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}

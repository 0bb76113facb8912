package org.openill.web.iso18626;

import org.junit.jupiter.api.Test;
import org.openill.application.PartnerDirectory;
import org.openill.application.protocol.Iso18626Inbox;
import org.openill.application.protocol.TryAgainLater;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Iso18626EndpointTest {

    private static final String MESSAGE = "<ISO18626Message/>";

    @Test
    void aMessageThatCouldNotBeAppliedForAReasonOfOursIsAnswered503WithRetryAfterNotAnError() {
        Iso18626Inbox failing = new Iso18626Inbox() {
            @Override
            public Answer receiveFromPartner(byte[] xml, PartnerDirectory.Credentials basic) {
                throw new TryAgainLater("The request could not be applied now", new IllegalStateException("db down"));
            }
        };

        Iso18626Endpoint.Reply response = new Iso18626Endpoint(failing).reply(body(MESSAGE), null);

        assertEquals(503, response.status());
        assertEquals(String.valueOf(TryAgainLater.RETRY_AFTER_SECONDS), String.valueOf(response.retryAfterSeconds()));
        assertTrue(String.valueOf(response.body()).contains("could not be applied now"));
    }

    @Test
    void aMessageLargerThanTheLimitIsAnswered413AndNeverReachesTheInbox() {
        Iso18626Inbox unused = new Iso18626Inbox() {
            @Override
            public Answer receiveFromPartner(byte[] xml, PartnerDirectory.Credentials basic) {
                throw new AssertionError("a message over the limit reached the inbox");
            }
        };

        Iso18626Endpoint.Reply response = new Iso18626Endpoint(unused).reply(
                new ByteArrayInputStream(new byte[Iso18626Endpoint.MAX_BYTES + 1]), null);

        assertEquals(413, response.status());
    }

    @Test
    void theAnswerOfTheInboxIsSentWith200() {
        Iso18626Inbox answering = new Iso18626Inbox() {
            @Override
            public Answer receiveFromPartner(byte[] xml, PartnerDirectory.Credentials basic) {
                return new Answer("<confirmation/>", org.openill.infrastructure.iso18626.MessageKind.REQUEST);
            }
        };

        Iso18626Endpoint.Reply response = new Iso18626Endpoint(answering).reply(body(MESSAGE), null);

        assertEquals(200, response.status());
        assertEquals("<confirmation/>", response.body());
    }

    private static ByteArrayInputStream body(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}

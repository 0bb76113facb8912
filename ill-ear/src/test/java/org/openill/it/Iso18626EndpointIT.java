package org.openill.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.domain.library.AgencyId;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.infrastructure.iso18626.Iso18626Messages;
import org.openill.infrastructure.iso18626.Iso18626Messages.Item;
import org.openill.infrastructure.iso18626.Iso18626Messages.Service;
import org.openill.infrastructure.iso18626.Iso18626Messages.TransactionIds;
import org.openill.iso18626.v2021.TypeAction;
import org.openill.iso18626.v2021.TypeRequestType;
import org.openill.iso18626.v2021.TypeServiceType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ISO 18626 endpoint over HTTP, as a partner's system meets it: every message answered with its confirmation, OK
 * or ERROR with the standard's error type and a readable value; 400 for a body that is no ISO 18626 message at all,
 * 413 for one too large, never 500.
 */
@ExtendWith(ArquillianExtension.class)
class Iso18626EndpointIT {

    private static final URI ENDPOINT = URI.create("http://localhost:8080/ill/iso18626");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** In the server (where the message classes are), posting over HTTP to the server's own endpoint. */
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(Iso18626EndpointIT.class, Fixtures.class);
    }

    @jakarta.ejb.EJB
    Fixtures fixtures;

    private static HttpResponse<String> post(String xml, String contentType) throws Exception {
        // as the demo partner hosted elsewhere, ZZ-EXT, with its published credentials
        return CLIENT.send(HttpRequest.newBuilder(ENDPOINT).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("zz-ext:zz-ext-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String request(String supplier, String requestId) {
        return Iso18626Codec.toXml(Iso18626Messages.request(
                TransactionIds.of(AgencyId.isil("ZZ-EXT"), AgencyId.isil(supplier), requestId), Instant.now(),
                Service.of(TypeRequestType.NEW, TypeServiceType.LOAN),
                Item.titled("The Art of Computer Programming", "Knuth, Donald E.").isbn("9780201896831"), List.of()));
    }

    /** The message with one more element, in the namespace and with the prefix the message uses. */
    private static String withElementAtTheEndOfBibliographicInfo(String xml, String element, String value) {
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("</(\\w+:)?bibliographicInfo>").matcher(xml);
        assertTrue(end.find(), xml);
        String prefix = end.group(1) == null ? "" : end.group(1);
        return xml.substring(0, end.start()) + "<" + prefix + element + ">" + value + "</" + prefix + element + ">"
                + xml.substring(end.start());
    }

    @Test
    void aPartnersRequestIsAcceptedAndConfirmedOk() throws Exception {
        HttpResponse<String> answer = post(request("ZZ-NUL", "EXT-" + UUID.randomUUID()), "application/xml");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("requestConfirmation"), answer.body());
        assertTrue(answer.body().contains("messageStatus>OK<"), answer.body());
    }

    @Test
    void aRequestForALibraryNotHostedHereIsAnUnrecognisedDataValue() throws Exception {
        HttpResponse<String> answer = post(request("ZZ-NOWHERE", "EXT-" + UUID.randomUUID()), "text/xml");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("UnrecognisedDataValue"), answer.body());
        assertTrue(answer.body().contains("ZZ-NOWHERE"), "the error names the agency: " + answer.body());
    }

    @Test
    void anUnknownActionIsAnUnsupportedActionType() throws Exception {
        String xml = Iso18626Codec.toXml(Iso18626Messages.requestingAgencyMessage(
                        TransactionIds.of(AgencyId.isil("ZZ-EXT"), AgencyId.isil("ZZ-NUL"), "EXT-1"), Instant.now(),
                        TypeAction.RECEIVED, null))
                .replace(">Received<", ">Borrowed<");
        HttpResponse<String> answer = post(xml, "application/xml");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("requestingAgencyMessageConfirmation"), answer.body());
        assertTrue(answer.body().contains("UnsupportedActionType"), answer.body());
        assertTrue(answer.body().contains("Borrowed"), "the error names the value: " + answer.body());
    }

    @Test
    void anElementTheSchemaDoesNotKnowIsAnUnrecognisedDataElement() throws Exception {
        String xml = withElementAtTheEndOfBibliographicInfo(request("ZZ-NUL", "EXT-" + UUID.randomUUID()),
                "shelfMark", "QA76");
        HttpResponse<String> answer = post(xml, "application/xml");
        assertTrue(answer.body().contains("UnrecognisedDataElement"), answer.body());
        assertTrue(answer.body().contains("shelfMark"), answer.body());
    }

    @Test
    void aBodyThatIsNoIso18626MessageIsABadRequest() throws Exception {
        HttpResponse<String> answer = post("this is not XML", "application/xml");
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("BadlyFormedMessage"), answer.body());
    }

    @Test
    void aMessageTooLargeIsRefusedWith413() throws Exception {
        String huge = withElementAtTheEndOfBibliographicInfo(request("ZZ-NUL", "EXT-big"), "sponsor",
                "x".repeat(1024 * 1024));
        assertEquals(413, post(huge, "application/xml").statusCode());
    }

    @Test
    void theSameMessageDeliveredTwiceGetsTheSameConfirmationAndChangesNothing() throws Exception {
        String id = "EXT-" + UUID.randomUUID();
        String xml = request("ZZ-NUL", id);
        HttpResponse<String> first = post(xml, "application/xml");
        HttpResponse<String> again = post(xml, "application/xml");
        assertTrue(first.body().contains("messageStatus>OK<"), first.body());
        assertEquals(first.body(), again.body(), "the partner's retry gets the answer it missed");
        assertEquals(List.of("1"), fixtures.strings(
                "SELECT count(*)::text FROM supplier_request WHERE requesting_agency_request_id = '" + id + "'"));

        // a refused message is refused again alike (for an agency not hosted here there is no library to keep it
        // with, so only the time it was received differs)
        String refused = request("ZZ-NOWHERE", "EXT-" + UUID.randomUUID());
        String receivedAt = "<(\\w+:)?timestampReceived>[^<]*</(\\w+:)?timestampReceived>";
        assertEquals(post(refused, "text/xml").body().replaceAll(receivedAt, ""),
                post(refused, "text/xml").body().replaceAll(receivedAt, ""));
    }

    @Test
    void aPartnerSpeakingThe12SchemaIsAnsweredIn12() throws Exception {
        // as a system speaking ISO 18626:2017 writes it: multipleItemRequestId is required in 1.2 headers
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ISO18626Message xmlns="http://illtransactions.org/2013/iso18626"
                                 xmlns:ill="http://illtransactions.org/2013/iso18626" ill:version="1.2">
                  <requestingAgencyMessage>
                    <header>
                      <supplyingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>ZZ-NUL</agencyIdValue></supplyingAgencyId>
                      <requestingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>ZZ-EXT</agencyIdValue></requestingAgencyId>
                      <multipleItemRequestId></multipleItemRequestId>
                      <timestamp>%s</timestamp>
                      <requestingAgencyRequestId>EXT-%s</requestingAgencyRequestId>
                    </header>
                    <action>Notification</action>
                    <note>Hello from a 1.2 system</note>
                  </requestingAgencyMessage>
                </ISO18626Message>
                """.formatted(Instant.now(), UUID.randomUUID()).strip();
        HttpResponse<String> answer = post(xml, "application/xml");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("version=\"1.2\""), answer.body());
        assertTrue(answer.body().contains("requestingAgencyMessageConfirmation"), answer.body());
        assertTrue(answer.body().contains("UnrecognisedDataValue"), "no such request at ZZ-NUL: " + answer.body());
        assertEquals(org.openill.infrastructure.iso18626.Iso18626Version.V1_2,
                ((org.openill.infrastructure.iso18626.ReadResult.Accepted) Iso18626Codec.read(answer.body())).version());
    }
}

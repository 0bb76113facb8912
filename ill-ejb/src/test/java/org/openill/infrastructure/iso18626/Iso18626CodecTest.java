package org.openill.infrastructure.iso18626;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openill.infrastructure.iso18626.ReadResult.Accepted;
import org.openill.infrastructure.iso18626.ReadResult.Fault;
import org.openill.infrastructure.iso18626.ReadResult.Rejected;
import org.openill.iso18626.v2021.Request;
import org.openill.iso18626.v2021.SupplyingAgencyMessage;
import org.openill.iso18626.v2021.TypeErrorType;
import org.openill.iso18626.v2021.TypeReasonForMessage;
import org.openill.iso18626.v2021.TypeRequestType;
import org.openill.iso18626.v2021.TypeServiceType;
import org.openill.iso18626.v2021.TypeStatus;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.openill.infrastructure.iso18626.Samples.accepted;
import static org.openill.infrastructure.iso18626.Samples.rejected;
import static org.openill.infrastructure.iso18626.Samples.sample;
import static org.openill.infrastructure.iso18626.Samples.sampleBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading what partners send: the version told apart, and every refusal typed and naming what is at fault. */
class Iso18626CodecTest {

    /** A valid 2021 Loaned message; each test breaks it in one place. */
    private static final String LOANED = sample("loaned-2021.xml");

    @Test
    void a2021MessageIsReadAsSuch() {
        Accepted read = accepted(Iso18626Codec.read(LOANED.getBytes(StandardCharsets.UTF_8)));

        assertEquals(Iso18626Version.V2021, read.version());
        assertEquals(MessageKind.SUPPLYING_AGENCY_MESSAGE, read.kind());
        SupplyingAgencyMessage message = read.message().getSupplyingAgencyMessage();
        assertEquals(TypeStatus.LOANED, message.getStatusInfo().getStatus());
        assertEquals(Instant.parse("2026-04-01T21:59:59Z"), message.getStatusInfo().getDueDate());
        assertEquals("SCL-L-5512", message.getHeader().getSupplyingAgencyRequestId());
    }

    @Test
    void aMessageThisServerWroteIsReadBackAsThePartnersReadingReadsIt() {
        String written = Iso18626Codec.toXml(accepted(Iso18626Codec.read(LOANED)).message());

        Accepted own = accepted(Iso18626Codec.readOwn(written));
        Accepted checked = accepted(Iso18626Codec.read(written));

        assertEquals(Iso18626Version.V2021, own.version());
        assertEquals(MessageKind.SUPPLYING_AGENCY_MESSAGE, own.kind());
        assertEquals(written, Iso18626Codec.toXml(own.message()));
        assertEquals(Iso18626Codec.toXml(checked.message()), Iso18626Codec.toXml(own.message()));
    }

    @Test
    void whatIsNotAWellFormed2021MessageIsReadBackInFullAndRefusedAsSuch() {
        String broken = LOANED.replace("</ISO18626Message>", "");
        String version12 = sample("loaned-2021.xml").replace("ill:version=\"2021-2\"", "ill:version=\"1.2\"");

        assertEquals(TypeErrorType.BADLY_FORMED_MESSAGE, rejected(Iso18626Codec.readOwn(broken)).errorType());
        assertEquals(Iso18626Codec.read(version12).getClass(), Iso18626Codec.readOwn(version12).getClass());
    }

    @Test
    void a1_2RequestAsReShareOrAlmaSendItIsRecognisedAndComesIn2021Shape() {
        Accepted read = accepted(Iso18626Codec.read(sampleBytes("request-1.2.xml")));

        assertEquals(Iso18626Version.V1_2, read.version());
        assertEquals(MessageKind.REQUEST, read.kind());
        Request request = read.message().getRequest();
        assertEquals("DE-Hil2", request.getHeader().getRequestingAgencyId().getAgencyIdValue());
        assertEquals("HIL-20260302-0042", request.getHeader().getRequestingAgencyRequestId());
        assertEquals(Instant.parse("2026-03-02T10:15:00Z"), request.getHeader().getTimestamp());
        assertEquals("Introduction to algorithms", request.getBibliographicInfo().getTitle());
        assertEquals("9780262033848", request.getBibliographicInfo().getBibliographicItemId().get(0)
                .getBibliographicItemIdentifier());
        assertEquals(TypeRequestType.NEW, request.getServiceInfo().getRequestType());
        assertEquals(TypeServiceType.LOAN, request.getServiceInfo().getServiceType());
        assertEquals("printed", request.getServiceInfo().getItemFormat().getValue(), "1.2 preferredFormat");
        assertEquals("DE-NI", request.getRequestedDeliveryInfo().get(0).getAddress().getPhysicalAddress().getRegion());
        assertEquals("Meyer", request.getPatronInfo().getSurname());
        // what we made of it is a valid 2021 message: toXml checks it against the 2021 schema
        assertTrue(Iso18626Codec.toXml(read.message()).contains("HIL-20260302-0042"));
    }

    @Test
    void a1_2RetryPossibleHasItsRetryTermsMovedToRetryInfo() {
        Accepted read = accepted(Iso18626Codec.read(sampleBytes("retry-possible-1.2.xml")));

        assertEquals(Iso18626Version.V1_2, read.version());
        SupplyingAgencyMessage message = read.message().getSupplyingAgencyMessage();
        assertEquals(TypeReasonForMessage.REQUEST_RESPONSE, message.getMessageInfo().getReasonForMessage());
        assertEquals(TypeStatus.RETRY_POSSIBLE, message.getStatusInfo().getStatus());
        assertEquals("OnLoan", message.getMessageInfo().getReasonRetry().getValue());
        assertEquals(new BigDecimal("8.50"), message.getRetryInfo().getOfferedCosts().get(0).getMonetaryValue());
        assertEquals(Instant.parse("2026-03-31T00:00:00Z"), message.getRetryInfo().getRetryAfter());
        assertEquals(Instant.parse("2026-04-30T00:00:00Z"), message.getRetryInfo().getRetryBefore());
        Iso18626Codec.toXml(read.message());
    }

    @Test
    void a1_2LoanedWithPrefixedNamesAndOffsetsHasItsDeliveryInfoRenamed() {
        Accepted read = accepted(Iso18626Codec.read(sampleBytes("loaned-1.2.xml")));

        assertEquals(Iso18626Version.V1_2, read.version());
        SupplyingAgencyMessage message = read.message().getSupplyingAgencyMessage();
        assertEquals(Instant.parse("2026-04-01T21:59:59Z"), message.getStatusInfo().getDueDate());
        assertEquals("Mail", message.getDeliveryInfo().getDeliveryMethod().getValue(), "1.2 sentVia");
        assertEquals("printed", message.getDeliveryInfo().getItemFormat().getValue(), "1.2 deliveredFormat");
        assertEquals("LibraryUseOnly", message.getDeliveryInfo().getLoanCondition().get(0).getValue());
        assertEquals(List.of("31141000123456"), message.getDeliveryInfo().getItemId());
        Iso18626Codec.toXml(read.message());
    }

    @Test
    void a1_2SupplyingAgencyMessageWithAuthenticationInItsHeaderIsRead() {
        // 1.2 has one header for every message, with the borrower's credentials allowed even in the lender's
        String authenticated = new String(sampleBytes("retry-possible-1.2.xml"), StandardCharsets.UTF_8).replace(
                "</supplyingAgencyRequestId>", "</supplyingAgencyRequestId><requestingAgencyAuthentication>"
                        + "<accountId>nul</accountId></requestingAgencyAuthentication>");

        Accepted read = accepted(Iso18626Codec.read(authenticated));

        assertEquals(Iso18626Version.V1_2, read.version());
        assertEquals("HIL-LEND-5512", read.message().getSupplyingAgencyMessage().getHeader().getSupplyingAgencyRequestId());
        Iso18626Codec.toXml(read.message());
    }

    @Test
    void aMessageWithTheWrongVersionIsReadByTheSchemaItFits() {
        String claims2021 = new String(sampleBytes("retry-possible-1.2.xml"), StandardCharsets.UTF_8)
                .replace("ill:version=\"1.2\"", "ill:version=\"2021-2\"");

        Accepted read = accepted(Iso18626Codec.read(claims2021));

        assertEquals(Iso18626Version.V1_2, read.version());
        assertEquals("OnLoan", read.message().getSupplyingAgencyMessage().getMessageInfo().getReasonRetry().getValue());
    }

    @Test
    void aConfirmationForA12PartnerIsValidAgainstThe12Schema() {
        var ids = Iso18626Messages.TransactionIds.of(org.openill.domain.library.AgencyId.isil("ZZ-EXT"),
                org.openill.domain.library.AgencyId.isil("ZZ-NUL"), "EXT-7");
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        String confirmation = Iso18626Codec.toXml(Iso18626Messages.requestingAgencyMessageConfirmation(
                Iso18626Messages.Confirmation.error(ids, now, now, new Iso18626Messages.MessageError(
                        TypeErrorType.UNRECOGNISED_DATA_VALUE, "No request EXT-7")),
                org.openill.iso18626.v2021.TypeAction.NOTIFICATION));

        String for12 = Iso18626Codec.confirmationAsVersion12(confirmation);

        Accepted read = accepted(Iso18626Codec.read(for12));
        assertEquals(Iso18626Version.V1_2, read.version());
        assertEquals(MessageKind.REQUESTING_AGENCY_MESSAGE_CONFIRMATION, read.kind());
        assertTrue(for12.contains("version=\"1.2\""), for12);
    }

    @Test
    void anUnknownReasonForMessageIsAnUnsupportedReasonForMessageType() {
        Rejected rejected = rejected(Iso18626Codec.read(LOANED.replace(">StatusChange<", ">Gossip<")));

        assertEquals(Fault.UNRECOGNISED_VALUE, rejected.fault());
        assertEquals(TypeErrorType.UNSUPPORTED_REASON_FOR_MESSAGE_TYPE, rejected.errorType());
        assertTrue(rejected.text().contains("Gossip"), rejected.text());
    }

    @Test
    void anUnknownStatusIsAnUnrecognisedDataValue() {
        Rejected rejected = rejected(Iso18626Codec.read(LOANED.replace(">Loaned<", ">Borrowed<")));

        assertEquals(TypeErrorType.UNRECOGNISED_DATA_VALUE, rejected.errorType());
        assertTrue(rejected.text().contains("Borrowed"), rejected.text());
    }

    @Test
    void notWellFormedXmlIsABadlyFormedMessage() {
        Rejected rejected = rejected(Iso18626Codec.read(LOANED.replace("</statusInfo>", "")));

        assertEquals(Fault.NOT_WELL_FORMED, rejected.fault());
        assertEquals(TypeErrorType.BADLY_FORMED_MESSAGE, rejected.errorType());
        assertNull(rejected.kind());
        assertTrue(rejected.text().startsWith("The document is not well-formed XML"), rejected.text());
    }

    @Test
    void xmlThatIsNoIso18626MessageCannotBeToldAType() {
        Rejected otherRoot = rejected(Iso18626Codec.read("<html><body>Hello</body></html>"));
        assertEquals(Fault.NOT_AN_ISO18626_MESSAGE, otherRoot.fault());
        assertEquals(TypeErrorType.BADLY_FORMED_MESSAGE, otherRoot.errorType());
        assertTrue(otherRoot.text().contains("'html'"), otherRoot.text());

        Rejected noMessageInside = rejected(Iso18626Codec.read(LOANED.replace("supplyingAgencyMessage>", "loanNews>")));
        assertEquals(Fault.NOT_AN_ISO18626_MESSAGE, noMessageInside.fault());
        assertNull(noMessageInside.kind());
        assertTrue(noMessageInside.text().contains("loanNews"), noMessageInside.text());
    }

    @Test
    void anUnknownElementIsNamedWithItsPlace() {
        Rejected rejected = rejected(Iso18626Codec.read(
                LOANED.replace("<lastChange>", "<shelfMark>QA76.6 .C662</shelfMark><lastChange>")));

        assertEquals(Fault.UNRECOGNISED_ELEMENT, rejected.fault());
        assertEquals(TypeErrorType.UNRECOGNISED_DATA_ELEMENT, rejected.errorType());
        assertEquals(MessageKind.SUPPLYING_AGENCY_MESSAGE, rejected.kind());
        assertEquals("supplyingAgencyMessage/statusInfo/shelfMark", rejected.element());
        assertTrue(rejected.text().startsWith("The element shelfMark is not part of ISO 18626 2021-2 at "
                + "supplyingAgencyMessage/statusInfo/shelfMark"), rejected.text());
    }

    @Test
    void anUnknownStatusValueIsNamedWithItsElement() {
        Rejected rejected = rejected(Iso18626Codec.read(
                LOANED.replace("<status>Loaned</status>", "<status>Shelved</status>")));

        assertEquals(Fault.UNRECOGNISED_VALUE, rejected.fault());
        assertEquals(TypeErrorType.UNRECOGNISED_DATA_VALUE, rejected.errorType());
        assertEquals("supplyingAgencyMessage/statusInfo/status", rejected.element());
        assertEquals("Shelved", rejected.value());
        assertTrue(rejected.text().startsWith("The value 'Shelved' of supplyingAgencyMessage/statusInfo/status is "
                + "not one ISO 18626 2021-2 allows"), rejected.text());
    }

    @Test
    void aMalformedDateIsAnUnrecognisedValue() {
        Rejected rejected = rejected(Iso18626Codec.read(
                LOANED.replace("<dueDate>2026-04-01T21:59:59Z</dueDate>", "<dueDate>1 April</dueDate>")));

        assertEquals(Fault.UNRECOGNISED_VALUE, rejected.fault());
        assertEquals("supplyingAgencyMessage/statusInfo/dueDate", rejected.element());
        assertEquals("1 April", rejected.value());
    }

    @Test
    void aMissingRequiredElementIsNamedWhereverItIsMissing() {
        Rejected inTheMiddle = rejected(Iso18626Codec.read(
                LOANED.replace("<timestamp>2026-03-04T14:05:00Z</timestamp>", "")));
        assertEquals(Fault.MISSING_ELEMENT, inTheMiddle.fault());
        assertEquals(TypeErrorType.BADLY_FORMED_MESSAGE, inTheMiddle.errorType());
        assertEquals("supplyingAgencyMessage/header/timestamp", inTheMiddle.element());
        assertTrue(inTheMiddle.text().startsWith("The element timestamp is missing in supplyingAgencyMessage/header"),
                inTheMiddle.text());

        Rejected atTheEnd = rejected(Iso18626Codec.read(
                LOANED.replace("<lastChange>2026-03-04T14:00:00Z</lastChange>", "")));
        assertEquals(Fault.MISSING_ELEMENT, atTheEnd.fault());
        assertEquals("supplyingAgencyMessage/statusInfo/lastChange", atTheEnd.element());
        assertTrue(atTheEnd.text().startsWith("The element lastChange is missing at the end of "
                + "supplyingAgencyMessage/statusInfo"), atTheEnd.text());
    }

    @Test
    void aRepeatedElementIsNotTakenForAMissingOne() {
        Rejected rejected = rejected(Iso18626Codec.read(
                LOANED.replace("<status>Loaned</status>", "<status>Loaned</status><status>Overdue</status>")));

        assertEquals(Fault.UNRECOGNISED_ELEMENT, rejected.fault());
        assertTrue(rejected.text().startsWith("The element status is repeated or out of order"), rejected.text());
    }

    @Test
    void faultsAreToldApartWhateverTheServersLanguage() {
        Locale language = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            Rejected value = rejected(Iso18626Codec.read(
                    LOANED.replace("<status>Loaned</status>", "<status>Shelved</status>")));
            Rejected missing = rejected(Iso18626Codec.read(
                    LOANED.replace("<timestamp>2026-03-04T14:05:00Z</timestamp>", "")));

            assertEquals(Fault.UNRECOGNISED_VALUE, value.fault());
            assertEquals("Shelved", value.value());
            assertEquals(Fault.MISSING_ELEMENT, missing.fault());
            assertEquals("supplyingAgencyMessage/header/timestamp", missing.element());
        } finally {
            Locale.setDefault(language);
        }
    }

    @Test
    void aDocumentTypeIsRefusedAndTheFileItNamesIsNotRead(@TempDir Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "not for partners");
        String hostile = LOANED.replace("<ISO18626Message", "<!DOCTYPE ISO18626Message [<!ENTITY secret SYSTEM \""
                + secret.toUri() + "\">]>\n<ISO18626Message").replace("31141000123456", "&secret;");

        Rejected rejected = rejected(Iso18626Codec.read(hostile.getBytes(StandardCharsets.UTF_8)));

        assertEquals(Fault.NOT_WELL_FORMED, rejected.fault());
        assertEquals(TypeErrorType.BADLY_FORMED_MESSAGE, rejected.errorType());
        assertTrue(rejected.text().contains("document type (DOCTYPE)"), rejected.text());
        assertFalse(rejected.text().contains("not for partners"), rejected.text());
    }

    @Test
    void validationFetchesNoSchemaTheMessageNames() throws IOException {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String schemaUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/ISO-18626-2021-2.xsd";
            String pointing = LOANED.replace("ill:version=\"2021-2\"", "ill:version=\"2021-2\" "
                    + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                    + "xsi:schemaLocation=\"http://illtransactions.org/2013/iso18626 " + schemaUrl + "\"");

            accepted(Iso18626Codec.read(pointing));
            rejected(Iso18626Codec.read(pointing.replace("<status>Loaned</status>", "<status>Shelved</status>")));
            accepted(Iso18626Codec.read(sampleBytes("request-1.2.xml")));
        } finally {
            server.stop(0);
        }
        assertEquals(0, fetched.get(), "requests to the schema location the message names");
    }
}

package org.openill.infrastructure.iso18626;

import org.junit.jupiter.api.Test;
import org.openill.domain.library.AgencyId;
import org.openill.infrastructure.iso18626.Iso18626Codec.Tolerance;
import org.openill.infrastructure.iso18626.Iso18626Messages.TransactionIds;
import org.openill.infrastructure.iso18626.ReadResult.Accepted;
import org.openill.infrastructure.iso18626.ReadResult.Fault;
import org.openill.infrastructure.iso18626.ReadResult.Rejected;
import org.openill.iso18626.v2021.SupplyingAgencyMessage;
import org.openill.iso18626.v2021.TypeAction;
import org.openill.iso18626.v2021.TypeErrorType;
import org.openill.iso18626.v2021.TypeReasonForMessage;
import org.openill.iso18626.v2021.TypeStatus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.openill.infrastructure.iso18626.Samples.accepted;
import static org.openill.infrastructure.iso18626.Samples.rejected;
import static org.openill.infrastructure.iso18626.Samples.sample;
import static org.openill.infrastructure.iso18626.Samples.sampleBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deviations tolerated from a partner declared to show them, and from no one else: codes in another case, elements
 * the schema does not know; and the sender of a message, read before it is checked to know what to tolerate.
 */
class Iso18626ToleranceTest {

    private static final Tolerance CODES_IN_ANY_CASE = new Tolerance(true, false);
    private static final Tolerance UNKNOWN_ELEMENTS_DROPPED = new Tolerance(false, true);
    private static final Tolerance BOTH = new Tolerance(true, true);

    /** A valid 2021 Loaned message from ZZ-SCL to ZZ-NUL; each test changes it in one place. */
    private static final String LOANED = sample("loaned-2021.xml");

    private static final TransactionIds IDS = TransactionIds.of(AgencyId.isil("ZZ-NUL"), AgencyId.isil("ZZ-SCL"),
            "NUL-7731").withSupplyingAgencyRequestId("SCL-L-5512");
    private static final Instant NOW = Instant.parse("2026-03-04T14:05:00Z");

    // ---- fixtures ----

    private static String loanedWithStatus(String status) {
        return LOANED.replace("<status>Loaned</status>", "<status>" + status + "</status>");
    }

    /** The Loaned message with an element the schema declares nowhere, in the statusInfo. */
    private static String loanedWithShelfMark() {
        return LOANED.replace("<lastChange>", "<shelfMark><classification>QA76.6</classification></shelfMark>"
                + "<lastChange>");
    }

    /** North tells South with a Notification, its action written as the code. */
    private static String notification() {
        return Iso18626Codec.toXml(Iso18626Messages.requestingAgencyMessage(IDS, NOW, TypeAction.NOTIFICATION,
                "Reader asks when"));
    }

    private static ReadResult read(String xml, Tolerance tolerance) {
        return Iso18626Codec.read(xml.getBytes(StandardCharsets.UTF_8), tolerance);
    }

    // ---- codes in another case ----

    @Test
    void aStatusInAnotherCaseIsRefusedWithoutTolerance() {
        Rejected rejected = rejected(read(loanedWithStatus("loaned"), Tolerance.NONE));

        assertEquals(Fault.UNRECOGNISED_VALUE, rejected.fault());
        assertEquals("loaned", rejected.value());
        assertInstanceOf(Rejected.class, read(loanedWithStatus("loaned"), UNKNOWN_ELEMENTS_DROPPED));
    }

    @Test
    void aStatusInAnotherCaseIsReadAsItsCodeWhenTolerated() {
        for (String written : List.of("loaned", "LOANED", " lOaNeD ")) {
            Accepted read = accepted(read(loanedWithStatus(written), CODES_IN_ANY_CASE));

            SupplyingAgencyMessage message = read.message().getSupplyingAgencyMessage();
            assertEquals(TypeStatus.LOANED, message.getStatusInfo().getStatus(), written);
            assertEquals(Instant.parse("2026-04-01T21:59:59Z"), message.getStatusInfo().getDueDate());
        }
        Accepted twoWords = accepted(read(LOANED.replace(">StatusChange<", ">statuschange<"), BOTH));
        assertEquals(TypeReasonForMessage.STATUS_CHANGE,
                twoWords.message().getSupplyingAgencyMessage().getMessageInfo().getReasonForMessage());
    }

    @Test
    void anActionInAnotherCaseIsRefusedWithoutToleranceAndReadAsItsCodeWithIt() {
        String lowerCase = notification().replace("Notification</", "notification</");
        assertTrue(lowerCase.contains(">notification</"), lowerCase);

        Rejected rejected = rejected(read(lowerCase, Tolerance.NONE));
        assertEquals(TypeErrorType.UNSUPPORTED_ACTION_TYPE, rejected.errorType());

        Accepted read = accepted(read(lowerCase, CODES_IN_ANY_CASE));
        assertEquals(MessageKind.REQUESTING_AGENCY_MESSAGE, read.kind());
        assertEquals(TypeAction.NOTIFICATION, read.message().getRequestingAgencyMessage().getAction());
        assertEquals("Reader asks when", read.message().getRequestingAgencyMessage().getNote());
    }

    @Test
    void aValueThatIsNoCodeInAnyCaseIsRefusedEvenWhenCaseIsTolerated() {
        Rejected rejected = rejected(read(loanedWithStatus("lent"), BOTH));

        assertEquals(Fault.UNRECOGNISED_VALUE, rejected.fault());
        assertEquals("lent", rejected.value());
    }

    @Test
    void textOutsideTheCodedElementsKeepsItsCase() {
        String note = notification().replace("Reader asks when", "notification");

        Accepted read = accepted(read(note, CODES_IN_ANY_CASE));

        assertEquals("notification", read.message().getRequestingAgencyMessage().getNote());
    }

    // ---- unknown elements ----

    @Test
    void anElementTheSchemaDoesNotKnowIsRefusedWithoutTolerance() {
        for (Tolerance tolerance : List.of(Tolerance.NONE, CODES_IN_ANY_CASE)) {
            Rejected rejected = rejected(read(loanedWithShelfMark(), tolerance));

            assertEquals(Fault.UNRECOGNISED_ELEMENT, rejected.fault());
            assertEquals(TypeErrorType.UNRECOGNISED_DATA_ELEMENT, rejected.errorType());
            assertEquals("supplyingAgencyMessage/statusInfo/shelfMark", rejected.element());
        }
    }

    @Test
    void anElementTheSchemaDoesNotKnowIsDroppedWhenTolerated() {
        Accepted read = accepted(read(loanedWithShelfMark(), UNKNOWN_ELEMENTS_DROPPED));

        SupplyingAgencyMessage message = read.message().getSupplyingAgencyMessage();
        assertEquals(TypeStatus.LOANED, message.getStatusInfo().getStatus());
        assertEquals(Instant.parse("2026-03-04T14:00:00Z"), message.getStatusInfo().getLastChange());
        assertEquals(List.of("31141000123456"), message.getDeliveryInfo().getItemId());
        String again = Iso18626Codec.toXml(read.message());
        assertTrue(!again.contains("shelfMark") && !again.contains("QA76.6"), again);
    }

    @Test
    void aKnownElementOutOfPlaceIsRefusedEvenWhenUnknownOnesAreDropped() {
        String misplaced = LOANED.replace("<lastChange>", "<title>Introduction to algorithms</title><lastChange>");

        Rejected rejected = rejected(read(misplaced, UNKNOWN_ELEMENTS_DROPPED));

        assertTrue(rejected.text().contains("title"), rejected.toString());
    }

    @Test
    void bothDeviationsAreToleratedInOneMessage() {
        Accepted read = accepted(read(loanedWithShelfMark().replace(">Loaned<", ">LOANED<"), BOTH));

        assertEquals(TypeStatus.LOANED, read.message().getSupplyingAgencyMessage().getStatusInfo().getStatus());
    }

    // ---- the sender ----

    @Test
    void theSenderOfARequestOrRequestingAgencyMessageIsTheRequestingAgency() {
        assertEquals(List.of("ISIL", "DE-Hil2"), sender(sampleBytes("request-1.2.xml")));
        assertEquals(List.of("ISIL", "ZZ-NUL"), sender(notification().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSenderOfASupplyingAgencyMessageIsTheSupplyingAgency() {
        assertEquals(List.of("ISIL", "ZZ-SCL"), sender(LOANED.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("ISIL", "ZZ-SCL"), sender(loanedWithStatus("loaned").getBytes(StandardCharsets.UTF_8)),
                "told before the message is checked");
    }

    @Test
    void aDocumentWithoutSenderHasNone() {
        for (String garbage : List.of("", "not XML at all", "<ISO18626Message", "<html><body>Hi</body></html>",
                "<ISO18626Message xmlns=\"http://illtransactions.org/2013/iso18626\"/>",
                LOANED.replace("<supplyingAgencyId>", "<otherAgencyId>").replace("</supplyingAgencyId>",
                        "</otherAgencyId>"),
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><x><request><header><requestingAgencyId>"
                        + "<agencyIdType>ISIL</agencyIdType><agencyIdValue>&e;</agencyIdValue></requestingAgencyId>"
                        + "</header></request></x>")) {
            assertEquals(Optional.empty(), Iso18626Codec.senderOf(garbage.getBytes(StandardCharsets.UTF_8)).map(List::of),
                    garbage);
        }
    }

    private static List<String> sender(byte[] xml) {
        return List.of(Iso18626Codec.senderOf(xml).orElseThrow());
    }
}

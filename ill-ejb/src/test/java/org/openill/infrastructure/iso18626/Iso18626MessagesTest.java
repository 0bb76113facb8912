package org.openill.infrastructure.iso18626;

import org.junit.jupiter.api.Test;
import org.openill.domain.library.AgencyId;
import org.openill.infrastructure.iso18626.Iso18626Messages.Confirmation;
import org.openill.infrastructure.iso18626.Iso18626Messages.Costs;
import org.openill.infrastructure.iso18626.Iso18626Messages.Delivery;
import org.openill.infrastructure.iso18626.Iso18626Messages.EmailAddress;
import org.openill.infrastructure.iso18626.Iso18626Messages.Item;
import org.openill.infrastructure.iso18626.Iso18626Messages.MessageError;
import org.openill.infrastructure.iso18626.Iso18626Messages.Part;
import org.openill.infrastructure.iso18626.Iso18626Messages.PostalAddress;
import org.openill.infrastructure.iso18626.Iso18626Messages.Retry;
import org.openill.infrastructure.iso18626.Iso18626Messages.Service;
import org.openill.infrastructure.iso18626.Iso18626Messages.SupplierReport;
import org.openill.infrastructure.iso18626.Iso18626Messages.TransactionIds;
import org.openill.iso18626.v2021.ISO18626Message;
import org.openill.iso18626.v2021.Request;
import org.openill.iso18626.v2021.RequestConfirmation;
import org.openill.iso18626.v2021.RequestingAgencyMessage;
import org.openill.iso18626.v2021.RequestingAgencyMessageConfirmation;
import org.openill.iso18626.v2021.SupplyingAgencyMessage;
import org.openill.iso18626.v2021.SupplyingAgencyMessageConfirmation;
import org.openill.iso18626.v2021.TypeAction;
import org.openill.iso18626.v2021.TypeErrorType;
import org.openill.iso18626.v2021.TypeMessageStatus;
import org.openill.iso18626.v2021.TypeReasonForMessage;
import org.openill.iso18626.v2021.TypeRequestType;
import org.openill.iso18626.v2021.TypeServiceType;
import org.openill.iso18626.v2021.TypeStatus;
import org.openill.iso18626.v2021.TypeYesNo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message the builders make is valid ISO 18626:2021 (toXml checks it against the schema) and reads back with
 * the values it was built from.
 */
class Iso18626MessagesTest {

    private static final AgencyId NORTH = AgencyId.isil("ZZ-NUL");
    private static final AgencyId SOUTH = AgencyId.isil("ZZ-SCL");
    private static final TransactionIds ASKED = TransactionIds.of(NORTH, SOUTH, "NUL-1001");
    private static final TransactionIds ANSWERED = ASKED.withSupplyingAgencyRequestId("SCL-L-77");
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-03-02T10:15:01Z");

    @Test
    void newLoanRequestCarriesTheIdsTheItemAndWhereToSendIt() {
        ISO18626Message built = Iso18626Messages.request(ASKED, NOW,
                Service.of(TypeRequestType.NEW, TypeServiceType.LOAN).needBefore(Instant.parse("2026-04-01T00:00:00Z")),
                Item.titled("Introduction to Algorithms", "Cormen, Thomas H.").edition("3rd ed.").isbn("9780262033848"),
                List.of(new PostalAddress("North University Library, ILL office", null, "Northtown", "10115", "DE")));

        Request request = roundTrip(built, MessageKind.REQUEST).getRequest();

        assertEquals("ISIL", request.getHeader().getRequestingAgencyId().getAgencyIdType().getValue());
        assertEquals("ZZ-NUL", request.getHeader().getRequestingAgencyId().getAgencyIdValue());
        assertEquals("ZZ-SCL", request.getHeader().getSupplyingAgencyId().getAgencyIdValue());
        assertEquals("NUL-1001", request.getHeader().getRequestingAgencyRequestId());
        assertEquals(NOW, request.getHeader().getTimestamp());
        assertEquals(TypeRequestType.NEW, request.getServiceInfo().getRequestType());
        assertEquals(TypeServiceType.LOAN, request.getServiceInfo().getServiceType());
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), request.getServiceInfo().getNeedBeforeDate());
        assertEquals("Introduction to Algorithms", request.getBibliographicInfo().getTitle());
        assertEquals("ISBN", request.getBibliographicInfo().getBibliographicItemId().get(0)
                .getBibliographicItemIdentifierCode().getValue());
        assertEquals("9780262033848", request.getBibliographicInfo().getBibliographicItemId().get(0)
                .getBibliographicItemIdentifier());
        assertEquals("Northtown", request.getRequestedDeliveryInfo().get(0).getAddress().getPhysicalAddress()
                .getLocality());
        assertEquals(1, request.getRequestedDeliveryInfo().get(0).getSortOrder().intValue());
    }

    @Test
    void copyRetryAndReminderRequestsNameTheirTypeAndThePartWanted() {
        Item article = Item.titled("Nature", null).issn("0028-0836")
                .part(new Part("Deep learning", "LeCun, Yann", "521", "7553", "436-444"));
        ISO18626Message retry = Iso18626Messages.request(ASKED, NOW,
                Service.of(TypeRequestType.RETRY, TypeServiceType.COPY).previousRequestId("NUL-0999").note("cost accepted"),
                article, List.of(new EmailAddress("ill@nul.example.org")));

        Request request = roundTrip(retry, MessageKind.REQUEST).getRequest();

        assertEquals(TypeRequestType.RETRY, request.getServiceInfo().getRequestType());
        assertEquals(TypeServiceType.COPY, request.getServiceInfo().getServiceType());
        assertEquals("NUL-0999", request.getServiceInfo().getRequestingAgencyPreviousRequestId());
        assertEquals("Deep learning", request.getBibliographicInfo().getTitleOfComponent());
        assertEquals(List.of("521"), request.getBibliographicInfo().getVolume());
        assertEquals("436-444", request.getBibliographicInfo().getPagesRequested());
        assertEquals("ill@nul.example.org", request.getRequestedDeliveryInfo().get(0).getAddress()
                .getElectronicAddress().getElectronicAddressData());

        ISO18626Message reminder = Iso18626Messages.request(ASKED, NOW,
                Service.of(TypeRequestType.REMINDER, TypeServiceType.COPY_OR_LOAN), article, List.of());
        assertEquals(TypeServiceType.COPY_OR_LOAN,
                roundTrip(reminder, MessageKind.REQUEST).getRequest().getServiceInfo().getServiceType());
    }

    @Test
    void loanedMessageCarriesDueDateAndWhatWasSentUnderWhichConditions() {
        Instant due = Instant.parse("2026-03-30T22:59:59Z");
        ISO18626Message built = Iso18626Messages.supplyingAgencyMessage(ANSWERED, NOW,
                SupplierReport.of(TypeReasonForMessage.STATUS_CHANGE, TypeStatus.LOANED).dueDate(due)
                        .lastChange(Instant.parse("2026-03-02T10:00:00Z"))
                        .delivery(new Delivery(Instant.parse("2026-03-02T09:30:00Z"), List.of("31141000123456"),
                                List.of("LibraryUseOnly"))));

        SupplyingAgencyMessage message = roundTrip(built, MessageKind.SUPPLYING_AGENCY_MESSAGE)
                .getSupplyingAgencyMessage();

        assertEquals("SCL-L-77", message.getHeader().getSupplyingAgencyRequestId());
        assertEquals("NUL-1001", message.getHeader().getRequestingAgencyRequestId());
        assertEquals(TypeReasonForMessage.STATUS_CHANGE, message.getMessageInfo().getReasonForMessage());
        assertEquals(TypeStatus.LOANED, message.getStatusInfo().getStatus());
        assertEquals(due, message.getStatusInfo().getDueDate());
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), message.getStatusInfo().getLastChange());
        assertEquals(List.of("31141000123456"), message.getDeliveryInfo().getItemId());
        assertEquals("LibraryUseOnly", message.getDeliveryInfo().getLoanCondition().get(0).getValue());
        assertEquals(Instant.parse("2026-03-02T09:30:00Z"), message.getDeliveryInfo().getDateSent());
    }

    @Test
    void retryPossibleCarriesItsReasonTermsAndOfferedCosts() {
        ISO18626Message built = Iso18626Messages.supplyingAgencyMessage(ANSWERED, NOW,
                SupplierReport.of(TypeReasonForMessage.REQUEST_RESPONSE, TypeStatus.RETRY_POSSIBLE)
                        .note("We lend it for a fee")
                        .retry(Retry.because("CostExceedsMaxCost")
                                .between(Instant.parse("2026-03-03T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z"))
                                .loanConditions(List.of("NoReproduction"))
                                .offeredCosts(List.of(new Costs(new BigDecimal("7.50"), "EUR")))));

        SupplyingAgencyMessage message = roundTrip(built, MessageKind.SUPPLYING_AGENCY_MESSAGE)
                .getSupplyingAgencyMessage();

        assertEquals(TypeStatus.RETRY_POSSIBLE, message.getStatusInfo().getStatus());
        assertEquals(NOW, message.getStatusInfo().getLastChange());
        assertEquals("CostExceedsMaxCost", message.getMessageInfo().getReasonRetry().getValue());
        assertEquals("We lend it for a fee", message.getMessageInfo().getNote());
        assertEquals(Instant.parse("2026-03-03T00:00:00Z"), message.getRetryInfo().getRetryAfter());
        assertEquals(Instant.parse("2026-03-31T00:00:00Z"), message.getRetryInfo().getRetryBefore());
        assertEquals("NoReproduction", message.getRetryInfo().getLoanCondition().get(0).getValue());
        assertEquals(new BigDecimal("7.50"), message.getRetryInfo().getOfferedCosts().get(0).getMonetaryValue());
        assertEquals("EUR", message.getRetryInfo().getOfferedCosts().get(0).getCurrencyCode().getValue());
    }

    @Test
    void unfilledNamesItsReasonAndACancelResponseItsAnswer() {
        ISO18626Message unfilled = Iso18626Messages.supplyingAgencyMessage(ANSWERED, NOW,
                SupplierReport.of(TypeReasonForMessage.REQUEST_RESPONSE, TypeStatus.UNFILLED)
                        .reasonUnfilled("NotOnShelf"));
        assertEquals("NotOnShelf", roundTrip(unfilled, MessageKind.SUPPLYING_AGENCY_MESSAGE)
                .getSupplyingAgencyMessage().getMessageInfo().getReasonUnfilled().getValue());

        ISO18626Message cancelRefused = Iso18626Messages.supplyingAgencyMessage(ANSWERED, NOW,
                SupplierReport.of(TypeReasonForMessage.CANCEL_RESPONSE, TypeStatus.LOANED).answer(TypeYesNo.N));
        SupplyingAgencyMessage answer = roundTrip(cancelRefused, MessageKind.SUPPLYING_AGENCY_MESSAGE)
                .getSupplyingAgencyMessage();
        assertEquals(TypeReasonForMessage.CANCEL_RESPONSE, answer.getMessageInfo().getReasonForMessage());
        assertEquals(TypeYesNo.N, answer.getMessageInfo().getAnswerYesNo());
    }

    @Test
    void everyActionOfTheRequestingAgencyIsAValidMessage() {
        for (TypeAction action : TypeAction.values()) {
            ISO18626Message built = Iso18626Messages.requestingAgencyMessage(ANSWERED, NOW, action, "note " + action);

            RequestingAgencyMessage message = roundTrip(built, MessageKind.REQUESTING_AGENCY_MESSAGE)
                    .getRequestingAgencyMessage();

            assertEquals(action, message.getAction());
            assertEquals("note " + action, message.getNote());
            assertEquals("SCL-L-77", message.getHeader().getSupplyingAgencyRequestId());
            assertEquals("ZZ-SCL", message.getHeader().getSupplyingAgencyId().getAgencyIdValue());
        }
    }

    @Test
    void requestConfirmationSaysOkOrErrorWithTheErrorData() {
        RequestConfirmation ok = roundTrip(Iso18626Messages.requestConfirmation(Confirmation.ok(ASKED, NOW, RECEIVED)),
                MessageKind.REQUEST_CONFIRMATION).getRequestConfirmation();
        assertEquals(TypeMessageStatus.OK, ok.getConfirmationHeader().getMessageStatus());
        assertEquals(NOW, ok.getConfirmationHeader().getTimestamp());
        assertEquals(RECEIVED, ok.getConfirmationHeader().getTimestampReceived());
        assertEquals("NUL-1001", ok.getConfirmationHeader().getRequestingAgencyRequestId());
        assertTrue(ok.getErrorData().isEmpty());

        RequestConfirmation refused = roundTrip(Iso18626Messages.requestConfirmation(Confirmation.error(null, RECEIVED,
                        RECEIVED, new MessageError(TypeErrorType.BADLY_FORMED_MESSAGE, "not XML"))),
                MessageKind.REQUEST_CONFIRMATION).getRequestConfirmation();
        assertEquals(TypeMessageStatus.ERROR, refused.getConfirmationHeader().getMessageStatus());
        assertNull(refused.getConfirmationHeader().getRequestingAgencyId());
        assertEquals(TypeErrorType.BADLY_FORMED_MESSAGE, refused.getErrorData().get(0).getErrorType());
        assertEquals("not XML", refused.getErrorData().get(0).getErrorValue());
    }

    @Test
    void confirmationsOfTheOtherMessagesNameWhatTheyConfirm() {
        SupplyingAgencyMessageConfirmation supplying = roundTrip(Iso18626Messages.supplyingAgencyMessageConfirmation(
                        Confirmation.ok(ANSWERED, NOW, RECEIVED), TypeReasonForMessage.RENEW_RESPONSE),
                MessageKind.SUPPLYING_AGENCY_MESSAGE_CONFIRMATION).getSupplyingAgencyMessageConfirmation();
        assertEquals(TypeReasonForMessage.RENEW_RESPONSE, supplying.getReasonForMessage());
        assertEquals(TypeMessageStatus.OK, supplying.getConfirmationHeader().getMessageStatus());

        RequestingAgencyMessageConfirmation requesting = roundTrip(
                Iso18626Messages.requestingAgencyMessageConfirmation(Confirmation.error(ANSWERED, NOW, RECEIVED,
                        new MessageError(TypeErrorType.UNSUPPORTED_ACTION_TYPE, "HoldReturn")), TypeAction.HOLD_RETURN),
                MessageKind.REQUESTING_AGENCY_MESSAGE_CONFIRMATION).getRequestingAgencyMessageConfirmation();
        assertEquals(TypeAction.HOLD_RETURN, requesting.getAction());
        assertEquals(TypeMessageStatus.ERROR, requesting.getConfirmationHeader().getMessageStatus());
        assertEquals(TypeErrorType.UNSUPPORTED_ACTION_TYPE, requesting.getErrorData().get(0).getErrorType());
    }

    @Test
    void aRefusedMessageIsAnsweredWithTheCodecsErrorTypeAndText() {
        ReadResult.Rejected rejected = assertInstanceOf(ReadResult.Rejected.class, Iso18626Codec.read("<ISO18626Message"));

        MessageError error = MessageError.of(rejected);

        assertEquals(TypeErrorType.BADLY_FORMED_MESSAGE, error.errorType());
        assertEquals(rejected.text(), error.errorValue());
    }

    @Test
    void writtenMessageNamesTheNamespaceAndThe2021Version() {
        String xml = Iso18626Codec.toXml(Iso18626Messages.requestConfirmation(Confirmation.ok(ASKED, NOW, RECEIVED)));

        assertTrue(xml.contains("\"" + Iso18626Codec.NAMESPACE + "\""), xml);
        assertTrue(xml.contains("version=\"2021-2\""), xml);
        assertTrue(xml.contains("<timestamp>2026-03-02T10:15:00Z</timestamp>") || xml.contains(":timestamp>2026-03-02T10:15:00Z<"), xml);
    }

    @Test
    void aMessageThatBreaksTheSchemaIsNeverWritten() {
        ISO18626Message withoutHeader = new ISO18626Message();
        withoutHeader.setVersion(Iso18626Version.V2021.attribute());
        withoutHeader.setRequestConfirmation(new RequestConfirmation());

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Iso18626Codec.toXml(withoutHeader));

        assertTrue(refused.getMessage().contains("confirmationHeader"), refused.getMessage());
    }

    /** Writes the message, reads it back, and checks that writing it again gives the very same XML. */
    private static ISO18626Message roundTrip(ISO18626Message built, MessageKind kind) {
        String xml = Iso18626Codec.toXml(built);
        ReadResult.Accepted read = assertInstanceOf(ReadResult.Accepted.class, Iso18626Codec.read(xml), xml);
        assertEquals(Iso18626Version.V2021, read.version());
        assertEquals(kind, read.kind());
        assertEquals(kind, MessageKind.of(built));
        assertEquals(xml, Iso18626Codec.toXml(read.message()));
        return read.message();
    }
}

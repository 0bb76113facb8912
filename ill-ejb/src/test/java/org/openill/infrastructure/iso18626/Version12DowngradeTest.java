package org.openill.infrastructure.iso18626;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.openill.infrastructure.iso18626.ReadResult.Accepted;
import org.openill.iso18626.v2021.Address;
import org.openill.iso18626.v2021.BibliographicInfo;
import org.openill.iso18626.v2021.BibliographicRecordId;
import org.openill.iso18626.v2021.BillingInfo;
import org.openill.iso18626.v2021.DeliveryInfo;
import org.openill.iso18626.v2021.ISO18626Message;
import org.openill.iso18626.v2021.PatronInfo;
import org.openill.iso18626.v2021.PhysicalAddress;
import org.openill.iso18626.v2021.PublicationInfo;
import org.openill.iso18626.v2021.Request;
import org.openill.iso18626.v2021.RequestedDeliveryInfo;
import org.openill.iso18626.v2021.RequestingAgencyAuthentication;
import org.openill.iso18626.v2021.RequestingAgencyInfo;
import org.openill.iso18626.v2021.RetryInfo;
import org.openill.iso18626.v2021.ReturnInfo;
import org.openill.iso18626.v2021.ServiceInfo;
import org.openill.iso18626.v2021.ShippingInfo;
import org.openill.iso18626.v2021.SupplierInfo;
import org.openill.iso18626.v2021.SupplyingAgencyMessage;
import org.openill.iso18626.v2021.TypeAction;
import org.openill.iso18626.v2021.TypeAgencyId;
import org.openill.iso18626.v2021.TypeCosts;
import org.openill.iso18626.v2021.TypeErrorType;
import org.openill.iso18626.v2021.TypePreferredEdition;
import org.openill.iso18626.v2021.TypeReasonForMessage;
import org.openill.iso18626.v2021.TypeRequestSubType;
import org.openill.iso18626.v2021.TypeRequestType;
import org.openill.iso18626.v2021.TypeSchemeValuePair;
import org.openill.iso18626.v2021.TypeServiceType;
import org.openill.iso18626.v2021.TypeStatus;
import org.openill.iso18626.v2021.TypeYesNo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages for a partner that speaks ISO 18626:2017 (schema 1.2): each is valid against the 1.2 schema (the codec
 * checks it, and reads it back as 1.2), says in 1.2 all that 1.2 can say (read back, it is the 2021 message it was),
 * and tells in its note what 1.2 has no place for.
 */
class Version12DowngradeTest {

    private static final AgencyId NORTH = AgencyId.isil("ZZ-NUL");
    private static final AgencyId SOUTH = AgencyId.isil("ZZ-SCL");
    private static final TransactionIds ASKED = TransactionIds.of(NORTH, SOUTH, "NUL-1001");
    private static final TransactionIds ANSWERED = ASKED.withSupplyingAgencyRequestId("SCL-L-77");
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    private static final Instant LATER = Instant.parse("2026-03-02T10:15:01Z");
    private static final Instant DUE = Instant.parse("2026-04-01T21:59:59Z");

    // ---- what both schemas can say comes back as it was ----

    @ParameterizedTest
    @MethodSource("requestAndServiceTypes")
    void aRequestOfEveryTypeAndServiceComesBackAsItWas(TypeRequestType requestType, TypeServiceType serviceType) {
        Service service = new Service(requestType, serviceType,
                requestType == TypeRequestType.NEW ? null : "NUL-1000", DUE, "For a seminar");

        assertComesBackAsItWas(Iso18626Messages.request(ASKED, NOW, service,
                Item.titled("Introduction to Algorithms", "Cormen, Thomas H.").edition("3rd ed.").isbn("9780262033848")
                        .part(new Part("Hashing", "Cormen", "2", "4", "253-285")),
                List.of(new PostalAddress("North University Library", "ILL office", "Northtown", "10115", "DE"),
                        new EmailAddress("ill@north.example"))));
    }

    @Test
    void aRequestWithEveryElementBothSchemasHaveComesBackAsItWas() {
        assertComesBackAsItWas(fullRequest());
    }

    @ParameterizedTest
    @MethodSource("reasonsAndStatuses")
    void aSupplyingAgencyMessageOfEveryReasonAndStatusComesBackAsItWas(TypeReasonForMessage reason,
                                                                       TypeStatus status) {
        assertComesBackAsItWas(Iso18626Messages.supplyingAgencyMessage(ANSWERED, NOW,
                SupplierReport.of(reason, status).lastChange(LATER).note("From the south").answer(TypeYesNo.Y)
                        .dueDate(DUE)));
    }

    @Test
    void aRetryPossibleWithItsTermsComesBackAsItWas() {
        assertComesBackAsItWas(Iso18626Messages.supplyingAgencyMessage(ANSWERED, NOW,
                SupplierReport.of(TypeReasonForMessage.REQUEST_RESPONSE, TypeStatus.RETRY_POSSIBLE)
                        .note("On loan until the end of the month")
                        .retry(Retry.because("OnLoan").between(DUE, DUE.plusSeconds(86_400))
                                .offeredCosts(List.of(new Costs(new BigDecimal("8.50"), "EUR"))))));
    }

    @Test
    void anUnfilledWithItsReasonComesBackAsItWas() {
        assertComesBackAsItWas(Iso18626Messages.supplyingAgencyMessage(ANSWERED, NOW,
                SupplierReport.of(TypeReasonForMessage.REQUEST_RESPONSE, TypeStatus.UNFILLED).reasonUnfilled("NotOnShelf")));
    }

    @Test
    void aLoanedWithEveryDeliveryAndReturnElementBothSchemasHaveComesBackAsItWas() {
        ISO18626Message message = loaned();
        SupplyingAgencyMessage supplying = message.getSupplyingAgencyMessage();
        supplying.getStatusInfo().setExpectedDeliveryDate(NOW);
        DeliveryInfo delivery = supplying.getDeliveryInfo();
        delivery.setDeliveryMethod(code("Mail"));
        delivery.setSentToPatron(false);
        delivery.setItemFormat(code("printed"));
        delivery.getDeliveryCosts().add(costs("4.00", "EUR"));
        ReturnInfo returnInfo = new ReturnInfo();
        returnInfo.setReturnAgencyId(agency("ZZ-SCL"));
        returnInfo.setName("South City Library");
        returnInfo.setPhysicalAddress(physical("Harbour Road 1", "Southtown", "DE-HH"));
        supplying.setReturnInfo(returnInfo);

        assertComesBackAsItWas(message);
    }

    @ParameterizedTest
    @MethodSource("actionsBothSchemasHave")
    void aRequestingAgencyMessageOfEveryActionComesBackAsItWas(TypeAction action) {
        assertComesBackAsItWas(Iso18626Messages.requestingAgencyMessage(ANSWERED, NOW, action, "From the north"));
        assertComesBackAsItWas(Iso18626Messages.requestingAgencyMessage(ASKED, NOW, action, null));
    }

    @ParameterizedTest
    @EnumSource(TypeErrorType.class)
    void aRequestConfirmationComesBackAsItWas(TypeErrorType errorType) {
        assertComesBackAsItWas(Iso18626Messages.requestConfirmation(Confirmation.ok(ASKED, NOW, LATER)));
        assertComesBackAsItWas(Iso18626Messages.requestConfirmation(
                Confirmation.error(ASKED, NOW, LATER, new MessageError(errorType, "No such thing"))));
        assertComesBackAsItWas(Iso18626Messages.requestConfirmation(
                Confirmation.error(null, NOW, LATER, new MessageError(errorType, null))));
    }

    @ParameterizedTest
    @EnumSource(TypeReasonForMessage.class)
    void aSupplyingAgencyMessageConfirmationOfEveryReasonComesBackAsItWas(TypeReasonForMessage reason) {
        assertComesBackAsItWas(Iso18626Messages.supplyingAgencyMessageConfirmation(
                Confirmation.ok(ANSWERED, NOW, LATER), reason));
        assertComesBackAsItWas(Iso18626Messages.supplyingAgencyMessageConfirmation(Confirmation.error(ANSWERED, NOW,
                LATER, new MessageError(TypeErrorType.UNRECOGNISED_DATA_VALUE, "No request NUL-1001")), reason));
        assertComesBackAsItWas(Iso18626Messages.supplyingAgencyMessageConfirmation(
                Confirmation.ok(ANSWERED, NOW, LATER), null));
    }

    @ParameterizedTest
    @MethodSource("actionsBothSchemasHave")
    void aRequestingAgencyMessageConfirmationOfEveryActionComesBackAsItWas(TypeAction action) {
        assertComesBackAsItWas(Iso18626Messages.requestingAgencyMessageConfirmation(
                Confirmation.ok(ANSWERED, NOW, LATER), action));
        assertComesBackAsItWas(Iso18626Messages.requestingAgencyMessageConfirmation(Confirmation.error(ANSWERED, NOW,
                LATER, new MessageError(TypeErrorType.UNSUPPORTED_ACTION_TYPE, "Not now")), action));
        assertComesBackAsItWas(Iso18626Messages.requestingAgencyMessageConfirmation(
                Confirmation.ok(ANSWERED, NOW, LATER), null));
    }

    /** The round trips above cover the shared codes; the ones 2021 added must each be mapped below. */
    @Test
    void theCodes2021AddedAreExactlyTheOnesMappedTo12Codes() {
        assertEquals(Set.of("HoldReturn", "Lost"), onlyIn2021("type_action"));
        assertEquals(Set.of("HoldReturn", "ReleaseHoldReturn"), onlyIn2021("type_status"));
        for (String type : List.of("type_reasonForMessage", "type_errorType", "type_messageStatus",
                "type_requestType", "type_requestSubType", "type_serviceType", "type_yesNo")) {
            assertEquals(Set.of(), onlyIn2021(type), type);
            assertEquals(codes(Iso18626Version.V1_2, type), codes(Iso18626Version.V2021, type), type);
        }
    }

    // ---- what 1.2 writes differently ----

    @Test
    void everyHeaderHasTheMultipleItemRequestId12RequiresEmptyUnlessTheRequestHasOne() {
        for (ISO18626Message message : List.of(request(), loaned(),
                Iso18626Messages.requestingAgencyMessage(ANSWERED, NOW, TypeAction.RECEIVED, null))) {
            String xml = v12(message);
            assertEquals(List.of("supplyingAgencyId", "requestingAgencyId", "multipleItemRequestId", "timestamp"),
                    childNames(xml, "header").subList(0, 4), xml);
            assertEquals(List.of(""), texts(xml, "multipleItemRequestId"), xml);
        }
        ISO18626Message request = request();
        request.getRequest().getHeader().setMultipleItemRequestId("NUL-MULTI-7");
        assertEquals(List.of("NUL-MULTI-7"), texts(v12(request), "multipleItemRequestId"));
    }

    @Test
    void anEmptyMultipleItemRequestIdOfA12RequestIsReadAsNone() {
        String xml = v12(request());

        assertNull(readBack(xml).getRequest().getHeader().getMultipleItemRequestId(), xml);
    }

    @Test
    void aBibliographicItemIdIsWrittenIdentifierFirst() {
        String xml = v12(request());

        assertEquals(List.of("bibliographicItemIdentifier", "bibliographicItemIdentifierCode"),
                childNames(xml, "bibliographicItemId"));
    }

    @Test
    void theFormatsAndDeliveryMethodHaveTheir12Names() {
        ISO18626Message request = request();
        request.getRequest().getServiceInfo().setItemFormat(code("printed"));
        ISO18626Message loaned = loaned();
        loaned.getSupplyingAgencyMessage().getDeliveryInfo().setDeliveryMethod(code("Courier"));
        loaned.getSupplyingAgencyMessage().getDeliveryInfo().setItemFormat(code("PDF"));

        assertEquals(List.of("printed"), texts(v12(request), "preferredFormat"));
        String loanedXml = v12(loaned);
        assertEquals(List.of("Courier"), texts(loanedXml, "sentVia"));
        assertEquals(List.of("PDF"), texts(loanedXml, "deliveredFormat"));
        assertEquals(List.of(), texts(loanedXml, "itemFormat"));
    }

    @Test
    void theRetryTermsGoBackToTheEndOfMessageInfo() {
        String xml = v12(Iso18626Messages.supplyingAgencyMessage(ANSWERED, NOW,
                SupplierReport.of(TypeReasonForMessage.REQUEST_RESPONSE, TypeStatus.RETRY_POSSIBLE).note("Later")
                        .retry(Retry.because("CostExceedsMaxCost").between(NOW, DUE)
                                .offeredCosts(List.of(new Costs(new BigDecimal("12.00"), "EUR"))))));

        assertEquals(List.of("reasonForMessage", "note", "reasonRetry", "offeredCosts", "retryAfter", "retryBefore"),
                childNames(xml, "messageInfo"));
        assertEquals(List.of(), texts(xml, "retryInfo"));
        assertEquals(List.of("Later"), texts(xml, "note"), "nothing dropped, nothing noted");
    }

    // ---- what 1.2 has no place for is told in the note ----

    @Test
    void aRequestTellsInItsServiceNoteWhat12HasNoPlaceFor() {
        ISO18626Message message = request();
        Request request = message.getRequest();
        request.getHeader().setConsortialId(agency("ZZ-CONSORTIUM"));
        request.getBibliographicInfo().setAuthorId("0000000121032683");
        PublicationInfo publication = new PublicationInfo();
        publication.setPublisher("MIT Press");
        publication.setPublisherId("0000000107566789");
        request.setPublicationInfo(publication);
        request.getServiceInfo().getLoanCondition().addAll(List.of(code("LibraryUseOnly"), code("NoReproduction")));
        request.getServiceInfo().setNote("For a seminar");
        request.getRequestedDeliveryInfo().get(0).setDeliveryMethod(code("Courier"));
        RequestedDeliveryInfo second = new RequestedDeliveryInfo();
        second.setSortOrder(BigInteger.TWO);
        second.setAddress(new EmailAddress("ill@north.example").address());
        second.setCourierName(code("DHL"));
        request.getRequestedDeliveryInfo().add(second);

        String xml = v12(message);

        assertEquals(List.of("For a seminar\n" + Version12Downgrade.NOTE_HEADING
                + "header/consortialId: (agencyIdType: ISIL, agencyIdValue: ZZ-CONSORTIUM); "
                + "bibliographicInfo/authorId: 0000000121032683; publicationInfo/publisherId: 0000000107566789; "
                + "serviceInfo/loanCondition: LibraryUseOnly, NoReproduction; "
                + "requestedDeliveryInfo[1]/deliveryMethod: Courier; requestedDeliveryInfo[2]/courierName: DHL"),
                texts(xml, "note"));
        assertEquals("MIT Press", readBack(xml).getRequest().getPublicationInfo().getPublisher());
    }

    @Test
    void severalVolumesBecomeOne() {
        ISO18626Message message = request();
        message.getRequest().getBibliographicInfo().getVolume().addAll(List.of("3", "4"));

        String xml = v12(message);

        assertEquals(List.of("3, 4"), texts(xml, "volume"));
    }

    @Test
    void aRequestKeepsThreeRequestSubTypesAndTellsTheOthersInTheNote() {
        ISO18626Message message = request();
        message.getRequest().getServiceInfo().getRequestSubType().addAll(List.of(TypeRequestSubType.PATRON_REQUEST,
                TypeRequestSubType.PATRON_REQUEST, TypeRequestSubType.BOOKING_REQUEST,
                TypeRequestSubType.TRANSFER_REQUEST, TypeRequestSubType.SUPPLYING_LIBRARYS_CHOICE,
                TypeRequestSubType.MULTIPLE_ITEM_REQUEST));

        String xml = v12(message);

        assertEquals(List.of("PatronRequest", "BookingRequest", "TransferRequest"), texts(xml, "requestSubType"));
        assertEquals(List.of(Version12Downgrade.NOTE_HEADING
                + "serviceInfo/requestSubType: SupplyingLibrarysChoice, MultipleItemRequest"), texts(xml, "note"));
    }

    @ParameterizedTest
    @CsvSource({"ANY_EDITION, Y", "THIS_EDITION, N"})
    void aPreferredEditionThatAnyEditionCanSayBecomesAnyEdition(TypePreferredEdition preferred, TypeYesNo anyEdition) {
        ISO18626Message message = request();
        message.getRequest().getServiceInfo().setPreferredEdition(preferred);

        String xml = v12(message);

        assertEquals(List.of(anyEdition.value()), texts(xml, "anyEdition"));
        assertEquals(List.of(), texts(xml, "note"));
        assertEquals(anyEdition, readBack(xml).getRequest().getServiceInfo().getAnyEdition());
    }

    @Test
    void aPreferredEditionThatAnyEditionCannotSayIsToldInTheNote() {
        ISO18626Message mostRecent = request();
        mostRecent.getRequest().getServiceInfo().setPreferredEdition(TypePreferredEdition.MOST_RECENT_EDITION);
        ISO18626Message saidTwice = request();
        saidTwice.getRequest().getServiceInfo().setAnyEdition(TypeYesNo.N);
        saidTwice.getRequest().getServiceInfo().setPreferredEdition(TypePreferredEdition.ANY_EDITION);

        String mostRecentXml = v12(mostRecent);
        String saidTwiceXml = v12(saidTwice);

        assertEquals(List.of(), texts(mostRecentXml, "anyEdition"));
        assertEquals(List.of(Version12Downgrade.NOTE_HEADING + "serviceInfo/preferredEdition: MostRecentEdition"),
                texts(mostRecentXml, "note"));
        assertEquals(List.of("N"), texts(saidTwiceXml, "anyEdition"), "the message's own anyEdition stays");
        assertEquals(List.of(Version12Downgrade.NOTE_HEADING + "serviceInfo/preferredEdition: AnyEdition"),
                texts(saidTwiceXml, "note"));
    }

    @Test
    void aRequestThatNamesNoSupplierCannotBeSentIn12() {
        ISO18626Message message = request();
        message.getRequest().getHeader().setSupplyingAgencyId(null);
        String xml2021 = Iso18626Codec.toXml(message);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Iso18626Codec.asVersion12(xml2021));

        assertTrue(refused.getMessage().startsWith("The request cannot be sent in ISO 18626 1.2: The element "
                + "supplyingAgencyId is missing in request/header"), refused.getMessage());
    }

    @Test
    void retryTermsWithoutAPlaceIn12AreToldInTheNote() {
        ISO18626Message message = Iso18626Messages.supplyingAgencyMessage(ANSWERED, NOW,
                SupplierReport.of(TypeReasonForMessage.REQUEST_RESPONSE, TypeStatus.RETRY_POSSIBLE)
                        .retry(Retry.because("LoanCondition").loanConditions(List.of("LibraryUseOnly", "NoReproduction"))
                                .offeredCosts(List.of(new Costs(new BigDecimal("5.00"), "EUR"),
                                        new Costs(new BigDecimal("6.00"), "USD")))));
        RetryInfo retry = message.getSupplyingAgencyMessage().getRetryInfo();
        retry.getEdition().add("2nd ed.");
        retry.getItemFormat().add(code("PDF"));
        retry.getVolume().add("2");
        retry.setServiceType(TypeServiceType.COPY);
        retry.getServiceLevel().add(code("Express"));
        retry.getDeliveryMethod().add(code("Courier"));
        retry.getCourierName().add(code("DHL"));
        retry.getPaymentMethod().add(code("CreditCard"));

        String xml = v12(message);

        assertEquals(List.of(Version12Downgrade.NOTE_HEADING
                + "retryInfo/loanCondition: LibraryUseOnly, NoReproduction; retryInfo/edition: 2nd ed.; "
                + "retryInfo/itemFormat: PDF; retryInfo/volume: 2; retryInfo/serviceType: Copy; "
                + "retryInfo/serviceLevel: Express; retryInfo/deliveryMethod: Courier; retryInfo/courierName: DHL; "
                + "retryInfo/offeredCosts: (currencyCode: USD, monetaryValue: 6.00); "
                + "retryInfo/paymentMethod: CreditCard"), texts(xml, "note"));
        SupplyingAgencyMessage back = readBack(xml).getSupplyingAgencyMessage();
        assertEquals(List.of(new BigDecimal("5.00")), back.getRetryInfo().getOfferedCosts().stream()
                .map(TypeCosts::getMonetaryValue).toList(), "the first offer is kept");
        assertEquals("LoanCondition", back.getMessageInfo().getReasonRetry().getValue());
    }

    @Test
    void aDeliveryKeepsOneOfEachAndTellsTheRestInTheNote() {
        ISO18626Message message = loaned();
        DeliveryInfo delivery = message.getSupplyingAgencyMessage().getDeliveryInfo();
        delivery.getItemId().add("31141000999999");
        delivery.setURL("https://south.example/copy/77");
        delivery.setAddress(new PostalAddress("North University Library", null, "Northtown", "10115", "DE").address());
        delivery.getLoanCondition().add(code("NoReproduction"));
        delivery.setServiceType(TypeServiceType.LOAN);
        delivery.getDeliveryCosts().addAll(List.of(costs("4.00", "EUR"), costs("1.50", "EUR")));
        delivery.setPaymentMethod(code("Invoice"));

        String xml = v12(message);

        assertEquals(List.of("dateSent", "itemId", "loanCondition", "deliveryCosts"), childNames(xml, "deliveryInfo"));
        DeliveryInfo back = readBack(xml).getSupplyingAgencyMessage().getDeliveryInfo();
        assertEquals(List.of("31141000123456"), back.getItemId());
        assertEquals("LibraryUseOnly", back.getLoanCondition().get(0).getValue());
        assertEquals(new BigDecimal("4.00"), back.getDeliveryCosts().get(0).getMonetaryValue());
        assertEquals(List.of(Version12Downgrade.NOTE_HEADING
                + "deliveryInfo/itemId: 31141000999999; deliveryInfo/URL: https://south.example/copy/77; "
                + "deliveryInfo/address: (physicalAddress/line1: North University Library, "
                + "physicalAddress/locality: Northtown, physicalAddress/postalCode: 10115, physicalAddress/country: DE); "
                + "deliveryInfo/loanCondition: NoReproduction; deliveryInfo/serviceType: Loan; "
                + "deliveryInfo/deliveryCosts: (currencyCode: EUR, monetaryValue: 1.50); "
                + "deliveryInfo/paymentMethod: Invoice"), texts(xml, "note"));
    }

    @Test
    void theShippingIsToldInTheNoteAfterTheNoteTheMessageHas() {
        ISO18626Message message = Iso18626Messages.supplyingAgencyMessage(ANSWERED, NOW,
                SupplierReport.of(TypeReasonForMessage.STATUS_CHANGE, TypeStatus.LOANED).dueDate(DUE)
                        .note("Handle with care").delivery(new Delivery(NOW, List.of("31141000123456"), List.of())));
        ShippingInfo shipping = new ShippingInfo();
        shipping.setCourierName(code("DHL"));
        shipping.getTrackingId().addAll(List.of("1Z999", "1Z998"));
        shipping.setInsurance(TypeYesNo.Y);
        shipping.getInsuranceCosts().add(costs("3.00", "EUR"));
        message.getSupplyingAgencyMessage().setShippingInfo(shipping);

        String xml = v12(message);

        assertEquals(List.of("Handle with care\n" + Version12Downgrade.NOTE_HEADING + "shippingInfo: (courierName: "
                + "DHL, trackingId: 1Z999, trackingId: 1Z998, insurance: Y, insuranceCosts/currencyCode: EUR, "
                + "insuranceCosts/monetaryValue: 3.00)"), texts(xml, "note"));
        assertEquals(List.of("reasonForMessage", "note"), childNames(xml, "messageInfo"));
        assertEquals(List.of(), texts(xml, "shippingInfo"));
    }

    // ---- codes 2021 added go as the nearest 1.2 code ----

    @ParameterizedTest
    @CsvSource({
            "HOLD_RETURN, 'HoldReturn, sent as Loaned: keep the item, do not return it until the hold on its return "
                    + "is released'",
            "RELEASE_HOLD_RETURN, 'ReleaseHoldReturn, sent as Loaned: the hold on the return is released, return "
                    + "the item as the loan says'"})
    void aStatusOfTheHeldReturnIsSentAsLoanedWithItsMeaningInTheNote(TypeStatus status, String meaning) {
        ISO18626Message message = Iso18626Messages.supplyingAgencyMessage(ANSWERED, NOW,
                SupplierReport.of(TypeReasonForMessage.STATUS_CHANGE, status).dueDate(DUE).note("Library closed"));

        SupplyingAgencyMessage back = readBack(v12(message)).getSupplyingAgencyMessage();

        assertEquals(TypeStatus.LOANED, back.getStatusInfo().getStatus());
        assertEquals(DUE, back.getStatusInfo().getDueDate());
        assertEquals("Library closed\n" + Version12Downgrade.NOTE_HEADING + "statusInfo/status: " + meaning,
                back.getMessageInfo().getNote());
    }

    @ParameterizedTest
    @CsvSource({
            "HOLD_RETURN, 'HoldReturn, sent as Notification: the return of the item is on hold, it stays with the "
                    + "borrowing library for now'",
            "LOST, 'Lost, sent as Notification: the item is lost, it will not be returned'"})
    void anAction12LacksIsSentAsNotificationWithTheActionInTheNote(TypeAction action, String meaning) {
        ISO18626Message withNote = Iso18626Messages.requestingAgencyMessage(ANSWERED, NOW, action, "Sorry");
        ISO18626Message withoutNote = Iso18626Messages.requestingAgencyMessage(ANSWERED, NOW, action, null);
        ISO18626Message confirmation = Iso18626Messages.requestingAgencyMessageConfirmation(
                Confirmation.ok(ANSWERED, NOW, LATER), action);

        var back = readBack(v12(withNote)).getRequestingAgencyMessage();

        assertEquals(TypeAction.NOTIFICATION, back.getAction());
        assertEquals("Sorry\n" + Version12Downgrade.NOTE_HEADING + "action: " + meaning, back.getNote());
        assertEquals(Version12Downgrade.NOTE_HEADING + "action: " + meaning,
                readBack(v12(withoutNote)).getRequestingAgencyMessage().getNote());
        assertEquals(TypeAction.NOTIFICATION,
                readBack(v12(confirmation)).getRequestingAgencyMessageConfirmation().getAction());
    }

    @Test
    void theErrorsOfAConfirmationBecomeOneNamingEach() {
        ISO18626Message message = Iso18626Messages.requestConfirmation(new Confirmation(ASKED, NOW, LATER, List.of(
                new MessageError(TypeErrorType.UNRECOGNISED_DATA_VALUE, "No agency ZZ-XX"),
                new MessageError(TypeErrorType.UNRECOGNISED_DATA_ELEMENT, "shelfMark"),
                new MessageError(TypeErrorType.BADLY_FORMED_MESSAGE, null))));
        ISO18626Message firstWithoutValue = Iso18626Messages.supplyingAgencyMessageConfirmation(new Confirmation(
                ANSWERED, NOW, LATER, List.of(new MessageError(TypeErrorType.UNRECOGNISED_DATA_VALUE, null),
                new MessageError(TypeErrorType.UNSUPPORTED_REASON_FOR_MESSAGE_TYPE, "Gossip"))), null);

        var back = readBack(v12(message)).getRequestConfirmation();
        var backWithoutValue = readBack(v12(firstWithoutValue)).getSupplyingAgencyMessageConfirmation();

        assertEquals(1, back.getErrorData().size());
        assertEquals(TypeErrorType.UNRECOGNISED_DATA_VALUE, back.getErrorData().get(0).getErrorType());
        assertEquals("No agency ZZ-XX; UnrecognisedDataElement: shelfMark; BadlyFormedMessage",
                back.getErrorData().get(0).getErrorValue());
        assertEquals("UnsupportedReasonForMessageType: Gossip", backWithoutValue.getErrorData().get(0).getErrorValue());
    }

    // ---- the same message, the same bytes ----

    @Test
    void theSameMessageIsWrittenTheSameWhateverItsIndentation() {
        ISO18626Message message = fullRequest();
        message.getRequest().getHeader().setConsortialId(agency("ZZ-CONSORTIUM"));
        message.getRequest().getServiceInfo().setPreferredEdition(TypePreferredEdition.MOST_RECENT_EDITION);
        message.getRequest().getServiceInfo().getLoanCondition().add(code("LibraryUseOnly"));
        String xml2021 = Iso18626Codec.toXml(message);
        String unindented = xml2021.replaceAll(">\\s+<", "><");

        String first = Iso18626Codec.asVersion12(xml2021);

        assertEquals(first, Iso18626Codec.asVersion12(xml2021));
        assertEquals(first, Iso18626Codec.asVersion12(unindented));
        assertTrue(first.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<"), first);
        assertTrue(first.contains("\n    <ns1:request>\n        <ns1:header>\n"), first);
    }

    @Test
    void aMessageThatIsNoValid2021MessageIsRefused() {
        String invalid = Iso18626Codec.toXml(loaned()).replace(">Loaned<", ">Shelved<");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Iso18626Codec.asVersion12(invalid));
        assertTrue(refused.getMessage().contains("Shelved"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Iso18626Codec.asVersion12("<html/>"));
        assertThrows(IllegalArgumentException.class, () -> Iso18626Codec.asVersion12("not XML"));
    }

    @Test
    void onlyAConfirmationIsTakenAsAConfirmation() {
        String confirmation = Iso18626Codec.toXml(Iso18626Messages.requestConfirmation(Confirmation.ok(ASKED, NOW,
                LATER)));

        assertEquals(Iso18626Codec.asVersion12(confirmation), Iso18626Codec.confirmationAsVersion12(confirmation));
        assertThrows(IllegalStateException.class,
                () -> Iso18626Codec.confirmationAsVersion12(Iso18626Codec.toXml(loaned())));
    }

    // ---- messages ----

    private static ISO18626Message request() {
        return Iso18626Messages.request(ASKED, NOW, Service.of(TypeRequestType.NEW, TypeServiceType.LOAN),
                Item.titled("Introduction to Algorithms", "Cormen, Thomas H.").isbn("9780262033848"),
                List.of(new PostalAddress("North University Library", null, "Northtown", "10115", "DE")));
    }

    private static ISO18626Message loaned() {
        return Iso18626Messages.supplyingAgencyMessage(ANSWERED, NOW,
                SupplierReport.of(TypeReasonForMessage.STATUS_CHANGE, TypeStatus.LOANED).dueDate(DUE)
                        .delivery(new Delivery(NOW, List.of("31141000123456"), List.of("LibraryUseOnly"))));
    }

    /** A request with every element the two schemas share, each once, or as often as 1.2 allows. */
    private static ISO18626Message fullRequest() {
        ISO18626Message message = Iso18626Messages.request(ASKED, NOW,
                new Service(TypeRequestType.RETRY, TypeServiceType.COPY_OR_LOAN, "NUL-1000", DUE, "For a seminar"),
                Item.titled("Journal of Algorithms", "Knuth, Donald").edition("2nd").issn("0196-6774")
                        .part(new Part("Sorting", "Knuth", "12", "3", "1-20")),
                List.of(new PostalAddress("North University Library", "ILL office", "Northtown", "10115", "DE"),
                        new EmailAddress("ill@north.example")));
        Request request = message.getRequest();
        request.getHeader().setMultipleItemRequestId("NUL-MULTI-7");
        RequestingAgencyAuthentication authentication = new RequestingAgencyAuthentication();
        authentication.setAccountId("north");
        authentication.setSecurityCode("s3cret");
        request.getHeader().setRequestingAgencyAuthentication(authentication);

        BibliographicInfo bibliographic = request.getBibliographicInfo();
        bibliographic.setSupplierUniqueRecordId("991000012349707026");
        bibliographic.setSubtitle("Volume 12");
        bibliographic.setSeriesTitle("Elsevier journals");
        bibliographic.setEstimatedNoPages("20");
        bibliographic.setSponsor("DFG");
        bibliographic.setInformationSource("WorldCat");
        BibliographicRecordId record = new BibliographicRecordId();
        record.setBibliographicRecordIdentifierCode(code("OCLC"));
        record.setBibliographicRecordIdentifier("311310321");
        bibliographic.getBibliographicRecordId().add(record);

        PublicationInfo publication = new PublicationInfo();
        publication.setPublisher("Elsevier");
        publication.setPublicationType(code("Journal"));
        publication.setPublicationDate("1991");
        publication.setPlaceOfPublication("Amsterdam");
        request.setPublicationInfo(publication);

        ServiceInfo service = request.getServiceInfo();
        service.getRequestSubType().addAll(List.of(TypeRequestSubType.PATRON_REQUEST,
                TypeRequestSubType.BOOKING_REQUEST));
        service.setServiceLevel(code("Express"));
        service.setItemFormat(code("printed"));
        service.setCopyrightCompliance(code("UrhG-60e"));
        service.setAnyEdition(TypeYesNo.Y);
        service.setStartDate(NOW);
        service.setEndDate(DUE);

        SupplierInfo supplier = new SupplierInfo();
        supplier.setSortOrder(BigInteger.ONE);
        supplier.setSupplierCode(agency("ZZ-SCL"));
        supplier.setSupplierDescription("South City Library");
        supplier.setBibliographicRecordId(record);
        supplier.setCallNumber("QA76.6 .K64");
        supplier.setSummaryHoldings("1.1980-");
        supplier.setAvailabilityNote("On shelf");
        request.getSupplierInfo().add(supplier);

        request.getRequestedDeliveryInfo().get(0).getAddress().getPhysicalAddress().setRegion("DE-BE");

        RequestingAgencyInfo agencyInfo = new RequestingAgencyInfo();
        agencyInfo.setName("North University Library");
        agencyInfo.setContactName("ILL office");
        agencyInfo.getAddress().add(new EmailAddress("ill@north.example").address());
        request.setRequestingAgencyInfo(agencyInfo);

        PatronInfo patron = new PatronInfo();
        patron.setPatronId("R-42");
        patron.setSurname("Meyer");
        patron.setGivenName("Anna");
        patron.setPatronType(code("Student"));
        patron.setSendToPatron(TypeYesNo.N);
        patron.getAddress().add(new EmailAddress("anna@north.example").address());
        request.setPatronInfo(patron);

        BillingInfo billing = new BillingInfo();
        billing.setPaymentMethod(code("Invoice"));
        billing.setMaximumCosts(costs("20.00", "EUR"));
        billing.setBillingMethod(code("Account"));
        billing.setBillingName("North University Library");
        Address billTo = new Address();
        billTo.setPhysicalAddress(physical("Campus 1", "Northtown", "DE-BE"));
        billing.setAddress(billTo);
        request.setBillingInfo(billing);
        return message;
    }

    private static TypeSchemeValuePair code(String value) {
        TypeSchemeValuePair code = new TypeSchemeValuePair();
        code.setValue(value);
        return code;
    }

    private static TypeAgencyId agency(String isil) {
        TypeAgencyId id = new TypeAgencyId();
        id.setAgencyIdType(code("ISIL"));
        id.setAgencyIdValue(isil);
        return id;
    }

    private static TypeCosts costs(String amount, String currency) {
        TypeCosts costs = new TypeCosts();
        costs.setMonetaryValue(new BigDecimal(amount));
        costs.setCurrencyCode(code(currency));
        return costs;
    }

    private static PhysicalAddress physical(String line1, String locality, String region) {
        PhysicalAddress address = new PhysicalAddress();
        address.setLine1(line1);
        address.setLocality(locality);
        address.setRegion(region);
        address.setCountry(code("DE"));
        return address;
    }

    private static Stream<Arguments> requestAndServiceTypes() {
        return Arrays.stream(TypeRequestType.values()).flatMap(requestType -> Arrays.stream(TypeServiceType.values())
                .map(serviceType -> Arguments.of(requestType, serviceType)));
    }

    private static Stream<Arguments> reasonsAndStatuses() {
        Set<String> shared = codes(Iso18626Version.V1_2, "type_status");
        return Arrays.stream(TypeReasonForMessage.values()).flatMap(reason -> Arrays.stream(TypeStatus.values())
                .filter(status -> shared.contains(status.value())).map(status -> Arguments.of(reason, status)));
    }

    private static Stream<TypeAction> actionsBothSchemasHave() {
        Set<String> shared = codes(Iso18626Version.V1_2, "type_action");
        return Arrays.stream(TypeAction.values()).filter(action -> shared.contains(action.value()));
    }

    // ---- reading what was written ----

    private static String v12(ISO18626Message message) {
        return Iso18626Codec.asVersion12(Iso18626Codec.toXml(message));
    }

    /** Downgraded and read back as a partner's 1.2 message is read, the message is what it was, to the byte. */
    private static void assertComesBackAsItWas(ISO18626Message message) {
        String xml2021 = Iso18626Codec.toXml(message);
        String xml12 = Iso18626Codec.asVersion12(xml2021);

        assertEquals(xml2021, Iso18626Codec.toXml(readBack(xml12)), xml12);
        assertFalse(xml12.contains(Version12Downgrade.NOTE_HEADING), "nothing was left out: " + xml12);
    }

    private static ISO18626Message readBack(String xml12) {
        Accepted read = assertInstanceOf(Accepted.class, Iso18626Codec.read(xml12), xml12);
        assertEquals(Iso18626Version.V1_2, read.version(), xml12);
        return read.message();
    }

    private static List<String> childNames(String xml, String element) {
        List<String> names = new ArrayList<>();
        for (Node child = elements(xml, element).get(0).getFirstChild(); child != null;
             child = child.getNextSibling()) {
            if (child instanceof Element e) {
                names.add(e.getLocalName());
            }
        }
        return names;
    }

    private static List<String> texts(String xml, String element) {
        return elements(xml, element).stream().map(Element::getTextContent).toList();
    }

    private static List<Element> elements(String xml, String localName) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            NodeList found = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                    .getElementsByTagNameNS(Iso18626Codec.NAMESPACE, localName);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < found.getLength(); i++) {
                elements.add((Element) found.item(i));
            }
            return elements;
        } catch (Exception e) {
            throw new AssertionError("Not readable: " + xml, e);
        }
    }

    /** The codes of one of a schema's closed code lists (type_status, ...), read from the schema itself. */
    private static Set<String> codes(Iso18626Version version, String type) {
        try (InputStream in = version.schema().openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            Document schema = factory.newDocumentBuilder().parse(in);
            NodeList types = schema.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "simpleType");
            for (int i = 0; i < types.getLength(); i++) {
                Element simpleType = (Element) types.item(i);
                if (simpleType.getAttribute("name").equals(type)) {
                    NodeList values = simpleType.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI,
                            "enumeration");
                    Set<String> codes = new HashSet<>();
                    for (int j = 0; j < values.getLength(); j++) {
                        codes.add(((Element) values.item(j)).getAttribute("value"));
                    }
                    return codes;
                }
            }
            throw new AssertionError("No " + type + " in " + version);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> onlyIn2021(String type) {
        Set<String> codes = new HashSet<>(codes(Iso18626Version.V2021, type));
        codes.removeAll(codes(Iso18626Version.V1_2, type));
        return codes;
    }
}

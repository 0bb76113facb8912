package org.openill.infrastructure.iso18626;

import org.openill.domain.library.AgencyId;
import org.openill.iso18626.v2021.Address;
import org.openill.iso18626.v2021.BibliographicInfo;
import org.openill.iso18626.v2021.BibliographicItemId;
import org.openill.iso18626.v2021.ConfirmationHeader;
import org.openill.iso18626.v2021.DeliveryInfo;
import org.openill.iso18626.v2021.ElectronicAddress;
import org.openill.iso18626.v2021.ErrorData;
import org.openill.iso18626.v2021.ISO18626Message;
import org.openill.iso18626.v2021.MessageInfo;
import org.openill.iso18626.v2021.PhysicalAddress;
import org.openill.iso18626.v2021.Request;
import org.openill.iso18626.v2021.RequestConfirmation;
import org.openill.iso18626.v2021.RequestedDeliveryInfo;
import org.openill.iso18626.v2021.RequestingAgencyMessage;
import org.openill.iso18626.v2021.RequestingAgencyMessageConfirmation;
import org.openill.iso18626.v2021.RetryInfo;
import org.openill.iso18626.v2021.ServiceInfo;
import org.openill.iso18626.v2021.StatusInfo;
import org.openill.iso18626.v2021.SupplyingAgencyMessage;
import org.openill.iso18626.v2021.SupplyingAgencyMessageConfirmation;
import org.openill.iso18626.v2021.TypeAction;
import org.openill.iso18626.v2021.TypeAgencyId;
import org.openill.iso18626.v2021.TypeCosts;
import org.openill.iso18626.v2021.TypeErrorType;
import org.openill.iso18626.v2021.TypeMessageStatus;
import org.openill.iso18626.v2021.TypeReasonForMessage;
import org.openill.iso18626.v2021.TypeRequestHeader;
import org.openill.iso18626.v2021.TypeRequestType;
import org.openill.iso18626.v2021.TypeRequestingAgencyMessageHeader;
import org.openill.iso18626.v2021.TypeSchemeValuePair;
import org.openill.iso18626.v2021.TypeServiceType;
import org.openill.iso18626.v2021.TypeStatus;
import org.openill.iso18626.v2021.TypeSupplyingAgencyMessageHeader;
import org.openill.iso18626.v2021.TypeYesNo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The ISO 18626:2021 messages of an interlibrary loan, built from a few named values so that no other code assembles
 * the JAXB classes by hand: the borrowing library's {@link #request request} and
 * {@link #requestingAgencyMessage requestingAgencyMessage} (its actions), the lender's
 * {@link #supplyingAgencyMessage supplyingAgencyMessage} (its answers and status changes), and the confirmation each
 * side returns for every message it receives. Each method returns a whole {@link ISO18626Message}, ready for
 * {@link Iso18626Codec#toXml}, which checks it against the schema.
 * <p>
 * Codes the standard leaves open (reasonUnfilled, reasonRetry, loanCondition) are given as the code, such as
 * {@code NotOnShelf} or {@code LibraryUseOnly}; closed ones are the schema's own enums ({@link TypeStatus}, ...).
 */
public final class Iso18626Messages {

    private Iso18626Messages() {
    }

    /** A new request, a retry after the lender's RetryPossible, or a reminder, sent by the borrowing library. */
    public static ISO18626Message request(TransactionIds ids, Instant timestamp, Service service, Item item,
                                          List<DeliveryAddress> deliverTo) {
        TypeRequestHeader header = new TypeRequestHeader();
        header.setSupplyingAgencyId(agencyId(ids.supplyingAgencyId()));
        header.setRequestingAgencyId(agencyId(ids.requestingAgencyId()));
        header.setTimestamp(timestamp);
        header.setRequestingAgencyRequestId(ids.requestingAgencyRequestId());

        ServiceInfo serviceInfo = new ServiceInfo();
        serviceInfo.setRequestType(service.requestType());
        serviceInfo.setRequestingAgencyPreviousRequestId(service.previousRequestId());
        serviceInfo.setServiceType(service.serviceType());
        serviceInfo.setNeedBeforeDate(service.needBefore());
        serviceInfo.setNote(service.note());

        Request request = new Request();
        request.setHeader(header);
        request.setBibliographicInfo(item.bibliographicInfo());
        request.setServiceInfo(serviceInfo);
        for (int i = 0; i < deliverTo.size(); i++) {
            RequestedDeliveryInfo delivery = new RequestedDeliveryInfo();
            delivery.setSortOrder(BigInteger.valueOf(i + 1L));
            delivery.setAddress(deliverTo.get(i).address());
            request.getRequestedDeliveryInfo().add(delivery);
        }
        ISO18626Message message = message();
        message.setRequest(request);
        return message;
    }

    /** The lender's answer to a request or an action, or news of a change of status (a supplyingAgencyMessage). */
    public static ISO18626Message supplyingAgencyMessage(TransactionIds ids, Instant timestamp,
                                                         SupplierReport report) {
        TypeSupplyingAgencyMessageHeader header = new TypeSupplyingAgencyMessageHeader();
        header.setSupplyingAgencyId(agencyId(ids.supplyingAgencyId()));
        header.setRequestingAgencyId(agencyId(ids.requestingAgencyId()));
        header.setTimestamp(timestamp);
        header.setRequestingAgencyRequestId(ids.requestingAgencyRequestId());
        header.setSupplyingAgencyRequestId(ids.supplyingAgencyRequestId());

        MessageInfo messageInfo = new MessageInfo();
        messageInfo.setReasonForMessage(report.reasonForMessage());
        messageInfo.setAnswerYesNo(report.answerYesNo());
        messageInfo.setNote(report.note());
        messageInfo.setReasonUnfilled(code(report.reasonUnfilled()));

        StatusInfo statusInfo = new StatusInfo();
        statusInfo.setStatus(report.status());
        statusInfo.setDueDate(report.dueDate());
        statusInfo.setLastChange(report.lastChange() == null ? timestamp : report.lastChange());

        SupplyingAgencyMessage supplying = new SupplyingAgencyMessage();
        supplying.setHeader(header);
        supplying.setMessageInfo(messageInfo);
        supplying.setStatusInfo(statusInfo);
        if (report.retry() != null) {
            messageInfo.setReasonRetry(code(report.retry().reasonRetry()));
            supplying.setRetryInfo(report.retry().retryInfo());
        }
        if (report.delivery() != null) {
            supplying.setDeliveryInfo(report.delivery().deliveryInfo());
        }
        ISO18626Message message = message();
        message.setSupplyingAgencyMessage(supplying);
        return message;
    }

    /** An action of the borrowing library: Received, Renew, ShippedReturn, Cancel, StatusRequest, Notification ... */
    public static ISO18626Message requestingAgencyMessage(TransactionIds ids, Instant timestamp, TypeAction action,
                                                          String note) {
        TypeRequestingAgencyMessageHeader header = new TypeRequestingAgencyMessageHeader();
        header.setSupplyingAgencyId(agencyId(ids.supplyingAgencyId()));
        header.setRequestingAgencyId(agencyId(ids.requestingAgencyId()));
        header.setTimestamp(timestamp);
        header.setRequestingAgencyRequestId(ids.requestingAgencyRequestId());
        header.setSupplyingAgencyRequestId(ids.supplyingAgencyRequestId());

        RequestingAgencyMessage requesting = new RequestingAgencyMessage();
        requesting.setHeader(header);
        requesting.setAction(Objects.requireNonNull(action, "action"));
        requesting.setNote(note);
        ISO18626Message message = message();
        message.setRequestingAgencyMessage(requesting);
        return message;
    }

    /** The lender's confirmation that it received a request (and could read it, or why not). */
    public static ISO18626Message requestConfirmation(Confirmation confirmation) {
        RequestConfirmation body = new RequestConfirmation();
        body.setConfirmationHeader(confirmation.header());
        body.getErrorData().addAll(confirmation.errorData());
        ISO18626Message message = message();
        message.setRequestConfirmation(body);
        return message;
    }

    /** The borrowing library's confirmation of a supplyingAgencyMessage, naming the reason it confirms, if known. */
    public static ISO18626Message supplyingAgencyMessageConfirmation(Confirmation confirmation,
                                                                     TypeReasonForMessage reasonForMessage) {
        SupplyingAgencyMessageConfirmation body = new SupplyingAgencyMessageConfirmation();
        body.setConfirmationHeader(confirmation.header());
        body.setReasonForMessage(reasonForMessage);
        body.getErrorData().addAll(confirmation.errorData());
        ISO18626Message message = message();
        message.setSupplyingAgencyMessageConfirmation(body);
        return message;
    }

    /** The lender's confirmation of a requestingAgencyMessage, naming the action it confirms, if known. */
    public static ISO18626Message requestingAgencyMessageConfirmation(Confirmation confirmation, TypeAction action) {
        RequestingAgencyMessageConfirmation body = new RequestingAgencyMessageConfirmation();
        body.setConfirmationHeader(confirmation.header());
        body.setAction(action);
        body.getErrorData().addAll(confirmation.errorData());
        ISO18626Message message = message();
        message.setRequestingAgencyMessageConfirmation(body);
        return message;
    }

    private static ISO18626Message message() {
        ISO18626Message message = new ISO18626Message();
        message.setVersion(Iso18626Version.V2021.attribute());
        return message;
    }

    private static TypeAgencyId agencyId(AgencyId id) {
        if (id == null) {
            return null;
        }
        TypeAgencyId agencyId = new TypeAgencyId();
        agencyId.setAgencyIdType(code(id.type()));
        agencyId.setAgencyIdValue(id.value());
        return agencyId;
    }

    private static TypeSchemeValuePair code(String value) {
        if (value == null) {
            return null;
        }
        TypeSchemeValuePair code = new TypeSchemeValuePair();
        code.setValue(value);
        return code;
    }

    private static List<TypeSchemeValuePair> codes(List<String> values) {
        return values.stream().map(Iso18626Messages::code).toList();
    }

    /**
     * The ids that tie the messages of one transaction together: the two agencies and each one's own id for the
     * request. The supplying agency's id is null until the lender has given one; the 2021 request header has no
     * place for it.
     */
    public record TransactionIds(AgencyId requestingAgencyId, AgencyId supplyingAgencyId,
                                 String requestingAgencyRequestId, String supplyingAgencyRequestId) {

        public TransactionIds {
            Objects.requireNonNull(requestingAgencyId, "requestingAgencyId");
            Objects.requireNonNull(supplyingAgencyId, "supplyingAgencyId");
            Objects.requireNonNull(requestingAgencyRequestId, "requestingAgencyRequestId");
        }

        /** The ids as the borrowing library knows them before the lender answers. */
        public static TransactionIds of(AgencyId requestingAgencyId, AgencyId supplyingAgencyId,
                                        String requestingAgencyRequestId) {
            return new TransactionIds(requestingAgencyId, supplyingAgencyId, requestingAgencyRequestId, null);
        }

        public TransactionIds withSupplyingAgencyRequestId(String supplyingAgencyRequestId) {
            return new TransactionIds(requestingAgencyId, supplyingAgencyId, requestingAgencyRequestId,
                    supplyingAgencyRequestId);
        }
    }

    /** What kind of request (New, Retry, Reminder) for what service (Loan, Copy, CopyOrLoan): the serviceInfo. */
    public record Service(TypeRequestType requestType, TypeServiceType serviceType, String previousRequestId,
                          Instant needBefore, String note) {

        public Service {
            Objects.requireNonNull(requestType, "requestType");
            Objects.requireNonNull(serviceType, "serviceType");
        }

        public static Service of(TypeRequestType requestType, TypeServiceType serviceType) {
            return new Service(requestType, serviceType, null, null, null);
        }

        /** The borrowing library's id of an earlier request this one follows up (requestingAgencyPreviousRequestId). */
        public Service previousRequestId(String id) {
            return new Service(requestType, serviceType, id, needBefore, note);
        }

        public Service needBefore(Instant date) {
            return new Service(requestType, serviceType, previousRequestId, date, note);
        }

        public Service note(String text) {
            return new Service(requestType, serviceType, previousRequestId, needBefore, text);
        }
    }

    /** The item asked for (bibliographicInfo): the work, its ISBN or ISSN, and for a copy the part wanted. */
    public record Item(String title, String author, String edition, String isbn, String issn, Part part) {

        public static Item titled(String title, String author) {
            return new Item(title, author, null, null, null, null);
        }

        public Item edition(String edition) {
            return new Item(title, author, edition, isbn, issn, part);
        }

        public Item isbn(String isbn) {
            return new Item(title, author, edition, isbn, issn, part);
        }

        public Item issn(String issn) {
            return new Item(title, author, edition, isbn, issn, part);
        }

        public Item part(Part part) {
            return new Item(title, author, edition, isbn, issn, part);
        }

        private BibliographicInfo bibliographicInfo() {
            BibliographicInfo info = new BibliographicInfo();
            info.setTitle(title);
            info.setAuthor(author);
            info.setEdition(edition);
            if (part != null) {
                info.setTitleOfComponent(part.title());
                info.setAuthorOfComponent(part.author());
                if (part.volume() != null) {
                    info.getVolume().add(part.volume());
                }
                info.setIssue(part.issue());
                info.setPagesRequested(part.pages());
            }
            addIdentifier(info, "ISBN", isbn);
            addIdentifier(info, "ISSN", issn);
            return info;
        }

        private static void addIdentifier(BibliographicInfo info, String code, String identifier) {
            if (identifier != null) {
                BibliographicItemId id = new BibliographicItemId();
                id.setBibliographicItemIdentifierCode(code(code));
                id.setBibliographicItemIdentifier(identifier);
                info.getBibliographicItemId().add(id);
            }
        }
    }

    /** The article or chapter wanted as a copy (titleOfComponent, authorOfComponent, volume, issue, pages). */
    public record Part(String title, String author, String volume, String issue, String pages) {
    }

    /** Where the borrowing library wants the item sent (requestedDeliveryInfo), in order of preference. */
    public sealed interface DeliveryAddress permits PostalAddress, EmailAddress {
        Address address();
    }

    /** A postal address; country as an ISO 3166-1 code. */
    public record PostalAddress(String line1, String line2, String locality, String postalCode, String country)
            implements DeliveryAddress {

        @Override
        public Address address() {
            PhysicalAddress physical = new PhysicalAddress();
            physical.setLine1(line1);
            physical.setLine2(line2);
            physical.setLocality(locality);
            physical.setPostalCode(postalCode);
            physical.setCountry(code(country));
            Address address = new Address();
            address.setPhysicalAddress(physical);
            return address;
        }
    }

    /** An e-mail address, for a copy sent electronically. */
    public record EmailAddress(String email) implements DeliveryAddress {

        @Override
        public Address address() {
            ElectronicAddress electronic = new ElectronicAddress();
            electronic.setElectronicAddressType(code("Email"));
            electronic.setElectronicAddressData(email);
            Address address = new Address();
            address.setElectronicAddress(electronic);
            return address;
        }
    }

    /**
     * What a supplyingAgencyMessage says: why it is sent (reasonForMessage) and the request's status at the lender,
     * with what goes with it: the answer to a Cancel or Renew (answerYesNo), the reason for Unfilled, the due date
     * of a loan, the terms of a RetryPossible, what was sent, a note. {@code lastChange} defaults to the timestamp.
     */
    public record SupplierReport(TypeReasonForMessage reasonForMessage, TypeStatus status, Instant lastChange,
                                 TypeYesNo answerYesNo, String note, String reasonUnfilled, Instant dueDate,
                                 Retry retry, Delivery delivery) {

        public SupplierReport {
            Objects.requireNonNull(reasonForMessage, "reasonForMessage");
            Objects.requireNonNull(status, "status");
        }

        public static SupplierReport of(TypeReasonForMessage reasonForMessage, TypeStatus status) {
            return new SupplierReport(reasonForMessage, status, null, null, null, null, null, null, null);
        }

        public SupplierReport lastChange(Instant when) {
            return new SupplierReport(reasonForMessage, status, when, answerYesNo, note, reasonUnfilled, dueDate,
                    retry, delivery);
        }

        public SupplierReport answer(TypeYesNo answer) {
            return new SupplierReport(reasonForMessage, status, lastChange, answer, note, reasonUnfilled, dueDate,
                    retry, delivery);
        }

        public SupplierReport note(String text) {
            return new SupplierReport(reasonForMessage, status, lastChange, answerYesNo, text, reasonUnfilled,
                    dueDate, retry, delivery);
        }

        public SupplierReport reasonUnfilled(String code) {
            return new SupplierReport(reasonForMessage, status, lastChange, answerYesNo, note, code, dueDate, retry,
                    delivery);
        }

        public SupplierReport dueDate(Instant date) {
            return new SupplierReport(reasonForMessage, status, lastChange, answerYesNo, note, reasonUnfilled, date,
                    retry, delivery);
        }

        public SupplierReport retry(Retry terms) {
            return new SupplierReport(reasonForMessage, status, lastChange, answerYesNo, note, reasonUnfilled,
                    dueDate, terms, delivery);
        }

        public SupplierReport delivery(Delivery sent) {
            return new SupplierReport(reasonForMessage, status, lastChange, answerYesNo, note, reasonUnfilled,
                    dueDate, retry, sent);
        }
    }

    /**
     * The terms of a RetryPossible: why (reasonRetry, such as {@code LoanCondition} or {@code CostExceedsMaxCost}),
     * when to retry, the conditions the lender would lend under and what it would cost.
     */
    public record Retry(String reasonRetry, Instant retryAfter, Instant retryBefore, List<String> loanConditions,
                        List<Costs> offeredCosts) {

        public Retry {
            Objects.requireNonNull(reasonRetry, "reasonRetry");
            loanConditions = List.copyOf(loanConditions);
            offeredCosts = List.copyOf(offeredCosts);
        }

        public static Retry because(String reasonRetry) {
            return new Retry(reasonRetry, null, null, List.of(), List.of());
        }

        public Retry between(Instant after, Instant before) {
            return new Retry(reasonRetry, after, before, loanConditions, offeredCosts);
        }

        public Retry loanConditions(List<String> conditions) {
            return new Retry(reasonRetry, retryAfter, retryBefore, conditions, offeredCosts);
        }

        public Retry offeredCosts(List<Costs> costs) {
            return new Retry(reasonRetry, retryAfter, retryBefore, loanConditions, costs);
        }

        private RetryInfo retryInfo() {
            RetryInfo info = new RetryInfo();
            info.getLoanCondition().addAll(codes(loanConditions));
            info.getOfferedCosts().addAll(offeredCosts.stream().map(Costs::typeCosts).toList());
            info.setRetryAfter(retryAfter);
            info.setRetryBefore(retryBefore);
            return info;
        }
    }

    /** What the lender sent and when (deliveryInfo): the items' ids (barcodes) and the conditions of the loan. */
    public record Delivery(Instant dateSent, List<String> itemIds, List<String> loanConditions) {

        public Delivery {
            Objects.requireNonNull(dateSent, "dateSent");
            itemIds = List.copyOf(itemIds);
            loanConditions = List.copyOf(loanConditions);
        }

        private DeliveryInfo deliveryInfo() {
            DeliveryInfo info = new DeliveryInfo();
            info.setDateSent(dateSent);
            info.getItemId().addAll(itemIds);
            info.getLoanCondition().addAll(codes(loanConditions));
            return info;
        }
    }

    /** An amount of money; currency as an ISO 4217 code. */
    public record Costs(BigDecimal monetaryValue, String currencyCode) {

        private TypeCosts typeCosts() {
            TypeCosts costs = new TypeCosts();
            costs.setMonetaryValue(monetaryValue);
            costs.setCurrencyCode(code(currencyCode));
            return costs;
        }
    }

    /**
     * The header every confirmation carries: the ids of the transaction (null for a message too broken to tell
     * them), the timestamp of the message confirmed, when it was received, and OK or, with errors, ERROR.
     */
    public record Confirmation(TransactionIds ids, Instant timestamp, Instant timestampReceived,
                               List<MessageError> errors) {

        public Confirmation {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(timestampReceived, "timestampReceived");
            errors = List.copyOf(errors);
        }

        public static Confirmation ok(TransactionIds ids, Instant timestamp, Instant timestampReceived) {
            return new Confirmation(ids, timestamp, timestampReceived, List.of());
        }

        public static Confirmation error(TransactionIds ids, Instant timestamp, Instant timestampReceived,
                                         MessageError error) {
            return new Confirmation(ids, timestamp, timestampReceived, List.of(error));
        }

        public TypeMessageStatus messageStatus() {
            return errors.isEmpty() ? TypeMessageStatus.OK : TypeMessageStatus.ERROR;
        }

        private ConfirmationHeader header() {
            ConfirmationHeader header = new ConfirmationHeader();
            if (ids != null) {
                header.setSupplyingAgencyId(agencyId(ids.supplyingAgencyId()));
                header.setRequestingAgencyId(agencyId(ids.requestingAgencyId()));
                header.setRequestingAgencyRequestId(ids.requestingAgencyRequestId());
            }
            header.setTimestamp(timestamp);
            header.setTimestampReceived(timestampReceived);
            header.setMessageStatus(messageStatus());
            return header;
        }

        private List<ErrorData> errorData() {
            return errors.stream().map(MessageError::errorData).toList();
        }
    }

    /** Why a message was not accepted (errorData): the ISO 18626 error type and a text naming what is wrong. */
    public record MessageError(TypeErrorType errorType, String errorValue) {

        public MessageError {
            Objects.requireNonNull(errorType, "errorType");
        }

        /** The error to answer a message the codec refused with. */
        public static MessageError of(ReadResult.Rejected rejected) {
            return new MessageError(rejected.errorType(), rejected.text());
        }

        private ErrorData errorData() {
            ErrorData data = new ErrorData();
            data.setErrorType(errorType);
            data.setErrorValue(errorValue);
            return data;
        }
    }
}

package org.openill.application.protocol;

import org.openill.iso18626.v2021.ConfirmationHeader;
import org.openill.iso18626.v2021.ISO18626Message;
import org.openill.iso18626.v2021.TypeAgencyId;

/** Who sent a message to whom, about which transaction, and what it says in a few words, for the protocol log. */
public record MessageSummary(String kind, String text, String sender, String receiver, String receiverType,
                      String requestingAgencyRequestId) {

    public static MessageSummary of(ISO18626Message message) {
        if (message.getRequest() != null) {
            var header = message.getRequest().getHeader();
            var service = message.getRequest().getServiceInfo();
            return new MessageSummary("request", (service == null || service.getRequestType() == null ? "New"
                    : service.getRequestType().value()) + (service == null || service.getServiceType() == null ? ""
                    : " " + service.getServiceType().value()), value(header.getRequestingAgencyId()),
                    value(header.getSupplyingAgencyId()), type(header.getSupplyingAgencyId()),
                    header.getRequestingAgencyRequestId());
        }
        if (message.getSupplyingAgencyMessage() != null) {
            var body = message.getSupplyingAgencyMessage();
            var header = body.getHeader();
            String text = body.getMessageInfo().getReasonForMessage().value() + ": " + body.getStatusInfo().getStatus().value()
                    + (body.getMessageInfo().getAnswerYesNo() == null ? "" : " (" + body.getMessageInfo().getAnswerYesNo().value() + ")");
            return new MessageSummary("supplyingAgencyMessage", text, value(header.getSupplyingAgencyId()),
                    value(header.getRequestingAgencyId()), type(header.getRequestingAgencyId()),
                    header.getRequestingAgencyRequestId());
        }
        if (message.getRequestingAgencyMessage() != null) {
            var body = message.getRequestingAgencyMessage();
            var header = body.getHeader();
            return new MessageSummary("requestingAgencyMessage", body.getAction().value(),
                    value(header.getRequestingAgencyId()), value(header.getSupplyingAgencyId()),
                    type(header.getSupplyingAgencyId()), header.getRequestingAgencyRequestId());
        }
        if (message.getRequestConfirmation() != null) {
            return confirmation("requestConfirmation", message.getRequestConfirmation().getConfirmationHeader(),
                    true, errors(message.getRequestConfirmation().getErrorData()));
        }
        if (message.getSupplyingAgencyMessageConfirmation() != null) {
            return confirmation("supplyingAgencyMessageConfirmation",
                    message.getSupplyingAgencyMessageConfirmation().getConfirmationHeader(), false,
                    errors(message.getSupplyingAgencyMessageConfirmation().getErrorData()));
        }
        if (message.getRequestingAgencyMessageConfirmation() != null) {
            return confirmation("requestingAgencyMessageConfirmation",
                    message.getRequestingAgencyMessageConfirmation().getConfirmationHeader(), true,
                    errors(message.getRequestingAgencyMessageConfirmation().getErrorData()));
        }
        return new MessageSummary("unknown", "unknown", "?", "?", "?", null);
    }

    /** A confirmation goes back from the receiver of the message it confirms: the supplier, or the requester. */
    private static MessageSummary confirmation(String kind, ConfirmationHeader header, boolean fromSupplier,
                                               String errors) {
        String text = header.getMessageStatus().value() + errors;
        TypeAgencyId from = fromSupplier ? header.getSupplyingAgencyId() : header.getRequestingAgencyId();
        TypeAgencyId to = fromSupplier ? header.getRequestingAgencyId() : header.getSupplyingAgencyId();
        return new MessageSummary(kind, text, value(from), value(to), type(to), header.getRequestingAgencyRequestId());
    }

    private static String errors(java.util.List<org.openill.iso18626.v2021.ErrorData> errors) {
        return errors.isEmpty() ? "" : ": " + errors.get(0).getErrorType().value()
                + (errors.get(0).getErrorValue() == null ? "" : " " + errors.get(0).getErrorValue());
    }

    private static String value(TypeAgencyId id) {
        return id == null ? null : id.getAgencyIdValue();
    }

    private static String type(TypeAgencyId id) {
        return id == null || id.getAgencyIdType() == null ? "ISIL" : id.getAgencyIdType().getValue();
    }
}

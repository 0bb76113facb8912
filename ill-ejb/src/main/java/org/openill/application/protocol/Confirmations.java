package org.openill.application.protocol;

import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.infrastructure.iso18626.ReadResult;
import org.openill.iso18626.v2021.ConfirmationHeader;
import org.openill.iso18626.v2021.ErrorData;
import org.openill.iso18626.v2021.ISO18626Message;
import org.openill.iso18626.v2021.TypeMessageStatus;

import java.util.List;
import java.util.stream.Collectors;

/** Reads the confirmation a receiver answered a message with: OK, or ERROR and why. */
final class Confirmations {

    private Confirmations() {
    }

    /** The outcome of a delivery answered with this text: a confirmation (OK or ERROR), or an answer we cannot use. */
    static DeliveryOutcome outcome(String answer) {
        if (!(Iso18626Codec.read(answer) instanceof ReadResult.Accepted accepted)) {
            return new DeliveryOutcome.Undeliverable("The answer is no ISO 18626 confirmation: " + abbreviated(answer));
        }
        return outcome(answer, accepted.message());
    }

    /** The outcome of a delivery answered with this confirmation, already read (or built, by a library hosted here). */
    static DeliveryOutcome outcome(String answer, ISO18626Message message) {
        ConfirmationHeader header;
        List<ErrorData> errors;
        if (message.getRequestConfirmation() != null) {
            header = message.getRequestConfirmation().getConfirmationHeader();
            errors = message.getRequestConfirmation().getErrorData();
        } else if (message.getSupplyingAgencyMessageConfirmation() != null) {
            header = message.getSupplyingAgencyMessageConfirmation().getConfirmationHeader();
            errors = message.getSupplyingAgencyMessageConfirmation().getErrorData();
        } else if (message.getRequestingAgencyMessageConfirmation() != null) {
            header = message.getRequestingAgencyMessageConfirmation().getConfirmationHeader();
            errors = message.getRequestingAgencyMessageConfirmation().getErrorData();
        } else {
            return new DeliveryOutcome.Undeliverable("The answer is a message, not a confirmation: "
                    + java.util.Optional.ofNullable(org.openill.infrastructure.iso18626.MessageKind.of(message))
                    .map(org.openill.infrastructure.iso18626.MessageKind::element).orElse("none of the six"));
        }
        boolean ok = header.getMessageStatus() == TypeMessageStatus.OK;
        String error = ok ? null : errors.stream().map(e -> (e.getErrorType() == null ? "" : e.getErrorType().value())
                + ": " + e.getErrorValue()).collect(Collectors.joining("; "));
        return new DeliveryOutcome.Confirmed(answer, ok, error, MessageSummary.of(message));
    }

    static String abbreviated(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + " ..." : flat;
    }
}

package org.openill.application.protocol;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.openill.domain.IllException;
import org.openill.domain.NotFoundException;
import org.openill.domain.protocol.ReceivedMessage;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.infrastructure.iso18626.Iso18626Messages;
import org.openill.infrastructure.iso18626.Iso18626Messages.Confirmation;
import org.openill.infrastructure.iso18626.Iso18626Messages.MessageError;
import org.openill.infrastructure.iso18626.MessageKind;
import org.openill.infrastructure.iso18626.ReadResult;
import org.openill.iso18626.v2021.ISO18626Message;
import org.openill.iso18626.v2021.TypeErrorType;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where every ISO 18626 message for a library hosted here arrives, from a library of this deployment or from a
 * partner's system: it is read and checked against its schema, applied to the receiving library's record in a
 * transaction of its own ({@link MessageHandler}), and answered with its confirmation. A message that cannot be
 * applied changes nothing and is answered ERROR, saying why; it never fails the sender with an exception.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Iso18626Inbox {

    private static final Logger LOG = Logger.getLogger(Iso18626Inbox.class.getName());

    @EJB
    private MessageHandler handler;

    @EJB
    private ProtocolLog log;

    /** Takes one message as received and returns the confirmation to answer it with. */
    public String receive(String xml) {
        return answer(Iso18626Codec.read(xml), xml).confirmation();
    }

    /**
     * Takes one message as it came over the wire (its XML declaration names its encoding) and answers it.
     *
     * @return the confirmation, and the kind of message it answers (null when not even that could be told)
     */
    public Answer receive(byte[] xml) {
        return answer(Iso18626Codec.read(xml), new String(xml, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The confirmation to send back, and the kind of message it confirms, or null when that could not be told. */
    public record Answer(String confirmation, MessageKind kind) {
    }

    private Answer answer(ReadResult read, String xml) {
        ReadResult.Rejected unread = read instanceof ReadResult.Rejected rejected ? rejected : null;
        String confirmation = confirmation(read, xml);
        if (read instanceof ReadResult.Accepted accepted
                && accepted.version() == org.openill.infrastructure.iso18626.Iso18626Version.V1_2) {
            // answered in the schema the partner spoke
            confirmation = Iso18626Codec.confirmationAsVersion12(confirmation);
        }
        return new Answer(confirmation, unread != null ? unread.kind() : ((ReadResult.Accepted) read).kind());
    }

    private String confirmation(ReadResult read, String xml) {
        Instant received = Instant.now();
        if (read instanceof ReadResult.Rejected rejected) {
            return confirm(rejected.kind(), null, Confirmation.error(null, received, received,
                    MessageError.of(rejected)));
        }
        ISO18626Message message = ((ReadResult.Accepted) read).message();
        MessageKind kind = ((ReadResult.Accepted) read).kind();
        Receiver receiver;
        try {
            receiver = handler.receiverOf(message);
        } catch (IllException unknown) {
            return confirm(kind, message, error(message, received, TypeErrorType.UNRECOGNISED_DATA_VALUE,
                    unknown.getMessage()));
        }
        String identity = ReceivedMessage.identityOf(xml);
        java.util.Optional<String> before = handler.previousAnswer(identity);
        if (before.isPresent()) {
            LOG.fine(() -> "An ISO 18626 " + kind.element() + " received again: answered as before, nothing changed");
            return before.get();
        }
        try {
            return handler.apply(message, xml, received);
        } catch (IllException refused) {
            TypeErrorType type = refused instanceof NotFoundException ? TypeErrorType.UNRECOGNISED_DATA_VALUE
                    : switch (kind) {
                        case REQUESTING_AGENCY_MESSAGE -> TypeErrorType.UNSUPPORTED_ACTION_TYPE;
                        case SUPPLYING_AGENCY_MESSAGE -> TypeErrorType.UNSUPPORTED_REASON_FOR_MESSAGE_TYPE;
                        default -> TypeErrorType.BADLY_FORMED_MESSAGE;
                    };
            LOG.info(() -> "Refused an ISO 18626 " + kind.element() + ": " + refused.getMessage());
            String confirmation = confirm(kind, message, error(message, received, type, refused.getMessage()));
            logRefused(receiver, xml, confirmation);
            return confirmation;
        } catch (RuntimeException failed) {
            java.util.Optional<String> meanwhile = handler.previousAnswer(identity);
            if (meanwhile.isPresent()) {
                return meanwhile.get(); // the same message, delivered twice at once: applied once, the same answer
            }
            LOG.log(Level.WARNING, "An ISO 18626 " + kind.element() + " could not be applied", failed);
            String confirmation = confirm(kind, message, error(message, received,
                    TypeErrorType.BADLY_FORMED_MESSAGE, "The message could not be applied; it changed nothing"));
            logFailed(receiver, xml, confirmation);
            return confirmation;
        }
    }

    private void logFailed(Receiver receiver, String xml, String confirmation) {
        try {
            log.failed(receiver.libraryId(), receiver.requestId(), receiver.supplierRequestId(), xml, confirmation);
        } catch (RuntimeException notLogged) {
            LOG.log(Level.WARNING, "A failed ISO 18626 message could not be logged", notLogged);
        }
    }

    private void logRefused(Receiver receiver, String xml, String confirmation) {
        try {
            log.refused(receiver.libraryId(), receiver.requestId(), receiver.supplierRequestId(), xml, confirmation);
        } catch (RuntimeException notLogged) {
            LOG.log(Level.WARNING, "A refused ISO 18626 message could not be logged", notLogged);
        }
    }

    private static Confirmation error(ISO18626Message message, Instant received, TypeErrorType type, String why) {
        return Confirmation.error(MessageHandler.idsOf(message), MessageHandler.timestampOf(message, received),
                received, new MessageError(type, why));
    }

    /** The confirmation that answers a message of the kind (a request's when not even the kind can be told). */
    static String confirm(MessageKind kind, ISO18626Message message, Confirmation confirmation) {
        ISO18626Message answer;
        if (kind == MessageKind.SUPPLYING_AGENCY_MESSAGE) {
            answer = Iso18626Messages.supplyingAgencyMessageConfirmation(confirmation, message == null ? null
                    : message.getSupplyingAgencyMessage().getMessageInfo().getReasonForMessage());
        } else if (kind == MessageKind.REQUESTING_AGENCY_MESSAGE) {
            answer = Iso18626Messages.requestingAgencyMessageConfirmation(confirmation, message == null ? null
                    : message.getRequestingAgencyMessage().getAction());
        } else {
            answer = Iso18626Messages.requestConfirmation(confirmation);
        }
        return Iso18626Codec.toXml(answer);
    }

    /** The library hosted here a message is for, and its record of the request if it has one yet. */
    record Receiver(Long libraryId, Long requestId, Long supplierRequestId) {
    }
}

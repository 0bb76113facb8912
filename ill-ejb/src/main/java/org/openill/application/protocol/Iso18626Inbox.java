package org.openill.application.protocol;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.openill.domain.IllException;
import org.openill.domain.NotFoundException;
import org.openill.application.PartnerDirectory;
import org.openill.application.PartnerDirectory.Partner;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.PartnerProfile.Deviation;
import org.openill.infrastructure.security.SecretHash;
import org.openill.iso18626.v2021.RequestingAgencyAuthentication;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    @EJB
    private PartnerDirectory directory;

    /** Security codes already checked against the hash they match (PBKDF2 is slow on purpose): hash → code digest. */
    private static final Map<String, String> VERIFIED = new ConcurrentHashMap<>();

    /**
     * Takes one message as received and returns the confirmation to answer it with.
     *
     * @throws TryAgainLater when it could not be applied for a reason of ours: it changed nothing
     */
    public String receive(String xml) {
        return answer(Iso18626Codec.read(xml), xml).confirmation();
    }

    /**
     * Takes messages from libraries hosted here (a transaction's messages, delivered together from this server's
     * outbox, which checked each against the schema when it wrote it: they are not checked again) and applies them
     * all in one transaction; their confirmations, in order. Empty when one of them is not a well-formed 2021 message or
     * could not be applied: then none was, and each is to be received alone (where a refusal is answered ERROR).
     */
    public Optional<java.util.List<MessageHandler.Answered>> receiveTogether(java.util.List<String> xmls) {
        java.util.List<ISO18626Message> messages = new java.util.ArrayList<>();
        for (String xml : xmls) {
            if (!(Iso18626Codec.readOwn(xml) instanceof ReadResult.Accepted accepted)
                    || accepted.version() != org.openill.infrastructure.iso18626.Iso18626Version.V2021) {
                return Optional.empty();
            }
            messages.add(accepted.message());
        }
        try {
            return Optional.of(handler.applyAll(messages, xmls, Instant.now()));
        } catch (RuntimeException oneFailed) {
            LOG.info(() -> "Of " + xmls.size() + " messages received together one could not be applied; each is "
                    + "received alone: " + oneFailed);
            return Optional.empty();
        }
    }

    /**
     * Takes one message as it came over the wire (its XML declaration names its encoding) and answers it.
     *
     * @return the confirmation, and the kind of message it answers (null when not even that could be told)
     * @throws TryAgainLater when it could not be applied for a reason of ours: it changed nothing
     */
    public Answer receive(byte[] xml) {
        return answer(Iso18626Codec.read(xml), new String(xml, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Takes one message from a partner's system (over HTTP) and answers it. The sender must be a library of the
     * network hosted elsewhere, with a partner profile, and present the credentials the profile names: in
     * {@code requestingAgencyAuthentication} (requests and requesting agency messages), or else by HTTP Basic
     * authentication (the only way for a supplying agency message, whose header has no such element). A message from
     * anyone else is answered ERROR and changes nothing. The deviations the sender's profile declares are tolerated.
     *
     * @param basic the HTTP Basic credentials of the request, or null
     * @throws TryAgainLater when it could not be applied for a reason of ours: it changed nothing
     */
    public Answer receiveFromPartner(byte[] xml, PartnerDirectory.Credentials basic) {
        ReadResult read = Iso18626Codec.read(xml);
        Optional<Partner> sender;
        if (read instanceof ReadResult.Accepted accepted) {
            sender = senderOf(accepted.message()).flatMap(directory::partner);
        } else {
            // refused as written: read again tolerating what the sender's profile declares, if it declares anything
            sender = Iso18626Codec.senderOf(xml)
                    .flatMap(agency -> directory.partner(new AgencyId(agency[0], agency[1])));
            Set<Deviation> tolerated = sender.map(Partner::tolerated).orElse(Set.of());
            if (!tolerated.isEmpty()) {
                read = Iso18626Codec.read(xml, new Iso18626Codec.Tolerance(
                        tolerated.contains(Deviation.CODES_IN_ANY_CASE),
                        tolerated.contains(Deviation.UNKNOWN_ELEMENTS_IGNORED)));
            }
        }
        String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        if (read instanceof ReadResult.Accepted accepted) {
            Optional<String> refusal = refusal(accepted, sender, basic);
            if (refusal.isPresent()) {
                Instant received = Instant.now();
                LOG.info(() -> "Refused an ISO 18626 " + accepted.kind().element() + ": " + refusal.get());
                String confirmation = confirm(accepted.kind(), accepted.message(), error(accepted.message(), received,
                        TypeErrorType.UNRECOGNISED_DATA_VALUE, refusal.get()));
                logFailed(receiverOrNone(accepted.message()), text, confirmation);
                return new Answer(accepted.version() == org.openill.infrastructure.iso18626.Iso18626Version.V1_2
                        ? Iso18626Codec.confirmationAsVersion12(confirmation) : confirmation, accepted.kind());
            }
        }
        return answer(read, text);
    }

    /** The agency that sent a message: the requesting one of a request or its messages, else the supplying one. */
    private static Optional<AgencyId> senderOf(ISO18626Message message) {
        var id = message.getRequest() != null ? message.getRequest().getHeader().getRequestingAgencyId()
                : message.getRequestingAgencyMessage() != null
                ? message.getRequestingAgencyMessage().getHeader().getRequestingAgencyId()
                : message.getSupplyingAgencyMessage() != null
                ? message.getSupplyingAgencyMessage().getHeader().getSupplyingAgencyId() : null;
        return id == null || id.getAgencyIdType() == null || id.getAgencyIdValue() == null ? Optional.empty()
                : Optional.of(new AgencyId(id.getAgencyIdType().getValue(), id.getAgencyIdValue()));
    }

    /** Why a message over HTTP is not taken from its sender, or empty when the sender is who it says it is. */
    private Optional<String> refusal(ReadResult.Accepted accepted, Optional<Partner> sender,
                                     PartnerDirectory.Credentials basic) {
        ISO18626Message message = accepted.message();
        if (message.getRequest() == null && message.getRequestingAgencyMessage() == null
                && message.getSupplyingAgencyMessage() == null) {
            return Optional.of("A confirmation is an answer to a message, not a message to send on its own");
        }
        if (sender.isEmpty()) {
            return Optional.of("The sending agency is not a library of this network");
        }
        Partner partner = sender.get();
        if (partner.hosted()) {
            return Optional.of(partner.agency().value() + " is hosted here: its messages do not come over HTTP");
        }
        if (partner.inboundCodeHash() == null) {
            return Optional.of(partner.agency().value() + " has no partner profile naming the credentials it presents");
        }
        RequestingAgencyAuthentication given = message.getRequest() != null
                ? message.getRequest().getHeader().getRequestingAgencyAuthentication()
                : message.getRequestingAgencyMessage() != null
                ? message.getRequestingAgencyMessage().getHeader().getRequestingAgencyAuthentication() : null;
        String accountId = given != null ? given.getAccountId() : basic == null ? null : basic.accountId();
        String code = given != null ? given.getSecurityCode() : basic == null ? null : basic.securityCode();
        if (accountId == null || code == null) {
            return Optional.of("The message from " + partner.agency().value() + " carries no credentials "
                    + "(requestingAgencyAuthentication, or HTTP Basic authentication)");
        }
        if (!accountId.equals(partner.inboundAccountId()) || !verified(code, partner.inboundCodeHash())) {
            return Optional.of("The credentials of " + partner.agency().value()
                    + " (requestingAgencyAuthentication/accountId '" + accountId + "') are not accepted");
        }
        return Optional.empty();
    }

    private static boolean verified(String code, String hash) {
        String digest = ReceivedMessage.identityOf(hash + "\u0000" + code);
        if (digest.equals(VERIFIED.get(hash))) {
            return true;
        }
        if (SecretHash.matches(code, hash)) {
            if (VERIFIED.size() > 10_000) {
                VERIFIED.clear();
            }
            VERIFIED.put(hash, digest);
            return true;
        }
        return false;
    }

    private Receiver receiverOrNone(ISO18626Message message) {
        try {
            return handler.receiverOf(message);
        } catch (RuntimeException unknown) {
            return new Receiver(null, null, null);
        }
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
            String confirmation = confirm(rejected.kind(), null, Confirmation.error(null, received, received,
                    MessageError.of(rejected)));
            logFailed(new Receiver(null, null, null), xml, confirmation); // unattached: no record can be told
            return confirmation;
        }
        ISO18626Message message = ((ReadResult.Accepted) read).message();
        MessageKind kind = ((ReadResult.Accepted) read).kind();
        String identity = ReceivedMessage.identityOf(xml);
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
            logRefused(receiverOrNone(message), xml, confirmation);
            return confirmation;
        } catch (RuntimeException failed) {
            java.util.Optional<String> meanwhile = previousAnswerOrNone(identity);
            if (meanwhile.isPresent()) {
                return meanwhile.get(); // the same message, delivered twice at once: applied once, the same answer
            }
            LOG.log(Level.WARNING, "An ISO 18626 " + kind.element() + " could not be applied; its sender is asked to "
                    + "send it again later", failed);
            logNotApplied(message, xml);
            throw new TryAgainLater("The " + kind.element() + " could not be applied now, for a reason of ours; it "
                    + "changed nothing. Send it again later", failed);
        }
    }

    private java.util.Optional<String> previousAnswerOrNone(String identity) {
        try {
            return handler.previousAnswer(identity);
        } catch (RuntimeException databaseDown) {
            return java.util.Optional.empty();
        }
    }

    private void logNotApplied(ISO18626Message message, String xml) {
        try {
            Receiver receiver = receiverOrNone(message);
            log.notApplied(receiver.libraryId(), receiver.requestId(), receiver.supplierRequestId(), xml);
        } catch (RuntimeException notLogged) {
            LOG.log(Level.WARNING, "An ISO 18626 message that could not be applied could not be logged either",
                    notLogged);
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
        return Iso18626Codec.toXml(confirmation(kind, message, confirmation));
    }

    /** The confirmation message that answers a message of the kind, not yet written. */
    static ISO18626Message confirmation(MessageKind kind, ISO18626Message message, Confirmation confirmation) {
        if (kind == MessageKind.SUPPLYING_AGENCY_MESSAGE) {
            return Iso18626Messages.supplyingAgencyMessageConfirmation(confirmation, message == null ? null
                    : message.getSupplyingAgencyMessage().getMessageInfo().getReasonForMessage());
        }
        if (kind == MessageKind.REQUESTING_AGENCY_MESSAGE) {
            return Iso18626Messages.requestingAgencyMessageConfirmation(confirmation, message == null ? null
                    : message.getRequestingAgencyMessage().getAction());
        }
        return Iso18626Messages.requestConfirmation(confirmation);
    }

    /** The library hosted here a message is for, and its record of the request if it has one yet. */
    record Receiver(Long libraryId, Long requestId, Long supplierRequestId) {
    }
}

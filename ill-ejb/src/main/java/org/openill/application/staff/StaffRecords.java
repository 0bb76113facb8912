package org.openill.application.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.application.BorrowingService;
import org.openill.application.LendingService;
import org.openill.application.protocol.FailedMessages;
import org.openill.domain.NotFoundException;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.lending.SupplierAction;
import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.protocol.OutboundMessage;
import org.openill.domain.protocol.ProtocolMessage;
import org.openill.domain.request.IllRequest;
import org.openill.infrastructure.xml.PrettyXml;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the back office shows of one record beyond its state: the ISO 18626 messages in and out (pretty-printed, with
 * how each outgoing one was delivered), the fees, the lending record's own history; and the notes staff send the
 * partner (an ISO 18626 Notification), and a failed message sent again. Always the caller's library's record.
 */
@Stateless
@RolesAllowed("ILL_STAFF")
public class StaffRecords {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private StaffCaller caller;

    @EJB
    private BorrowingService borrowing;

    @EJB
    private LendingService lending;

    @EJB
    private FailedMessages failedMessages;

    /** One ISO 18626 message of the record: in or out, and for one sent, how its delivery stands. */
    public record MessageLine(long id, String direction, String kind, String summary, String sender, String receiver,
                              Instant at, String xml, Long outboundId, String delivery, int attempts,
                              String lastError) {

        /** A message sent that failed or was refused: staff may send it again. */
        public boolean mayResend() {
            return outboundId != null && ("FAILED".equals(delivery) || "REFUSED".equals(delivery));
        }
    }

    /** One fee of the record: what, how much, who owes whom. */
    public record FeeLine(String kind, BigDecimal amount, String currency, String creditor, String debtor,
                          Instant postedAt) {
    }

    /** The messages of the library's borrowing request, oldest first. */
    public List<MessageLine> borrowingMessages(long requestId) {
        caller.ownRequest(requestId);
        return messages(em.createQuery("SELECT m FROM ProtocolMessage m WHERE m.request.id = :id ORDER BY m.id",
                ProtocolMessage.class).setParameter("id", requestId).getResultList());
    }

    /** The messages of the library's lending record, oldest first. */
    public List<MessageLine> lendingMessages(long recordId) {
        caller.ownLendingRecord(recordId);
        return messages(em.createQuery("SELECT m FROM ProtocolMessage m WHERE m.supplierRequest.id = :id ORDER BY m.id",
                ProtocolMessage.class).setParameter("id", recordId).getResultList());
    }

    private List<MessageLine> messages(List<ProtocolMessage> logged) {
        Map<Long, OutboundMessage> deliveries = new HashMap<>();
        if (!logged.isEmpty()) {
            em.createQuery("SELECT o FROM OutboundMessage o WHERE o.message IN :messages", OutboundMessage.class)
                    .setParameter("messages", logged).getResultList()
                    .forEach(o -> deliveries.put(o.message().id(), o));
        }
        return logged.stream().map(m -> {
            OutboundMessage o = deliveries.get(m.id());
            return new MessageLine(m.id(), m.direction().name(), m.kind(), m.summary(), m.sender(), m.receiver(),
                    m.loggedAt(), PrettyXml.of(m.xml()), o == null ? null : o.id(), o == null ? null : o.state().name(),
                    o == null ? 0 : o.attempts(), o == null ? null : o.lastError());
        }).toList();
    }

    /**
     * The fees of the library's borrowing request: what its lenders charge the library (on their records of the
     * request's transactions) and what the library passed on to its reader.
     */
    public List<FeeLine> borrowingFees(long requestId) {
        IllRequest request = caller.ownRequest(requestId);
        List<FeeLine> fees = new java.util.ArrayList<>(em.createQuery("""
                        SELECT NEW org.openill.application.staff.StaffRecords.FeeLine(CAST(f.kind AS VARCHAR), f.amount,
                               f.currency, c.name, d.name, f.postedAt)
                        FROM FeeCharge f JOIN f.creditor c JOIN f.debtor d JOIN f.request s, RotaEntry e
                        WHERE e.request.id = :id AND s.requestingAgencyRequestId = e.requestingAgencyRequestId
                          AND s.lender = e.lender AND d = :library ORDER BY f.id""", FeeLine.class)
                .setParameter("id", requestId).setParameter("library", request.borrower()).getResultList());
        fees.addAll(em.createQuery("""
                        SELECT NEW org.openill.application.staff.StaffRecords.FeeLine(CAST(f.kind AS VARCHAR), f.amount,
                               f.currency, b.name, CONCAT(rd.firstName, ' ', rd.lastName), f.postedAt)
                        FROM ReaderCharge f JOIN f.reader rd JOIN rd.homeLibrary b
                        WHERE f.request.id = :id ORDER BY f.id""", FeeLine.class)
                .setParameter("id", requestId).getResultList());
        return fees;
    }

    /** The fees of the library's lending record. */
    public List<FeeLine> lendingFees(long recordId) {
        caller.ownLendingRecord(recordId);
        return em.createQuery("""
                        SELECT NEW org.openill.application.staff.StaffRecords.FeeLine(CAST(f.kind AS VARCHAR), f.amount,
                               f.currency, c.name, d.name, f.postedAt)
                        FROM FeeCharge f JOIN f.creditor c JOIN f.debtor d
                        WHERE f.request.id = :id ORDER BY f.id""", FeeLine.class)
                .setParameter("id", recordId).getResultList();
    }

    /**
     * The partner agreement the library's borrowing request goes under with its present lender, in a line (its number,
     * parties, status and main terms), or null while no lender has it.
     */
    public String borrowingAgreement(long requestId) {
        IllRequest request = caller.ownRequest(requestId);
        return request.currentAgreement().map(a -> "#" + a.id() + " · " + a.lender().agencyId().value()
                + (a.isReciprocal() ? " ⇄ " : " → ") + a.borrower().agencyId().value() + " · " + a.status() + " · "
                + a.loanPeriodDays() + " days, " + a.maxRenewals() + " renewal(s), fees " + a.feePerLoan() + " / "
                + a.feePerCopy() + " " + a.currency()).orElse(null);
    }

    /** Sends the lender of the library's borrowing request a note (an ISO 18626 Notification). */
    public void noteToLender(long requestId, String note) {
        caller.ownRequest(requestId);
        borrowing.notifyLender(caller.account().actor(), requestId, note);
    }

    /** Sends the borrowing library of the library's lending record a note (an ISO 18626 Notification). */
    public void noteToBorrower(long recordId, String note) {
        caller.ownLendingRecord(recordId);
        lending.notifyBorrower(caller.account().actor(), recordId, note);
    }

    /**
     * Sends a failed message of the library's again.
     *
     * @throws NotFoundException when it is not a message the library sent
     */
    public void resend(long outboundId) {
        OutboundMessage message = em.find(OutboundMessage.class, outboundId);
        if (message == null || !message.sender().equals(caller.account().library())) {
            throw new NotFoundException("Your library sent no message #" + outboundId);
        }
        failedMessages.resend(caller.account().actor(), outboundId);
    }

    // ---- the lending record ----

    /** One line of a lending record's history. */
    public record EventLine(Instant at, String actor, String action, String from, String to, String message,
                            String note) {
    }

    /** Everything about one of the library's lending records. */
    public record LendingDetails(long id, long version, SupplierState state, String requester, String requesterName,
                                 String requesterRequestId, String patron, String title, String authors,
                                 String isbn, String serviceType, String part, String conditions,
                                 BigDecimal offeredCost, String offeredCurrency, LocalDate dueDate, int renewals,
                                 boolean renewalPending, Instant borrowerReceivedAt, String reason,
                                 String suppliedBarcode, String agreement, Set<SupplierAction> allowedActions,
                                 List<EventLine> history) {

        public boolean may(String action) {
            return allowedActions.contains(SupplierAction.valueOf(action));
        }
    }

    public LendingDetails lendingRecord(long recordId) {
        SupplierRequest record = caller.ownLendingRecord(recordId);
        List<EventLine> history = em.createQuery("""
                        SELECT NEW org.openill.application.staff.StaffRecords.EventLine(e.occurredAt, e.actor,
                               CAST(e.action AS VARCHAR), CAST(e.fromState AS VARCHAR), CAST(e.toState AS VARCHAR),
                               e.message, e.note)
                        FROM SupplierEvent e WHERE e.request.id = :id ORDER BY e.occurredAt, e.id""",
                        EventLine.class).setParameter("id", recordId).getResultList();
        var description = record.description();
        PartnerAgreement agreement = record.agreement().orElse(null);
        return new LendingDetails(record.id(), record.version(), record.state(), record.requestingAgency().value(),
                record.borrower() == null ? null : record.borrower().name(), record.requestingAgencyRequestId(),
                record.patron(), description.title(), description.authors(), description.isbn(),
                record.serviceType().name(), description.partTitle() == null ? null
                : description.partTitle() + (description.pages() == null ? "" : ", " + description.pages()),
                record.conditionSet().stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(", ")),
                record.offeredCost(), record.offeredCurrency(), record.dueDate(),
                record.renewals(), record.renewalPending(), record.borrowerReceivedAt(), record.reason(),
                record.suppliedHolding() == null ? null : record.suppliedHolding().barcode(),
                agreement == null ? null : "#" + agreement.id() + " · " + agreement.status(),
                record.actionsNow(), history);
    }
}

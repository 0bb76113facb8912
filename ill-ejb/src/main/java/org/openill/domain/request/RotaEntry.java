package org.openill.domain.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.openill.domain.Text;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.library.Library;

import java.time.Instant;

/** One lender in the rota of a request, in the order it is asked, with what it answered. */
@Entity
@Table(name = "rota_entry")
@SequenceGenerator(name = "rota_entry_seq", sequenceName = "rota_entry_seq", allocationSize = 50)
public class RotaEntry {

    public static final int REASON_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rota_entry_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private IllRequest request;

    @Column(nullable = false)
    private int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lender_id")
    private Library lender;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agreement_id")
    private PartnerAgreement agreement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private RotaEntryStatus status;

    @Column(length = REASON_LENGTH)
    private String reason;

    @Column(name = "asked_at")
    private Instant askedAt;

    /** The deadline of the step expected next while this lender has the request: an answer, the supply, a decision. */
    @Column(name = "answer_due_at")
    private Instant answerDueAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    /** The id of the ISO 18626 transaction with this lender: a new one for each time the request is sent. */
    @Column(name = "requesting_agency_request_id", length = 100)
    private String requestingAgencyRequestId;

    /** The lender's own id of the transaction, from its first message. */
    @Column(name = "supplying_agency_request_id", length = 100)
    private String supplyingAgencyRequestId;

    /** How many times the request was sent to this lender (a first time, and each retry). */
    @Column(nullable = false)
    private int sends;

    protected RotaEntry() {
        // for JPA
    }

    /**
     * Why this lender cannot be asked now (its agreement or its membership changed, or it is closed), or null when it
     * can.
     */
    String whyNotAskable(java.time.LocalDate day, ServiceType service) {
        java.util.Optional<String> closed = lender.notReceivingOn(day);
        if (closed.isPresent()) {
            return closed.get();
        }
        if (!agreement.isInForceOn(day) || !agreement.allows(service)) {
            return agreement.termBrokenBy(service, day, 0);
        }
        return null;
    }

    RotaEntry(IllRequest request, int position, PartnerAgreement agreement) {
        this.request = request;
        this.position = position;
        this.lender = agreement.lenderFor(request.borrower());
        this.agreement = agreement;
        this.status = RotaEntryStatus.WAITING;
    }

    void asked(Instant when, String requestId) {
        this.status = RotaEntryStatus.ASKED;
        this.askedAt = when;
        this.answerDueAt = when.plus(agreement.responseTime());
        this.requestingAgencyRequestId = requestId;
        this.sends++;
    }

    /** Sent to the same lender again (a retry): a new transaction id, and the response time again. */
    void askedAgain(Instant when, String requestId) {
        this.requestingAgencyRequestId = requestId;
        this.sends++;
        this.answerDueAt = when.plus(agreement.responseTime());
    }

    void supplierId(String id) {
        if (id != null && !id.isBlank()) {
            this.supplyingAgencyRequestId = org.openill.domain.Text.cut(id.strip(), 100);
        }
    }

    void answered(RotaEntryStatus outcome, String reason, Instant when) {
        this.status = outcome;
        this.reason = Text.cut(reason, REASON_LENGTH);
        this.answerDueAt = null;
        if (this.answeredAt == null && outcome != RotaEntryStatus.SKIPPED) {
            this.answeredAt = when;
        }
    }

    /**
     * The lender answered (expect to supply, will supply, conditions ...): the next step (its firm answer, the
     * shipment, the borrowing office's decision on the conditions) is due within the agreement's response time.
     */
    void responded(Instant when) {
        if (this.answeredAt == null) {
            this.answeredAt = when;
        }
        nextStepDue(when);
    }

    /** Whoever must act next on this lender's answer has the agreement's response time from the instant. */
    void nextStepDue(Instant when) {
        this.answerDueAt = when.plus(agreement.responseTime());
    }

    /**
     * The lender cannot supply now but may later, or on conditions: the borrowing library may send the request again
     * until the lender's retry-before, else within the agreement's response time.
     */
    void retryLater(Instant when, Instant retryBefore) {
        if (this.answeredAt == null) {
            this.answeredAt = when;
        }
        this.answerDueAt = retryBefore != null && retryBefore.isAfter(when) ? retryBefore
                : when.plus(agreement.responseTime());
    }

    public int position() {
        return position;
    }

    public Library lender() {
        return lender;
    }

    public PartnerAgreement agreement() {
        return agreement;
    }

    public RotaEntryStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public Instant answerDueAt() {
        return answerDueAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String requestingAgencyRequestId() {
        return requestingAgencyRequestId;
    }

    public String supplyingAgencyRequestId() {
        return supplyingAgencyRequestId;
    }

    public int sends() {
        return sends;
    }

    public IllRequest request() {
        return request;
    }
}

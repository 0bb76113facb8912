package org.openill.domain.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.library.Library;
import org.openill.domain.library.Location;
import org.openill.domain.request.ServiceType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;

/**
 * The terms under which one library (the lender) supplies another (the borrower): which services, how long a loan
 * lasts, how many items may be outstanding, what it costs, and how fast the lender must answer. A reciprocal
 * agreement applies in both directions. Collections in reference rooms are always excluded; others can be too.
 */
@Entity
@Table(name = "partner_agreement")
@SequenceGenerator(name = "partner_agreement_seq", sequenceName = "partner_agreement_seq", allocationSize = 50)
public class PartnerAgreement {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_agreement_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lender_id")
    private Library lender;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "borrower_id")
    private Library borrower;

    @Column(nullable = false)
    private boolean reciprocal;

    @Column(name = "loans_allowed", nullable = false)
    private boolean loansAllowed;

    @Column(name = "copies_allowed", nullable = false)
    private boolean copiesAllowed;

    @Column(name = "loan_period_days", nullable = false)
    private int loanPeriodDays;

    @Column(name = "max_renewals", nullable = false)
    private int maxRenewals;

    @Column(name = "max_outstanding", nullable = false)
    private int maxOutstanding;

    @Column(name = "fee_per_loan", nullable = false, precision = 12, scale = 2)
    private BigDecimal feePerLoan;

    @Column(name = "fee_per_copy", nullable = false, precision = 12, scale = 2)
    private BigDecimal feePerCopy;

    @Column(name = "replacement_fee", nullable = false, precision = 12, scale = 2)
    private BigDecimal replacementFee;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AgreementStatus status;

    @Column(nullable = false)
    private int priority;

    @Column(name = "response_time_hours", nullable = false)
    private int responseTimeHours;

    @ManyToMany
    @JoinTable(name = "agreement_excluded_location", joinColumns = @JoinColumn(name = "agreement_id"),
            inverseJoinColumns = @JoinColumn(name = "location_id"))
    private Set<Location> excludedLocations = new HashSet<>();

    @Version
    private long version;

    protected PartnerAgreement() {
        // for JPA
    }

    public PartnerAgreement(Library lender, Library borrower, boolean reciprocal, LocalDate validFrom) {
        if (lender == null || borrower == null) {
            throw new IllRuleViolation("A partner agreement needs a lender and a borrower");
        }
        if (lender.agencyId().equals(borrower.agencyId())) {
            throw new IllRuleViolation("A library cannot have a partner agreement with itself");
        }
        this.lender = lender;
        this.borrower = borrower;
        this.reciprocal = reciprocal;
        this.validFrom = validFrom;
        this.status = AgreementStatus.DRAFT;
        this.loansAllowed = true;
        this.copiesAllowed = true;
        this.loanPeriodDays = 28;
        this.maxRenewals = 1;
        this.maxOutstanding = 50;
        this.feePerLoan = BigDecimal.ZERO.setScale(2);
        this.feePerCopy = BigDecimal.ZERO.setScale(2);
        this.replacementFee = BigDecimal.ZERO.setScale(2);
        this.currency = "EUR";
        this.priority = 100;
        this.responseTimeHours = 48;
    }

    /** Sets the services the lender supplies and the loan terms. */
    public PartnerAgreement withServices(boolean loans, boolean copies, int loanPeriodDays, int maxRenewals,
                                         int maxOutstanding) {
        if (!loans && !copies) {
            throw new IllRuleViolation("A partner agreement must allow loans, copies, or both");
        }
        if (loanPeriodDays < 1 || maxRenewals < 0 || maxOutstanding < 1) {
            throw new IllRuleViolation("Loan period and outstanding items must be positive, renewals not negative");
        }
        this.loansAllowed = loans;
        this.copiesAllowed = copies;
        this.loanPeriodDays = loanPeriodDays;
        this.maxRenewals = maxRenewals;
        this.maxOutstanding = maxOutstanding;
        return this;
    }

    /** Sets the fees the borrower pays per filled request; zero for free lending. */
    public PartnerAgreement withFees(BigDecimal perLoan, BigDecimal perCopy, Currency currency) {
        if (perLoan.signum() < 0 || perCopy.signum() < 0) {
            throw new IllRuleViolation("Fees cannot be negative");
        }
        this.feePerLoan = perLoan.setScale(2, java.math.RoundingMode.HALF_UP);
        this.feePerCopy = perCopy.setScale(2, java.math.RoundingMode.HALF_UP);
        this.currency = currency.getCurrencyCode();
        return this;
    }

    /** Sets what the borrower pays when an item lent under this agreement is lost. */
    public PartnerAgreement withReplacementFee(BigDecimal fee) {
        if (fee.signum() < 0) {
            throw new IllRuleViolation("A replacement fee cannot be negative");
        }
        this.replacementFee = fee.setScale(2, java.math.RoundingMode.HALF_UP);
        return this;
    }

    /** Keeps a collection of the lender out of this agreement (reference rooms are out anyway). */
    public void excludeCollection(Location location) {
        excludedLocations.add(location);
    }

    public PartnerAgreement validUntil(LocalDate until) {
        if (until != null && until.isBefore(validFrom)) {
            throw new IllRuleViolation("An agreement cannot end before it starts");
        }
        this.validUntil = until;
        return this;
    }

    /** Sets where this lender stands in the rota (lower first) and how long it has to answer a request. */
    public PartnerAgreement withRouting(int priority, Duration responseTime) {
        this.priority = priority;
        this.responseTimeHours = (int) Math.max(1, responseTime.toHours());
        return this;
    }

    public void activate() {
        if (status == AgreementStatus.EXPIRED) {
            throw new IllRuleViolation("An expired agreement cannot be activated again; make a new one");
        }
        this.status = AgreementStatus.ACTIVE;
    }

    public void suspend() {
        if (status != AgreementStatus.ACTIVE) {
            throw new IllRuleViolation("Only an active agreement can be suspended; this one is " + status);
        }
        this.status = AgreementStatus.SUSPENDED;
    }

    /**
     * Extends the agreement to a later last day: one in force or suspended keeps its status; an expired one is in
     * force again until then. A draft is activated, not renewed, and an open-ended one needs no renewal.
     */
    public void renewUntil(LocalDate until, LocalDate today) {
        if (status == AgreementStatus.DRAFT) {
            throw new IllRuleViolation("A draft agreement is activated, not renewed").says("renewDraft");
        }
        if (validUntil == null) {
            throw new IllRuleViolation("This agreement has no end date: it needs no renewal").says("renewOpenEnded");
        }
        if (until == null || !until.isAfter(validUntil) || !until.isAfter(today)) {
            throw new IllRuleViolation("A renewal runs to a day after the agreement's present end (" + validUntil
                    + ") and after today").says("renewTooEarly", validUntil.toString());
        }
        this.validUntil = until;
        if (status == AgreementStatus.EXPIRED) {
            this.status = AgreementStatus.ACTIVE;
        }
    }

    public boolean allowsLoans() {
        return loansAllowed;
    }

    public boolean allowsCopies() {
        return copiesAllowed;
    }

    public void expire() {
        this.status = AgreementStatus.EXPIRED;
    }

    /** True when this agreement lets the given library borrow (from the other party). */
    public boolean letsBorrow(Library library) {
        return borrower.agencyId().equals(library.agencyId()) || reciprocal && lender.agencyId().equals(library.agencyId());
    }

    /** The library that lends to the given borrower under this agreement. */
    public Library lenderFor(Library borrowing) {
        if (borrower.agencyId().equals(borrowing.agencyId())) {
            return lender;
        }
        if (reciprocal && lender.agencyId().equals(borrowing.agencyId())) {
            return borrower;
        }
        throw new IllRuleViolation("The agreement between " + lender.agencyId().value() + " and "
                + borrower.agencyId().value() + " does not let " + borrowing.agencyId().value() + " borrow");
    }

    public boolean allows(ServiceType service) {
        return switch (service) {
            case LOAN -> loansAllowed;
            case COPY -> copiesAllowed;
            case COPY_OR_LOAN -> loansAllowed || copiesAllowed;
        };
    }

    public boolean isInForceOn(LocalDate day) {
        return status == AgreementStatus.ACTIVE && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    public boolean covers(Location location) {
        return !location.type().isReferenceRoom() && !excludedLocations.contains(location);
    }

    /**
     * The term of this agreement that a request would break, in words, or null when it keeps to all of them.
     *
     * @param outstanding requests of the borrower already with this lender (asked or on loan)
     */
    public String termBrokenBy(ServiceType service, LocalDate day, long outstanding) {
        String parties = lender.agencyId().value() + (reciprocal ? " ⇄ " : " → ") + borrower.agencyId().value();
        if (status != AgreementStatus.ACTIVE) {
            return "the agreement " + parties + " is " + status.name().toLowerCase();
        }
        if (day.isBefore(validFrom) || validUntil != null && day.isAfter(validUntil)) {
            return "the agreement " + parties + " is valid from " + validFrom + (validUntil == null ? "" : " to " + validUntil);
        }
        if (!allows(service)) {
            return "the agreement " + parties + " does not allow " + service.iso18626().toLowerCase() + "s";
        }
        if (outstanding >= maxOutstanding) {
            return "the agreement " + parties + " allows at most " + maxOutstanding + " items outstanding, and "
                    + outstanding + " are";
        }
        return null;
    }

    /** The fee the borrower owes the lender for a filled request of this service. */
    public BigDecimal fee(ServiceType service) {
        return service == ServiceType.COPY ? feePerCopy : feePerLoan;
    }

    public Duration responseTime() {
        return Duration.ofHours(responseTimeHours);
    }

    public int loanPeriodDays() {
        return loanPeriodDays;
    }

    public int maxRenewals() {
        return maxRenewals;
    }

    public int maxOutstanding() {
        return maxOutstanding;
    }

    public int priority() {
        return priority;
    }

    public BigDecimal replacementFee() {
        return replacementFee;
    }

    public BigDecimal feePerCopy() {
        return feePerCopy;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Library lender() {
        return lender;
    }

    public Library borrower() {
        return borrower;
    }

    public boolean isReciprocal() {
        return reciprocal;
    }

    public AgreementStatus status() {
        return status;
    }

    public BigDecimal feePerLoan() {
        return feePerLoan;
    }

    public String currency() {
        return currency;
    }
}

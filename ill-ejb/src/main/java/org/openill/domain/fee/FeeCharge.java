package org.openill.domain.fee;

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
import org.openill.domain.library.Library;
import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.IllRuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;

/**
 * A line of the fees ledger: the lending library charges the borrowing one for a request, on its own record of it. Posted once, never changed;
 * a correction is a new line.
 */
@Entity
@Table(name = "fee_charge")
@SequenceGenerator(name = "fee_charge_seq", sequenceName = "fee_charge_seq", allocationSize = 50)
public class FeeCharge {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fee_charge_seq")
    private Long id;

    /** The lending library's record of the request the lender charges for. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "supplier_request_id", updatable = false)
    private SupplierRequest request;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "creditor_id", updatable = false)
    private Library creditor;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "debtor_id", updatable = false)
    private Library debtor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private FeeKind kind;

    @Column(nullable = false, precision = 12, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    protected FeeCharge() {
        // for JPA
    }

    public FeeCharge(SupplierRequest request, Library creditor, Library debtor, FeeKind kind, BigDecimal amount,
                     Currency currency, Instant postedAt) {
        if (amount.signum() <= 0) {
            throw new IllRuleViolation("A charge must be a positive amount");
        }
        this.request = request;
        this.creditor = creditor;
        this.debtor = debtor;
        this.kind = kind;
        this.amount = amount.setScale(2, RoundingMode.HALF_UP);
        this.currency = currency.getCurrencyCode();
        this.postedAt = postedAt;
    }

    public FeeKind kind() {
        return kind;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public Instant postedAt() {
        return postedAt;
    }
}

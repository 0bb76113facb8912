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
import org.openill.domain.reader.Reader;
import org.openill.domain.request.IllRequest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A fee the borrowing library passes on to its reader, for readers whose category pays ILL fees (external readers,
 * for instance). Posted once, never changed.
 */
@Entity
@Table(name = "reader_charge")
@SequenceGenerator(name = "reader_charge_seq", sequenceName = "reader_charge_seq", allocationSize = 50)
public class ReaderCharge {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reader_charge_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reader_id", updatable = false)
    private Reader reader;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id", updatable = false)
    private IllRequest request;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private FeeKind kind;

    @Column(nullable = false, precision = 12, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    protected ReaderCharge() {
        // for JPA
    }

    /** What the lender charges the borrowing library for the request, passed on to the reader who applied. */
    public ReaderCharge(IllRequest request, FeeKind kind, BigDecimal amount, java.util.Currency currency,
                        Instant postedAt) {
        this.reader = request.reader();
        this.request = request;
        this.kind = kind;
        this.amount = amount.setScale(2, java.math.RoundingMode.HALF_UP);
        this.currency = currency.getCurrencyCode();
        this.postedAt = postedAt;
    }
}

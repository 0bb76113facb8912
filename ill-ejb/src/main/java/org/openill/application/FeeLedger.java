package org.openill.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Text;
import org.openill.domain.fee.FeeCharge;
import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.fee.FeeKind;
import org.openill.domain.fee.ReaderCharge;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.reader.Reader;
import org.openill.domain.request.IllRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** The fees libraries owe each other for interlibrary loans, and the balance between any two of them. */
@Stateless
public class FeeLedger {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    /** Posts the lender's charge to the borrowing library on its record of the request; nothing for a zero amount. */
    public void charge(SupplierRequest request, FeeKind kind, BigDecimal amount, String currency, Instant when) {
        if (amount != null && amount.signum() > 0) {
            em.persist(new FeeCharge(request, request.lender(), request.borrower(), kind, amount,
                    Currency.getInstance(currency), when));
        }
    }

    /**
     * The borrowing library passes a charge of the lender on to the reader who applied, when the reader's category
     * pays ILL fees; nothing for a zero amount.
     */
    public void passOnToReader(IllRequest request, FeeKind kind, BigDecimal amount, String currency, Instant when) {
        if (amount != null && amount.signum() > 0 && request.reader().category().paysFees()) {
            em.persist(new ReaderCharge(request, kind, amount, Currency.getInstance(currency), when));
        }
    }

    /** What a reader owes their library for interlibrary loans, per currency. */
    public List<ReaderBalance> readerBalance(String libraryIsil, String cardNumber) {
        List<Object[]> rows = em.createQuery("""
                SELECT c.currency, SUM(c.amount) FROM ReaderCharge c
                WHERE c.reader.homeLibrary.agencyId.value = :isil AND c.reader.cardNumber = :card
                GROUP BY c.currency ORDER BY c.currency""", Object[].class)
                .setParameter("isil", AgencyId.lookupValue(libraryIsil))
                .setParameter("card", Text.optional("library card number", cardNumber, Reader.CARD_NUMBER_LENGTH))
                .getResultList();
        return rows.stream().map(row -> new ReaderBalance((BigDecimal) row[1], (String) row[0])).toList();
    }

    /** An amount a reader owes, in one currency. */
    public record ReaderBalance(BigDecimal amount, String currency) {
    }

    /**
     * What one library owes the other, per currency: positive amounts are owed by {@code debtorIsil} to
     * {@code creditorIsil}, negative ones the other way round.
     */
    public List<Balance> balance(String creditorIsil, String debtorIsil) {
        List<Object[]> rows = em.createQuery("""
                SELECT f.currency,
                       SUM(CASE WHEN f.creditor.agencyId.value = :a THEN f.amount ELSE -f.amount END)
                FROM FeeCharge f
                WHERE (f.creditor.agencyId.value = :a AND f.debtor.agencyId.value = :b)
                   OR (f.creditor.agencyId.value = :b AND f.debtor.agencyId.value = :a)
                GROUP BY f.currency ORDER BY f.currency""", Object[].class)
                .setParameter("a", AgencyId.lookupValue(creditorIsil)).setParameter("b", AgencyId.lookupValue(debtorIsil))
                .getResultList();
        return rows.stream().map(row -> new Balance(creditorIsil, debtorIsil, (BigDecimal) row[1], (String) row[0])).toList();
    }

    /** How much {@code debtorIsil} owes {@code creditorIsil} in one currency (negative: it is owed). */
    public record Balance(String creditorIsil, String debtorIsil, BigDecimal amount, String currency) {
    }
}

package org.openill.application;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The terms of a partner agreement as the ILL offices negotiate them.
 *
 * @param priority          where the lender stands in rotas (lower is asked first)
 * @param responseTimeHours how long the lender has to answer a request
 * @param validUntil        last day of the agreement, or null for open-ended
 */
public record AgreementTerms(boolean loans, boolean copies, int loanPeriodDays, int maxRenewals, int maxOutstanding,
                             BigDecimal feePerLoan, BigDecimal feePerCopy, BigDecimal replacementFee, String currency,
                             int priority, int responseTimeHours, LocalDate validUntil) {

    /** Free reciprocal lending of loans and copies: 28 days, one renewal, 50 items, answer within 48 hours. */
    public static AgreementTerms freeLending(int priority) {
        return new AgreementTerms(true, true, 28, 1, 50, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "EUR",
                priority, 48, null);
    }

    /** The terms in a line, as the agreement's history shows each version. */
    @Override
    public String toString() {
        return (loans && copies ? "loans and copies" : loans ? "loans" : copies ? "copies" : "no service")
                + ", " + loanPeriodDays + " days, " + maxRenewals + " renewal(s), at most " + maxOutstanding
                + " outstanding, fees " + feePerLoan + " a loan / " + feePerCopy + " a copy " + currency
                + " (replacement " + replacementFee + "), priority " + priority + ", answer within "
                + responseTimeHours + " h, " + (validUntil == null ? "open-ended" : "until " + validUntil);
    }
}

package org.openill.application;

import org.openill.domain.agreement.AgreementStatus;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One partner agreement as listed for the ILL office. */
public record AgreementSummary(long id, long version, String lenderIsil, String borrowerIsil, boolean reciprocal,
                               AgreementStatus status, boolean loans, boolean copies, int loanPeriodDays,
                               int maxOutstanding, BigDecimal feePerLoan, BigDecimal feePerCopy, String currency,
                               int priority, LocalDate validFrom, LocalDate validUntil) {
}

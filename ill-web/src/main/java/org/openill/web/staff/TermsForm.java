package org.openill.web.staff;

import org.openill.application.AgreementTerms;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The terms of a partner agreement as typed in the back office's form, read into {@link AgreementTerms}. */
public class TermsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean loans = true;
    private boolean copies = true;
    private Integer loanPeriodDays = 28;
    private Integer maxRenewals = 1;
    private Integer maxOutstanding = 50;
    private BigDecimal feePerLoan = BigDecimal.ZERO;
    private BigDecimal feePerCopy = BigDecimal.ZERO;
    private BigDecimal replacementFee = BigDecimal.ZERO;
    private String currency = "EUR";
    private Integer priority = 1;
    private Integer responseTimeHours = 48;
    private LocalDate validUntil;

    public static TermsForm of(AgreementTerms terms) {
        TermsForm form = new TermsForm();
        form.loans = terms.loans();
        form.copies = terms.copies();
        form.loanPeriodDays = terms.loanPeriodDays();
        form.maxRenewals = terms.maxRenewals();
        form.maxOutstanding = terms.maxOutstanding();
        form.feePerLoan = terms.feePerLoan();
        form.feePerCopy = terms.feePerCopy();
        form.replacementFee = terms.replacementFee();
        form.currency = terms.currency();
        form.priority = terms.priority();
        form.responseTimeHours = terms.responseTimeHours();
        form.validUntil = terms.validUntil();
        return form;
    }

    public AgreementTerms terms() {
        return new AgreementTerms(loans, copies, loanPeriodDays, maxRenewals, maxOutstanding, feePerLoan, feePerCopy,
                replacementFee, currency == null ? null : currency.strip().toUpperCase(java.util.Locale.ROOT),
                priority, responseTimeHours, validUntil);
    }

    public boolean isLoans() {
        return loans;
    }

    public void setLoans(boolean loans) {
        this.loans = loans;
    }

    public boolean isCopies() {
        return copies;
    }

    public void setCopies(boolean copies) {
        this.copies = copies;
    }

    public Integer getLoanPeriodDays() {
        return loanPeriodDays;
    }

    public void setLoanPeriodDays(Integer loanPeriodDays) {
        this.loanPeriodDays = loanPeriodDays;
    }

    public Integer getMaxRenewals() {
        return maxRenewals;
    }

    public void setMaxRenewals(Integer maxRenewals) {
        this.maxRenewals = maxRenewals;
    }

    public Integer getMaxOutstanding() {
        return maxOutstanding;
    }

    public void setMaxOutstanding(Integer maxOutstanding) {
        this.maxOutstanding = maxOutstanding;
    }

    public BigDecimal getFeePerLoan() {
        return feePerLoan;
    }

    public void setFeePerLoan(BigDecimal feePerLoan) {
        this.feePerLoan = feePerLoan;
    }

    public BigDecimal getFeePerCopy() {
        return feePerCopy;
    }

    public void setFeePerCopy(BigDecimal feePerCopy) {
        this.feePerCopy = feePerCopy;
    }

    public BigDecimal getReplacementFee() {
        return replacementFee;
    }

    public void setReplacementFee(BigDecimal replacementFee) {
        this.replacementFee = replacementFee;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public Integer getResponseTimeHours() {
        return responseTimeHours;
    }

    public void setResponseTimeHours(Integer responseTimeHours) {
        this.responseTimeHours = responseTimeHours;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
    }
}

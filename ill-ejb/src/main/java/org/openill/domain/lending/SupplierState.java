package org.openill.domain.lending;

/**
 * Where the lending library's record of a request stands (the supplier side of ISO 18626). Each state names the
 * ISO 18626:2021 status the lender reports in it.
 */
public enum SupplierState {
    NEW("RequestReceived"),
    EXPECT_TO_SUPPLY("ExpectToSupply"),
    WILL_SUPPLY("WillSupply"),
    RETRY_POSSIBLE("RetryPossible"),
    LOANED("Loaned"),
    OVERDUE("Overdue"),
    RECALLED("Recalled"),
    HOLD_RETURN("HoldReturn"),
    RETURN_SHIPPED("Loaned"),
    SHIPPED_FORWARD("Loaned"),
    LOAN_COMPLETED("LoanCompleted"),
    COPY_COMPLETED("CopyCompleted"),
    COMPLETED_WITHOUT_RETURN("CompletedWithoutReturn"),
    UNFILLED("Unfilled"),
    CANCELLED("Cancelled");

    private final String iso18626;

    SupplierState(String iso18626) {
        this.iso18626 = iso18626;
    }

    /** The ISO 18626 status the lender reports in this state. */
    public String iso18626() {
        return iso18626;
    }

    public boolean isFinal() {
        return this == LOAN_COMPLETED || this == COPY_COMPLETED || this == COMPLETED_WITHOUT_RETURN
                || this == UNFILLED || this == CANCELLED;
    }

    /** The lender still has to answer or supply: its inbox. */
    public boolean isToAnswer() {
        return this == NEW || this == EXPECT_TO_SUPPLY || this == WILL_SUPPLY;
    }

    /** The lender's item is away from its shelf. */
    public boolean isItemOut() {
        return this == LOANED || this == OVERDUE || this == RECALLED || this == HOLD_RETURN || this == RETURN_SHIPPED
                || this == SHIPPED_FORWARD;
    }
}

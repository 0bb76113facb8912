package org.openill.domain.lending;

/**
 * Everything that can happen to the lending library's record of a request: the steps of its ILL office and its clock
 * (each told to the borrower in a supplying agency message), and what the borrower's requesting agency messages ask
 * or report.
 */
public enum SupplierAction {
    RECEIVE_REQUEST("receive the request"),
    RECEIVE_RETRY("receive the request again (retry)"),
    RECEIVE_REMINDER("receive a reminder"),
    ANSWER_EXPECT_TO_SUPPLY("answer expect to supply"),
    ANSWER_WILL_SUPPLY("answer will supply"),
    ANSWER_RETRY_POSSIBLE("answer retry possible"),
    ANSWER_UNFILLED("answer unfilled"),
    SHIP_LOAN("ship the loan"),
    DELIVER_COPY("deliver the copy"),
    CANCEL_YES("cancel at the borrower's request"),
    BORROWER_RECEIVED("note that the borrower received the item"),
    RENEWAL_ASKED("receive a renewal request"),
    RENEW_YES("renew the loan"),
    RENEW_NO("refuse the renewal"),
    MARK_OVERDUE("mark overdue"),
    RECALL("recall the item"),
    PUT_RETURN_ON_HOLD("hold the return"),
    RELEASE_HOLD_RETURN("release the hold on the return"),
    BORROWER_SHIPPED_RETURN("note that the borrower shipped the item back"),
    BORROWER_SHIPPED_FORWARD("note that the borrower shipped the item forward"),
    CHECK_IN("check the returned item in"),
    BORROWER_LOST("note that the borrower lost the item"),
    COMPLETE_WITHOUT_RETURN("complete without return"),
    /** A status request, a notification or an answer that changes no state: a line in the history only. */
    NOTE("note a message");

    private final String words;

    SupplierAction(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}

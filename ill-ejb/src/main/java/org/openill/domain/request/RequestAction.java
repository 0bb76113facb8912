package org.openill.domain.request;

/**
 * Everything that can happen to the borrowing library's record of a request: the steps of its reader, its ILL office
 * and its clock (each sent to the lender as an ISO 18626 request or requesting agency message where the lender must
 * hear of it), and what the lender's supplying agency messages report.
 */
public enum RequestAction {
    SUBMIT("submit"),
    VALIDATE("validate"),
    SEND_TO_LENDER("send to a lender"),
    EXHAUST_ROTA("close as unfilled (no lender left)"),
    ANSWER_EXPECT_TO_SUPPLY("answer expect to supply"),
    ANSWER_WILL_SUPPLY("answer will supply"),
    PROPOSE_CONDITIONS("answer with conditions"),
    ACCEPT_CONDITIONS("accept the conditions"),
    ASK_READER_CONSENT("ask the reader to accept the conditions"),
    DECLINE_CONDITIONS("decline the conditions"),
    READER_ACCEPTS_CONDITIONS("accept the conditions as the reader"),
    READER_DECLINES_CONDITIONS("decline the conditions as the reader"),
    ANSWER_RETRY_POSSIBLE("answer retry possible"),
    LENDER_UNFILLED("answer unfilled"),
    NO_ANSWER("move on after the deadline"),
    SKIP_LENDER("move on to the next lender"),
    SEND_RETRY("send the request again (retry)"),
    SEND_REMINDER("remind the lender"),
    SHIP_LOAN("ship the loan"),
    DELIVER_COPY("deliver the copy"),
    RECEIVE("receive the item"),
    CHECK_OUT("lend the item to the reader"),
    CHECK_IN_FROM_READER("take the item back from the reader"),
    REQUEST_RENEWAL("ask for a renewal"),
    APPROVE_RENEWAL("approve the renewal"),
    DENY_RENEWAL("deny the renewal"),
    MARK_OVERDUE("mark overdue"),
    RECALL("recall the item"),
    SHIP_BACK("ship the item back"),
    SHIP_FORWARD("ship the item forward to another library"),
    HOLD_RETURN("hold the return"),
    LENDER_HOLDS_RETURN("hold the return at the lender's request"),
    RELEASE_HOLD_RETURN("release the hold on the return"),
    LENDER_COMPLETES_LOAN("complete the loan (the lender has the item back)"),
    LENDER_ENDS_WITHOUT_RETURN("complete without return"),
    REPORT_LOST("report the item lost"),
    CANCEL("cancel"),
    CANCEL_ACCEPTED("accept the cancellation"),
    CANCEL_REFUSED("refuse the cancellation"),
    /** A status report, a notification or an answer that changes no state: a line in the history only. */
    NOTE("note a message");

    private final String words;

    RequestAction(String words) {
        this.words = words;
    }

    /** The action in the words of the ILL office, for messages. */
    public String words() {
        return words;
    }
}

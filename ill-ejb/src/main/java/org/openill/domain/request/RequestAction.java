package org.openill.domain.request;

/** Everything that can happen to an interlibrary loan request, by the reader, either ILL office or the clock. */
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
    SHIP_LOAN("ship the loan"),
    DELIVER_COPY("deliver the copy"),
    RECEIVE("receive the item"),
    REQUEST_RENEWAL("ask for a renewal"),
    APPROVE_RENEWAL("approve the renewal"),
    DENY_RENEWAL("deny the renewal"),
    MARK_OVERDUE("mark overdue"),
    RECALL("recall the item"),
    SHIP_BACK("ship the item back"),
    CHECK_IN("check the returned item in"),
    REPORT_LOST("report the item lost"),
    CANCEL("cancel");

    private final String words;

    RequestAction(String words) {
        this.words = words;
    }

    /** The action in the words of the ILL office, for messages. */
    public String words() {
        return words;
    }
}

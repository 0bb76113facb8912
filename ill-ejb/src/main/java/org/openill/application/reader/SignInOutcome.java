package org.openill.application.reader;

import java.util.List;

/** What came of a reader's attempt to sign in to the portal. */
public sealed interface SignInOutcome {

    /**
     * Signed in: the caller's name for the rest of the session ({@link ReaderPrincipal}) and the reader's name.
     */
    record SignedIn(String principal, String readerName) implements SignInOutcome {
    }

    /**
     * Refused: why, in English, and the values a page shows in the reader's language with the message of the reason
     * (an unknown card and a wrong PIN get the same answer).
     */
    record Refused(Why why, String text, List<String> values) implements SignInOutcome {
    }

    /** Why a sign-in was refused; the values of each, in order. */
    enum Why {
        /** No values. */
        WRONG_CARD_OR_PIN,
        /** Values: the time (HH:mm, the library's time zone) until which the card cannot sign in. */
        LOCKED,
        /** A wrong PIN, and the card is locked now. Values: until when (HH:mm). */
        WRONG_AND_NOW_LOCKED,
        /** Values: the card number, the reason the library gave. */
        BLOCKED,
        /** Values: the card number, today, the first and last day of its validity. */
        CARD_NOT_VALID,
        /** A staff account: unknown user name or wrong password. No values. */
        WRONG_USER_OR_PASSWORD,
        /** A staff account that was closed. No values. */
        ACCOUNT_CLOSED
    }
}

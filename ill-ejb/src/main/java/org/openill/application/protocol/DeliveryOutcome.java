package org.openill.application.protocol;

/** What came of one attempt to deliver a message. */
public sealed interface DeliveryOutcome {

    /** The receiver answered with its confirmation: OK, or ERROR (refused, not to be sent again blindly). */
    record Confirmed(String confirmation, boolean ok, String error, MessageSummary summary) implements DeliveryOutcome {
    }

    /** The receiver could not be reached, was too slow or failed on its side: try again later. */
    record Unreachable(String why) implements DeliveryOutcome {
    }

    /** The message cannot be delivered as it is (no such partner, no usable profile, refused by HTTP 4xx). */
    record Undeliverable(String why) implements DeliveryOutcome {
    }
}

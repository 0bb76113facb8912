package org.openill.infrastructure.iso18626;

import org.openill.iso18626.v2021.ISO18626Message;

/** The six kinds of ISO 18626 message, named by the element under {@code ISO18626Message}. */
public enum MessageKind {
    REQUEST("request"),
    REQUEST_CONFIRMATION("requestConfirmation"),
    SUPPLYING_AGENCY_MESSAGE("supplyingAgencyMessage"),
    SUPPLYING_AGENCY_MESSAGE_CONFIRMATION("supplyingAgencyMessageConfirmation"),
    REQUESTING_AGENCY_MESSAGE("requestingAgencyMessage"),
    REQUESTING_AGENCY_MESSAGE_CONFIRMATION("requestingAgencyMessageConfirmation");

    private final String element;

    MessageKind(String element) {
        this.element = element;
    }

    /** The element name, as the standard spells it. */
    public String element() {
        return element;
    }

    /** The kind of message an element under {@code ISO18626Message} starts, or null if it starts none. */
    static MessageKind ofElement(String localName) {
        for (MessageKind kind : values()) {
            if (kind.element.equals(localName)) {
                return kind;
            }
        }
        return null;
    }

    /** The kind of the message, or null when it holds none of the six. */
    public static MessageKind of(ISO18626Message message) {
        if (message.getRequest() != null) {
            return REQUEST;
        }
        if (message.getRequestConfirmation() != null) {
            return REQUEST_CONFIRMATION;
        }
        if (message.getSupplyingAgencyMessage() != null) {
            return SUPPLYING_AGENCY_MESSAGE;
        }
        if (message.getSupplyingAgencyMessageConfirmation() != null) {
            return SUPPLYING_AGENCY_MESSAGE_CONFIRMATION;
        }
        if (message.getRequestingAgencyMessage() != null) {
            return REQUESTING_AGENCY_MESSAGE;
        }
        if (message.getRequestingAgencyMessageConfirmation() != null) {
            return REQUESTING_AGENCY_MESSAGE_CONFIRMATION;
        }
        return null;
    }
}

package org.openill.infrastructure.iso18626;

import org.openill.iso18626.v2021.ISO18626Message;
import org.openill.iso18626.v2021.TypeErrorType;

/** What {@link Iso18626Codec#read(byte[])} made of an incoming document: a valid message, or why not. */
public sealed interface ReadResult permits ReadResult.Accepted, ReadResult.Rejected {

    /**
     * A message valid against the schema of {@code version}. A 1.2 message comes converted to the 2021 classes; its
     * {@code ill:version} then reads 2021-2, and {@code version} tells what the partner sent.
     */
    record Accepted(ISO18626Message message, MessageKind kind, Iso18626Version version) implements ReadResult {
    }

    /**
     * A document that is no valid ISO 18626 message.
     *
     * @param fault   what is wrong, which gives the ISO 18626 {@code errorType} to answer with
     * @param kind    the kind of message it meant to be, or null when not even that can be told
     * @param element the element at fault, as a path below {@code ISO18626Message} (for example
     *                {@code supplyingAgencyMessage/statusInfo/status}), or null
     * @param value   the value at fault, or null
     * @param text    a sentence naming the element and the value, fit to return as the {@code errorValue}
     */
    record Rejected(Fault fault, MessageKind kind, String element, String value, String text) implements ReadResult {

        /**
         * The ISO 18626 errorType to answer with: an unknown action or reasonForMessage has its own type in the
         * standard (UnsupportedActionType, UnsupportedReasonForMessageType); any other unknown value is an
         * UnrecognisedDataValue.
         */
        public TypeErrorType errorType() {
            if (fault == Fault.UNRECOGNISED_VALUE && element != null) {
                if (element.equals("action") || element.endsWith("/action")) {
                    return TypeErrorType.UNSUPPORTED_ACTION_TYPE;
                }
                if (element.endsWith("reasonForMessage")) {
                    return TypeErrorType.UNSUPPORTED_REASON_FOR_MESSAGE_TYPE;
                }
            }
            return fault.errorType;
        }
    }

    /** Why a document is no valid message, from "not XML at all" to "one value the standard does not know". */
    enum Fault {
        /** Not well-formed XML, or XML with a document type declaration (which we refuse). */
        NOT_WELL_FORMED(TypeErrorType.BADLY_FORMED_MESSAGE),
        /** XML, but not an ISO18626Message holding one of the six kinds of message. */
        NOT_AN_ISO18626_MESSAGE(TypeErrorType.BADLY_FORMED_MESSAGE),
        /** An element the schema does not allow where it stands (unknown, or out of place). */
        UNRECOGNISED_ELEMENT(TypeErrorType.UNRECOGNISED_DATA_ELEMENT),
        /** A required element or attribute is missing. */
        MISSING_ELEMENT(TypeErrorType.BADLY_FORMED_MESSAGE),
        /** A value outside the schema's type: an unknown code, a malformed date, a number that is not one. */
        UNRECOGNISED_VALUE(TypeErrorType.UNRECOGNISED_DATA_VALUE);

        private final TypeErrorType errorType;

        Fault(TypeErrorType errorType) {
            this.errorType = errorType;
        }

        public TypeErrorType errorType() {
            return errorType;
        }
    }
}

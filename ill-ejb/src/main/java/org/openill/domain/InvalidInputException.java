package org.openill.domain;

/**
 * A text someone sent cannot be stored as it is: too long for what the library system keeps, or holding a character
 * that cannot be stored. Names the field, so that a page can show the message next to it.
 */
public class InvalidInputException extends IllRuleViolation {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field as the person filling it in knows it, e.g. "first name". */
    public String field() {
        return field;
    }
}

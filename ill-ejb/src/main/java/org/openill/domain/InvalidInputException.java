package org.openill.domain;

/**
 * Something someone sent cannot be taken as it is: a text too long for what the library system keeps or holding a
 * character that cannot be stored, a number out of range. Names the field, so that a page can show the message next
 * to it (an API answers 400).
 */
public class InvalidInputException extends IllException {

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

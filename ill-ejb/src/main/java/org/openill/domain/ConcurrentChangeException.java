package org.openill.domain;

/** Someone else changed the same thing since it was read; the caller should reload it and decide again. */
public class ConcurrentChangeException extends IllRuleViolation {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}

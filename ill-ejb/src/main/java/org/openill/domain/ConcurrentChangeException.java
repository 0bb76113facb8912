package org.openill.domain;

/**
 * Someone else changed the same thing since it was read, or is changing it right now; the caller should reload it and
 * decide again (an API answers 409). Not a broken rule: the same step may well succeed on the fresh state.
 */
public class ConcurrentChangeException extends IllException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}

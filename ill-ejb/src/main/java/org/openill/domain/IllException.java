package org.openill.domain;

/**
 * Something asked of the ILL services cannot be done, for a reason the person asking can understand and act on. The
 * four kinds are kept apart so that a page can show the message and an API can answer without reading it:
 * {@link NotFoundException} (404), {@link IllRuleViolation} (422), {@link ConcurrentChangeException} (409),
 * {@link InvalidInputException} (400). Declared an application exception in ejb-jar.xml: each reaches the caller as
 * it is and rolls the transaction back, so nothing half-done is stored.
 */
public abstract class IllException extends RuntimeException {

    protected IllException(String message) {
        super(message);
    }
}

package org.openill.domain;

/**
 * A rule of interlibrary loan refused what was asked; the message says which rule and why, in words an ILL office or
 * a reader understands. Declared an application exception in ejb-jar.xml: it reaches the caller as it is and rolls the
 * transaction back, so nothing half-done is stored.
 */
public class IllRuleViolation extends RuntimeException {

    public IllRuleViolation(String message) {
        super(message);
    }
}

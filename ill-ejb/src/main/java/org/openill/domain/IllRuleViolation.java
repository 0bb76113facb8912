package org.openill.domain;

/**
 * A rule of interlibrary loan refused what was asked; the message says which rule and why, in words an ILL office or
 * a reader understands (an API answers 422).
 */
public class IllRuleViolation extends IllException {

    public IllRuleViolation(String message) {
        super(message);
    }
}

package org.openill.domain;

/** What was asked for is not there: no such request, library (agency id), library card, record, item or agreement. */
public class NotFoundException extends IllException {

    public NotFoundException(String message) {
        super(message);
    }
}

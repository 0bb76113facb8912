package org.openill.domain.reader;

/** Whether a reader may use the ILL service now. */
public enum ReaderStatus {
    ACTIVE,
    BLOCKED,
    EXPIRED
}

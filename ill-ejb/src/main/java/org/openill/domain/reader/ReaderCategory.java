package org.openill.domain.reader;

/** The kind of reader; it sets how many ILL requests the reader may have open and which services apply. */
public enum ReaderCategory {
    UNDERGRADUATE,
    POSTGRADUATE,
    FACULTY,
    STAFF,
    EXTERNAL
}

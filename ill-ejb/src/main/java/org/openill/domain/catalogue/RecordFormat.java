package org.openill.domain.catalogue;

/** The form of a bibliographic record: books are lent, journals supply copies of articles. */
public enum RecordFormat {
    BOOK,
    JOURNAL,
    THESIS,
    MAP,
    SCORE,
    AUDIOVISUAL
}

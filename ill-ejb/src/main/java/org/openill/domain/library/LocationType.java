package org.openill.domain.library;

/** What kind of collection a location is. Reference rooms of colleges and departments never lend through ILL. */
public enum LocationType {
    OPEN_SHELVES,
    CLOSED_STACKS,
    SPECIAL_COLLECTIONS,
    COLLEGE_REFERENCE_ROOM,
    DEPARTMENT_REFERENCE_ROOM;

    public boolean isReferenceRoom() {
        return this == COLLEGE_REFERENCE_ROOM || this == DEPARTMENT_REFERENCE_ROOM;
    }
}

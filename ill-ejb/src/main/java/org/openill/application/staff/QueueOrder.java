package org.openill.application.staff;

/** The order of a queue: by request number or by the last change, newest or oldest first (the id breaks ties). */
public record QueueOrder(boolean byLastChange, boolean descending) {

    public static final QueueOrder NEWEST_FIRST = new QueueOrder(false, true);

    /** The same order the other way round: to read a page backwards, or the last page from the end. */
    public QueueOrder reversed() {
        return new QueueOrder(byLastChange, !descending);
    }
}

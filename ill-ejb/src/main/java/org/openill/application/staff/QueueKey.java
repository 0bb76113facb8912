package org.openill.application.staff;

import java.time.Instant;

/** Where a row stands in a queue's order: its last change and its id. Pages continue after or before it. */
public record QueueKey(Instant lastChange, long id) {

    public static QueueKey of(QueueLine line) {
        return new QueueKey(line.lastChange(), line.id());
    }
}

package org.openill.application.staff;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of a queue. {@code reader} is the reader's card number (borrowing) or the patron the partner named
 * (lending); {@code partner} the lender (borrowing) or the requesting library (lending); {@code state} the name of the
 * borrowing request's or the lending record's state.
 */
public record QueueLine(long id, String title, String reader, String partner, String state, Instant lastChange,
                        LocalDate dueDate, String serviceType, LocalDate neededBefore) {
}

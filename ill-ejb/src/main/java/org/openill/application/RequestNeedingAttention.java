package org.openill.application;


import java.time.Instant;

/**
 * A request the clock failed on again and again and left to staff, with the reason, for their list of work: the
 * borrowing library's request, or the lending library's own record of one (the clock marks loans overdue on that).
 * The state is that of the record, of either side.
 */
public record RequestNeedingAttention(long requestId, long version, String title, String state,
                                      String borrowerIsil, String lenderIsil, String reason, Instant since) {
}

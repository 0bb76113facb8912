package org.openill.application;

import org.openill.domain.request.RequestState;

import java.time.Instant;

/** A request the clock failed on again and again and left to staff, with the reason, for their list of work. */
public record RequestNeedingAttention(long requestId, long version, String title, RequestState state,
                                      String borrowerIsil, String lenderIsil, String reason, Instant since) {
}

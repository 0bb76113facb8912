package org.openill.domain.request;

import java.util.Comparator;
import java.util.List;

/**
 * Orders the lenders of a rota: by the priority the partner agreements give them, then the best fill rate, then the
 * fastest turnaround, then the fewest requests in hand (spreading load over lenders), then by agency id so that the
 * order is always the same for the same facts. Fill rates count in steps of 10 points and turnaround in steps of
 * 12 hours: lenders about as good as each other share the load instead of the marginally better one taking it all.
 */
public final class RotaPlanner {

    static final Comparator<LenderCandidate> ORDER = Comparator
            .comparingInt((LenderCandidate candidate) -> candidate.agreement().priority())
            .thenComparing(Comparator.comparingLong((LenderCandidate candidate) -> Math.round(candidate.fillRate() * 10))
                    .reversed())
            .thenComparingLong(candidate -> (long) (candidate.turnaroundHours() / 12))
            .thenComparingLong(LenderCandidate::openRequests)
            .thenComparing(candidate -> candidate.lender().agencyId().value());

    private RotaPlanner() {
    }

    public static List<LenderCandidate> order(List<LenderCandidate> candidates) {
        return candidates.stream().sorted(ORDER).toList();
    }
}

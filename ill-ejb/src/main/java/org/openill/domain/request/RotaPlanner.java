package org.openill.domain.request;

import java.util.Comparator;
import java.util.List;

/**
 * Orders the lenders of a rota: by the priority the partner agreements give them, then the best fill rate, then the
 * fastest turnaround, then the fewest requests in hand (spreading load over lenders), then by agency id so that the
 * order is always the same for the same facts.
 */
public final class RotaPlanner {

    static final Comparator<LenderCandidate> ORDER = Comparator
            .comparingInt((LenderCandidate candidate) -> candidate.agreement().priority())
            .thenComparing(Comparator.comparingDouble(LenderCandidate::fillRate).reversed())
            .thenComparingDouble(LenderCandidate::turnaroundHours)
            .thenComparingLong(LenderCandidate::openRequests)
            .thenComparing(candidate -> candidate.lender().agencyId().value());

    private RotaPlanner() {
    }

    public static List<LenderCandidate> order(List<LenderCandidate> candidates) {
        return candidates.stream().sorted(ORDER).toList();
    }
}

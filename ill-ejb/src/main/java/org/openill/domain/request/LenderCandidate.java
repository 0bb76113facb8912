package org.openill.domain.request;

import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.library.Library;

/**
 * A library that can supply a request under an agreement, with what its past says about it: how often it filled
 * requests, how fast it answered, and how many requests it has in hand now.
 *
 * @param fillRate        share of requests it was asked and supplied, 0 to 1 (0.5 when it has no history yet)
 * @param turnaroundHours average hours from being asked to answering
 * @param openRequests    requests waiting for its answer now
 */
public record LenderCandidate(PartnerAgreement agreement, Library lender, double fillRate, double turnaroundHours,
                              long openRequests) {
}

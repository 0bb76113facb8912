package org.openill.application;

import org.openill.domain.library.LibraryStatus;

/** One library of the network, with counts of its branches, collections and holdings. */
public record LibrarySummary(String agencyIdType, String agencyIdValue, String name, LibraryStatus status,
                             long branches, long locations, long holdings) {

    public String agencyId() {
        return agencyIdType + ":" + agencyIdValue;
    }
}

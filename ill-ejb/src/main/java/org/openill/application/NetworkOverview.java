package org.openill.application;

import java.util.List;

/** What the network holds at a glance: its libraries and the size of the union catalogue. */
public record NetworkOverview(List<LibrarySummary> libraries, long records, long holdings) {
}

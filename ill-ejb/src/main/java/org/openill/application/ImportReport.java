package org.openill.application;

import java.util.List;

/**
 * What an import of catalogue records did: how many works it added to the union catalogue, how many it updated, how
 * many copies it added to the library's holdings, and which records (or copies) it skipped and why.
 */
public record ImportReport(int created, int updated, int holdings, List<SkippedRecord> skipped) {

    public ImportReport {
        skipped = List.copyOf(skipped);
    }

    /** The outcome in one line, e.g. "3 created, 1 updated, 2 skipped" (and the copies added, when any). */
    public String summary() {
        return created + " created, " + updated + " updated, " + (holdings == 0 ? "" : holdings + " copies added, ")
                + skipped.size() + " skipped";
    }
}

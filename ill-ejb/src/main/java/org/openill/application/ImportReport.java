package org.openill.application;

import java.util.List;

/**
 * What an import of catalogue records did: how many works it added to the union catalogue, how many it updated, and
 * which records it skipped and why.
 */
public record ImportReport(int created, int updated, List<SkippedRecord> skipped) {

    public ImportReport {
        skipped = List.copyOf(skipped);
    }

    /** The outcome in one line, e.g. "3 created, 1 updated, 2 skipped". */
    public String summary() {
        return created + " created, " + updated + " updated, " + skipped.size() + " skipped";
    }
}

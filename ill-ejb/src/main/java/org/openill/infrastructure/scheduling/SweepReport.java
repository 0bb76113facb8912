package org.openill.infrastructure.scheduling;

import java.util.List;

/**
 * What one sweep of the clock did: the requests it moved on, those it failed on, and those of them it now leaves to
 * staff; or why it did not run.
 *
 * @param notRunBecause null when the sweep ran
 */
public record SweepReport(LendingClock.Sweep sweep, String notRunBecause, List<Long> done, List<Long> failed,
                          List<Long> leftToStaff) {

    static SweepReport notRun(LendingClock.Sweep sweep, String because) {
        return new SweepReport(sweep, because, List.of(), List.of(), List.of());
    }

    public boolean ran() {
        return notRunBecause == null;
    }

    /** One line for the log and for operators. */
    public String summary() {
        if (!ran()) {
            return "Sweep for " + sweep.what() + " not run: " + notRunBecause;
        }
        String line = "Sweep for " + sweep.what() + ": " + done.size() + " " + sweep.done();
        if (!failed.isEmpty()) {
            line += "; failed on request(s) " + numbers(failed);
        }
        if (!leftToStaff.isEmpty()) {
            line += "; left to staff after repeated failures: " + numbers(leftToStaff);
        }
        return line;
    }

    boolean worthLogging() {
        return !ran() || !done.isEmpty() || !failed.isEmpty();
    }

    private static String numbers(List<Long> ids) {
        return String.join(", ", ids.stream().map(id -> "#" + id).toList());
    }
}

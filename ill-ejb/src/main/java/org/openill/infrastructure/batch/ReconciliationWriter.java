package org.openill.infrastructure.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Does a reconciliation step ({@code kind}) to the records of a chunk: in few transactions where the step can
 * (reminders of loans due soon; loans marked overdue), else, or when one of those fails, each in its own. Doing it again
 * changes nothing (the services check the record's state and dates), so a chunk replayed after a crash counts no
 * record twice. A record that fails costs no other; an overdue marking that fails is recorded as the clock records
 * its failures (left to staff after failing again and again) and cleared once it succeeds.
 */
@Named
@Dependent
public class ReconciliationWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(ReconciliationWriter.class.getName());

    @Inject
    @BatchProperty
    String kind;

    @Inject
    @BatchProperty
    String asOf;

    @EJB
    ReconciliationWork work;

    @Override
    public void writeItems(List<Object> items) {
        ReconciliationStep step = ReconciliationStep.named(kind);
        Instant at = Instant.parse(asOf);
        List<Long> ids = items.stream().map(item -> (Long) item).toList();
        Set<Long> failing = step.failureStep() == null ? Set.of() : work.failing();
        if (!step.together()) {
            oneByOne(step, ids, at, failing);
            return;
        }
        try {
            step.actOnAll(work, ids, at);
        } catch (RuntimeException failed) {
            LOG.warning(() -> "Loan reconciliation (" + kind + ") failed on " + ids.size()
                    + " records done together; they are done one by one: " + failed);
            oneByOne(step, ids, at, failing);
            return;
        }
        ids.stream().filter(failing::contains).forEach(work::forgetFailures);
    }

    private void oneByOne(ReconciliationStep step, List<Long> ids, Instant at, Set<Long> failing) {
        for (long id : ids) {
            try {
                step.act(work, id, at);
            } catch (RuntimeException failed) {
                LOG.warning(() -> "Loan reconciliation (" + kind + ") failed on #" + id + ": " + failed);
                if (step.failureStep() != null) {
                    try {
                        work.recordFailure(id, step.failureStep(), org.openill.application.ClockWork.describe(failed), at);
                    } catch (RuntimeException notRecorded) {
                        LOG.warning(() -> "The failure on #" + id + " could not be recorded: " + notRecorded);
                    }
                }
                continue;
            }
            if (failing.contains(id)) {
                work.forgetFailures(id);
            }
        }
    }
}

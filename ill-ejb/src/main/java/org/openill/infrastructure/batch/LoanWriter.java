package org.openill.infrastructure.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.openill.domain.request.RequestAction;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Does a reconciliation step for each loan of a chunk, each in its own transaction: marks it overdue ("overdue") or
 * reminds its reader ("due-soon"). Doing it again changes nothing (the services check the loan's state and date), so
 * a chunk replayed after a crash counts no loan twice. A loan that fails is recorded as the clock records it (left to
 * staff after failing again and again) and costs no other loan.
 */
@Named
@Dependent
public class LoanWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(LoanWriter.class.getName());

    @Inject
    @BatchProperty
    String kind;

    @Inject
    @BatchProperty
    String asOf;

    @Inject
    StepContext step;

    @EJB
    ReconciliationWork work;

    @Override
    public void writeItems(List<Object> items) {
        Instant at = Instant.parse(asOf);
        int changed = 0;
        for (Object item : items) {
            long id = (Long) item;
            try {
                if ("due-soon".equals(kind) ? work.remindDueSoon(id, at) : work.markOverdue(id, at)) {
                    changed++;
                }
            } catch (RuntimeException failed) {
                LOG.warning(() -> "Loan reconciliation (" + kind + ") failed on #" + id + ": " + failed);
                try {
                    work.recordFailure(id, "due-soon".equals(kind) ? RequestAction.NOTE : RequestAction.MARK_OVERDUE,
                            String.valueOf(failed), at);
                } catch (RuntimeException notRecorded) {
                    LOG.warning(() -> "The failure on #" + id + " could not be recorded: " + notRecorded);
                }
            }
        }
        Changed total = step.getTransientUserData() instanceof Changed known ? known : new Changed();
        total.count += changed;
        step.setTransientUserData(total);
    }

    /** How many loans this partition changed (the rest were already as they should be). */
    static final class Changed {
        int count;
    }
}

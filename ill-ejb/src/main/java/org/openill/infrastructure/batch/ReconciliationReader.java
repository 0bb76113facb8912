package org.openill.infrastructure.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the ids of the records of one library a reconciliation step looks at ({@code kind}: a
 * {@link ReconciliationStep}), by id, a page at a time. Its checkpoint is the last id handed out: a restarted
 * partition reads on after it, so no record is looked at twice or skipped.
 */
@Named
@Dependent
public class ReconciliationReader extends AbstractItemReader {

    static final int PAGE = 2000;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ReconciliationReader.class.getName());

    @Inject
    @BatchProperty
    String kind;

    @Inject
    @BatchProperty
    String libraryId;

    @Inject
    @BatchProperty
    String asOf;

    @EJB
    ReconciliationWork work;

    private ReconciliationStep step;
    private long library;
    private Instant at;
    private long last;
    private final Deque<Long> page = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        step = ReconciliationStep.named(kind);
        library = Long.parseLong(libraryId);
        at = Instant.parse(asOf);
        last = checkpoint == null ? 0 : (Long) checkpoint;
        if (checkpoint != null) {
            LOG.info(() -> "Loan reconciliation (" + kind + ") of library " + library + " goes on after #" + last
                    + ", its last checkpoint");
        }
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<Long> next = step.candidates(work, library, at, last, PAGE);
            page.addAll(next);
            exhausted = next.size() < PAGE;
        }
        Long id = page.poll();
        if (id != null) {
            last = id;
        }
        return id;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}

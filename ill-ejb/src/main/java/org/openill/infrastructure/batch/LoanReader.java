package org.openill.infrastructure.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the ids of one library's loans a reconciliation step looks at ({@code kind}: "overdue" or "due-soon"), by id,
 * a page at a time. Its checkpoint is the last id handed out: a restarted partition reads on after it, so no loan is
 * looked at twice or skipped.
 */
@Named
@Dependent
public class LoanReader extends AbstractItemReader {

    static final int PAGE = 1000;

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

    private long last;
    private final Deque<Long> page = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? 0 : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            long library = Long.parseLong(libraryId);
            Instant at = Instant.parse(asOf);
            List<Long> next = "due-soon".equals(kind) ? work.loansMaybeDueSoon(library, at, last, PAGE)
                    : work.loansMaybePastDue(library, at, last, PAGE);
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

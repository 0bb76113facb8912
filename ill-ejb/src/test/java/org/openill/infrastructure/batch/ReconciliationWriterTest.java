package org.openill.infrastructure.batch;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the reconciliation writes a chunk: in one transaction where the step can, else (or if that fails) one by one. */
class ReconciliationWriterTest {

    private final List<String> calls = new ArrayList<>();

    /** The job's work, recording its calls; record 3 always fails. */
    private final ReconciliationWork work = new ReconciliationWork() {
        @Override
        public int remindDueSoon(List<Long> requestIds, Instant asOf) {
            calls.add("all " + requestIds);
            if (requestIds.contains(3L)) {
                throw new IllegalStateException("record 3 cannot be read");
            }
            return requestIds.size();
        }

        @Override
        public boolean remindDueSoon(long requestId, Instant asOf) {
            return one(requestId);
        }

        @Override
        public int markOverdue(List<Long> recordIds, Instant asOf) {
            calls.add("all " + recordIds);
            if (recordIds.contains(3L)) {
                throw new IllegalStateException("record 3 cannot be read");
            }
            return recordIds.size();
        }

        @Override
        public boolean markOverdue(long recordId, Instant asOf) {
            return one(recordId);
        }

        @Override
        public Set<Long> failing() {
            return Set.of(2L);
        }

        @Override
        public void forgetFailures(long requestId) {
            calls.add("failures of " + requestId + " forgotten");
        }

        @Override
        public void recordFailure(long requestId, org.openill.domain.request.RequestAction step, String error, Instant when) {
            calls.add("failure of " + requestId + " recorded as " + step);
        }

        private boolean one(long id) {
            calls.add("one " + id);
            if (id == 3) {
                throw new IllegalStateException("record 3 cannot be read");
            }
            return true;
        }
    };

    private ReconciliationWriter writer(String kind) {
        ReconciliationWriter writer = new ReconciliationWriter();
        writer.kind = kind;
        writer.asOf = "2026-11-29T01:00:00Z";
        writer.work = work;
        return writer;
    }

    @Test
    void dueSoonRemindersOfAChunkAreOneTransactionAndWhenItFailsEachRecordIsDoneAloneAndTheFailingOneCostsNoOther() {
        ReconciliationWriter writer = writer("due-soon");
        writer.writeItems(List.of(1L, 2L));
        assertEquals(List.of("all [1, 2]"), calls);

        calls.clear();
        writer.writeItems(List.of(3L, 4L, 5L));
        assertEquals(List.of("all [3, 4, 5]", "one 3", "one 4", "one 5"), calls);
    }

    @Test
    void overdueLoansOfAChunkAreMarkedTogetherAndWhenThatFailsOneByOneWithTheFailureRecordedForStaff() {
        ReconciliationWriter writer = writer("overdue");
        writer.writeItems(List.of(1L, 2L));
        assertEquals(List.of("all [1, 2]", "failures of 2 forgotten"), calls);

        calls.clear();
        writer.writeItems(List.of(2L, 3L, 4L));
        assertEquals(List.of("all [2, 3, 4]", "one 2", "failures of 2 forgotten", "one 3",
                "failure of 3 recorded as MARK_OVERDUE", "one 4"), calls);
    }

    @Test
    void aChunksOverdueLoansAreMarkedInOneTransaction() {
        List<Long> thousand = java.util.stream.LongStream.rangeClosed(1001, 2000).boxed().toList();
        writer("overdue").writeItems(List.copyOf(thousand));
        assertEquals(List.of("all " + thousand), calls, calls.toString());
    }
}

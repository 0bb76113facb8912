package org.openill.application.staff;

import org.junit.jupiter.api.Test;
import org.openill.domain.InvalidInputException;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueueSqlTest {

    @Test
    void everyTabIsConfinedToTheLibraryAndItsSide() {
        for (Queue queue : Queue.values()) {
            QueueSql page = QueueSql.page(queue, 42, QueueFilter.NONE, QueueOrder.NEWEST_FIRST, null, 0, 25);
            String library = queue.side() == Queue.Side.BORROWING ? "r.borrower_id = ?1" : "s.lender_id = ?1";
            assertTrue(page.sql().contains(" WHERE " + library), queue + ": " + page.sql());
            assertEquals(42L, page.parameters().get(0));
            QueueSql count = QueueSql.count(queue, 42, QueueFilter.NONE);
            assertTrue(count.sql().contains(" WHERE " + library), queue + ": " + count.sql());
        }
    }

    @Test
    void whatStaffTypeIsBoundNeverWrittenIntoTheStatement() {
        String hostile = "x' OR 1=1 --";
        QueueFilter filter = new QueueFilter(7L, hostile, hostile, hostile);
        for (Queue queue : List.of(Queue.BORROWING_ALL, Queue.LENDING_ALL)) {
            QueueSql page = QueueSql.page(queue, 1, filter, QueueOrder.NEWEST_FIRST, null, 0, 25);
            assertFalse(page.sql().contains(hostile), page.sql());
            assertTrue(page.parameters().contains(hostile) || page.parameters().contains("%x' or 1=1 --%"));
            assertFalse(QueueSql.count(queue, 1, filter).sql().contains(hostile));
        }
    }

    @Test
    void theTitleMatchesAnywhereWithItsWildcardsTakenLiterally() {
        QueueSql page = QueueSql.page(Queue.BORROWING_ALL, 1, new QueueFilter(null, "50%_Off\\", null, null),
                QueueOrder.NEWEST_FIRST, null, 0, 25);
        assertTrue(page.sql().contains("LOWER(r.bib_title) LIKE ?2 ESCAPE '\\'"), page.sql());
        assertEquals("%50\\%\\_off\\\\%", page.parameters().get(1));
    }

    @Test
    void aPageAfterARowContinuesTheOrderFromItsKey() {
        QueueKey key = new QueueKey(Instant.parse("2026-11-01T10:00:00Z"), 900);
        QueueSql byNumber = QueueSql.page(Queue.LENDING_NEW, 3, QueueFilter.NONE, QueueOrder.NEWEST_FIRST, key, 0, 25);
        assertTrue(byNumber.sql().contains("AND s.id < ?2 ORDER BY s.id DESC LIMIT ?3"), byNumber.sql());
        assertEquals(List.of(3L, 900L, 25), byNumber.parameters());

        QueueSql byChange = QueueSql.page(Queue.BORROWING_OVERDUE, 3, QueueFilter.NONE, new QueueOrder(true, false), key,
                0, 25);
        assertTrue(byChange.sql().contains("AND (r.updated_at, r.id) > (?2, ?3) ORDER BY r.updated_at ASC, r.id ASC"),
                byChange.sql());
        assertEquals(java.sql.Timestamp.from(key.lastChange()), byChange.parameters().get(1));
    }

    @Test
    void theReversedOrderReadsTheLastPageFromTheOtherEnd() {
        QueueSql last = QueueSql.page(Queue.BORROWING_ALL, 1, QueueFilter.NONE, QueueOrder.NEWEST_FIRST.reversed(), null,
                0, 25);
        assertTrue(last.sql().endsWith("ORDER BY r.id ASC LIMIT ?2"), last.sql());
    }

    @Test
    void aCountStopsAtItsCapAndJoinsOnlyWhatTheFilterNeeds() {
        QueueSql plain = QueueSql.count(Queue.BORROWING_ALL, 1, QueueFilter.NONE);
        assertFalse(plain.sql().contains("JOIN"), plain.sql());
        assertEquals(QueueSql.COUNT_CAP + 1, plain.parameters().get(plain.parameters().size() - 1));
        QueueSql byCard = QueueSql.count(Queue.BORROWING_ALL, 1, new QueueFilter(null, null, "C1", null));
        assertTrue(byCard.sql().contains("JOIN reader rd") && !byCard.sql().contains("JOIN library"), byCard.sql());
    }

    @Test
    void theTabsOfEachSideCoverEveryStateOfItsRecords() {
        // besides the tabs that cut across states (all, renewals asked, exceptions)
        List<String> crossCutting = List.of("ALL", "RENEWAL_ASKED", "EXCEPTIONS");
        for (org.openill.domain.request.RequestState state : org.openill.domain.request.RequestState.values()) {
            assertTrue(Queue.of(Queue.Side.BORROWING).stream().filter(queue -> !crossCutting.contains(queue.tab()))
                    .anyMatch(queue -> queue.condition() != null && queue.condition().contains("'" + state + "'")),
                    state + " is in no borrowing tab");
        }
        for (org.openill.domain.lending.SupplierState state : org.openill.domain.lending.SupplierState.values()) {
            assertTrue(Queue.of(Queue.Side.LENDING).stream().filter(queue -> !crossCutting.contains(queue.tab()))
                    .anyMatch(queue -> queue.condition() != null && queue.condition().contains("'" + state + "'")),
                    state + " is in no lending tab");
        }
    }

    @Test
    void aFilterTooLongIsRefusedNamingTheField() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> new QueueFilter(null, "t".repeat(201), null, null));
        assertEquals("tooLong", refused.said().key());
    }
}

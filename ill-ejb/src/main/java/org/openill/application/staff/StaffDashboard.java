package org.openill.application.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.openill.domain.library.Library;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first page of the back office, for the signed-in staff member's library: how many requests wait in each tab
 * of its queues (capped counts), today's new work, what is overdue, what has waited longest, and the last 30 days'
 * fill rate and turnaround. Every figure reads an index range of the library's requests, not its whole history.
 */
@Stateless
@RolesAllowed("ILL_STAFF")
public class StaffDashboard {

    /** How many days the charts look back. */
    public static final int DAYS = 30;

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private StaffCaller caller;

    /** One day of the last 30: requests filled (received) and unfilled, their turnaround, loans sent and refused. */
    public record Day(LocalDate day, int filled, int unfilled, Double averageTurnaroundHours, int lent, int refused) {
    }

    /** The dashboard's figures. */
    public record Figures(Map<Queue, Integer> queues, int borrowingToday, int lendingToday, Instant oldestNewBorrowing,
                          Instant oldestNewLending, List<Day> days, Double fillRate, Double medianTurnaroundHours,
                          Double lendingFillRate) {

        /** The count of a tab (up to the cap; over it, {@link QueueSql#COUNT_CAP} + 1). */
        public int count(String queue) {
            return queues.getOrDefault(Queue.valueOf(queue), 0);
        }
    }

    public Figures figures() {
        Library library = caller.ownLibrary();
        long id = library.id();
        String zone = library.timeZone().getId();
        LocalDate today = LocalDate.now(library.timeZone());
        Timestamp midnight = Timestamp.from(today.atStartOfDay(library.timeZone()).toInstant());
        Timestamp since = Timestamp.from(today.minusDays(DAYS - 1L).atStartOfDay(library.timeZone()).toInstant());

        Map<Queue, Integer> queues = new EnumMap<>(Queue.class);
        for (Queue queue : Queue.values()) {
            if (!queue.tab().equals("ALL") && !queue.tab().equals("DONE")) {
                QueueSql count = QueueSql.count(queue, id, QueueFilter.NONE);
                queues.put(queue, ((Number) bind(em.createNativeQuery(count.sql()), count.parameters())
                        .getSingleResult()).intValue());
            }
        }
        int borrowingToday = number("SELECT COUNT(*) FROM ill_request WHERE borrower_id = ?1 AND updated_at >= ?2"
                + " AND created_at >= ?2", id, midnight);
        int lendingToday = number("SELECT COUNT(*) FROM supplier_request WHERE lender_id = ?1 AND updated_at >= ?2"
                + " AND created_at >= ?2", id, midnight);
        Instant oldestBorrowing = instant(single("SELECT MIN(created_at) FROM ill_request WHERE borrower_id = ?1"
                + " AND state IN ('NEW', 'VALIDATED', 'AWAITING_ROUTING')", id));
        Instant oldestLending = instant(single("SELECT MIN(created_at) FROM supplier_request WHERE lender_id = ?1"
                + " AND state IN ('NEW', 'EXPECT_TO_SUPPLY', 'WILL_SUPPLY')", id));

        Map<LocalDate, int[]> counts = new TreeMap<>();
        Map<LocalDate, Double> turnaround = new TreeMap<>();
        for (int back = DAYS - 1; back >= 0; back--) {
            counts.put(today.minusDays(back), new int[4]);
        }
        for (Object[] row : rows("""
                SELECT CAST(received_at AT TIME ZONE ?3 AS date), COUNT(*),
                       AVG(EXTRACT(EPOCH FROM received_at - created_at)) / 3600
                FROM ill_request WHERE borrower_id = ?1 AND updated_at >= ?2 AND received_at >= ?2
                GROUP BY 1""", id, since, zone)) {
            add(counts, row[0], 0, row[1]);
            turnaround.put(date(row[0]), row[2] == null ? null : ((Number) row[2]).doubleValue());
        }
        for (Object[] row : rows("""
                SELECT CAST(updated_at AT TIME ZONE ?3 AS date), COUNT(*)
                FROM ill_request WHERE borrower_id = ?1 AND updated_at >= ?2 AND state = 'UNFILLED'
                GROUP BY 1""", id, since, zone)) {
            add(counts, row[0], 1, row[1]);
        }
        for (Object[] row : rows("""
                SELECT CAST(e.occurred_at AT TIME ZONE ?3 AS date), e.action, COUNT(*)
                FROM supplier_request s JOIN supplier_event e ON e.supplier_request_id = s.id
                WHERE s.lender_id = ?1 AND s.updated_at >= ?2 AND e.occurred_at >= ?2
                  AND e.action IN ('SHIP_LOAN', 'DELIVER_COPY', 'ANSWER_UNFILLED')
                GROUP BY 1, 2""", id, since, zone)) {
            add(counts, row[0], "ANSWER_UNFILLED".equals(row[1]) ? 3 : 2, row[2]);
        }
        List<Day> days = new ArrayList<>();
        int filled = 0;
        int unfilled = 0;
        int lent = 0;
        int refused = 0;
        for (Map.Entry<LocalDate, int[]> day : counts.entrySet()) {
            int[] c = day.getValue();
            days.add(new Day(day.getKey(), c[0], c[1], turnaround.get(day.getKey()), c[2], c[3]));
            filled += c[0];
            unfilled += c[1];
            lent += c[2];
            refused += c[3];
        }
        Object median = single("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM received_at - created_at)) / 3600
                FROM ill_request WHERE borrower_id = ?1 AND updated_at >= ?2 AND received_at >= ?2""", id, since);
        return new Figures(queues, borrowingToday, lendingToday, oldestBorrowing, oldestLending, days,
                filled + unfilled == 0 ? null : (double) filled / (filled + unfilled),
                median == null ? null : ((Number) median).doubleValue(),
                lent + refused == 0 ? null : (double) lent / (lent + refused));
    }

    /** How long ago, in whole hours, an instant was (for "waiting for ..."). */
    public static long hoursSince(Instant then) {
        return then == null ? 0 : Duration.between(then, Instant.now()).toHours();
    }

    private static void add(Map<LocalDate, int[]> counts, Object day, int index, Object count) {
        int[] c = counts.get(date(day));
        if (c != null) {
            c[index] += ((Number) count).intValue();
        }
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp timestamp ? timestamp.toInstant()
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    private int number(String sql, Object... values) {
        return ((Number) single(sql, values)).intValue();
    }

    private Object single(String sql, Object... values) {
        return bind(em.createNativeQuery(sql), List.of(values)).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... values) {
        return bind(em.createNativeQuery(sql), List.of(values)).getResultList();
    }

    private static Query bind(Query query, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }
}

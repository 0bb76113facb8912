package org.openill.application.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The back office's queues of the signed-in staff member's library, a page at a time: keyset pages (after or before
 * a row already shown, or from either end), so the hundredth page costs what the first does; counts capped at
 * {@link QueueSql#COUNT_CAP}. Always the caller's own library: no argument names one.
 */
@Stateless
@RolesAllowed("ILL_STAFF")
public class StaffQueues {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private StaffDesk desk;

    /**
     * At most {@code limit} rows of the queue in the order asked, after the row {@code after} (from the start when
     * null), skipping {@code offset} rows first. To read backwards, ask the reversed order and reverse the rows.
     */
    public List<QueueLine> page(Queue queue, QueueFilter filter, QueueOrder order, QueueKey after, int offset,
                                int limit) {
        if (limit < 1 || limit > 200 || offset < 0 || offset > QueueSql.COUNT_CAP) {
            throw new org.openill.domain.InvalidInputException("page", "A page holds 1 to 200 rows, from row 0 to "
                    + QueueSql.COUNT_CAP);
        }
        QueueSql sql = QueueSql.page(queue, desk.libraryId(), filter, order, after, offset, limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql.sql()), sql).getResultList();
        return rows.stream().map(StaffQueues::line).toList();
    }

    /** How many rows the queue has, up to {@link QueueSql#COUNT_CAP} + 1 (more than the cap: "over 100,000"). */
    public int count(Queue queue, QueueFilter filter) {
        QueueSql sql = QueueSql.count(queue, desk.libraryId(), filter);
        return ((Number) bind(em.createNativeQuery(sql.sql()), sql).getSingleResult()).intValue();
    }

    private static Query bind(Query query, QueueSql sql) {
        for (int i = 0; i < sql.parameters().size(); i++) {
            query.setParameter(i + 1, sql.parameters().get(i));
        }
        return query;
    }

    private static QueueLine line(Object[] row) {
        return new QueueLine(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], instant(row[5]), date(row[6]), (String) row[7], date(row[8]));
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp timestamp ? timestamp.toInstant()
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}

package org.openill.application.staff;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one look at a queue: a page of rows in keyset order (after or before the key of a row already shown, or
 * from either end) or the capped count of its rows. Built from the program's fixed fragments only: what staff typed
 * is always a bound parameter ({@code ?1}, {@code ?2} ... in {@link #parameters()}). The benchmark under
 * {@code bench/} times the very statements built here.
 */
public record QueueSql(String sql, List<Object> parameters) {

    /** How many rows a queue's count goes up to: beyond, the page says "more than" and counts no further. */
    public static final int COUNT_CAP = 100_000;

    /** The columns of a queue's rows, in {@link QueueLine}'s order. */
    private static final String BORROWING_COLUMNS = """
            SELECT r.id, r.bib_title, rd.card_number, l.agency_id_value, r.state, r.updated_at, r.due_date, \
            r.service_type, r.needed_before FROM ill_request r JOIN reader rd ON rd.id = r.reader_id \
            LEFT JOIN library l ON l.id = r.lender_id""";
    private static final String LENDING_COLUMNS = """
            SELECT s.id, s.bib_title, s.patron, s.requesting_agency_value, s.state, s.updated_at, s.due_date, \
            s.service_type, CAST(NULL AS date) FROM supplier_request s""";

    /**
     * A page of at most {@code limit} rows of the library's queue, in the order asked; from {@code after} on (rows
     * that come after it in that order) when given, skipping {@code offset} rows first.
     */
    public static QueueSql page(Queue queue, long libraryId, QueueFilter filter, QueueOrder order, QueueKey after,
                                int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(queue.side() == Queue.Side.BORROWING ? BORROWING_COLUMNS
                : LENDING_COLUMNS);
        where(sql, parameters, queue, libraryId, filter);
        String alias = alias(queue);
        String sortColumn = order.byLastChange() ? alias + ".updated_at" : null;
        String comparison = order.descending() ? "<" : ">";
        if (after != null) {
            if (sortColumn == null) {
                sql.append(" AND ").append(alias).append(".id ").append(comparison).append(" ?")
                        .append(add(parameters, after.id()));
            } else {
                sql.append(" AND (").append(sortColumn).append(", ").append(alias).append(".id) ").append(comparison)
                        .append(" (?").append(add(parameters, java.sql.Timestamp.from(after.lastChange())))
                        .append(", ?").append(add(parameters, after.id())).append(')');
            }
        }
        String direction = order.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ");
        if (sortColumn != null) {
            sql.append(sortColumn).append(direction).append(", ");
        }
        sql.append(alias).append(".id").append(direction);
        sql.append(" LIMIT ?").append(add(parameters, limit));
        if (offset > 0) {
            sql.append(" OFFSET ?").append(add(parameters, offset));
        }
        return new QueueSql(sql.toString(), List.copyOf(parameters));
    }

    /** How many rows the library's queue has, counted up to {@link #COUNT_CAP} + 1. */
    public static QueueSql count(Queue queue, long libraryId, QueueFilter filter) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM (SELECT 1 FROM ");
        if (queue.side() == Queue.Side.BORROWING) {
            // only the joins the filter needs: a count of the rows alone reads one index
            sql.append("ill_request r");
            if (filter.reader() != null) {
                sql.append(" JOIN reader rd ON rd.id = r.reader_id");
            }
            if (filter.partner() != null) {
                sql.append(" JOIN library l ON l.id = r.lender_id");
            }
        } else {
            sql.append("supplier_request s");
        }
        where(sql, parameters, queue, libraryId, filter);
        sql.append(" LIMIT ?").append(add(parameters, COUNT_CAP + 1)).append(") capped");
        return new QueueSql(sql.toString(), List.copyOf(parameters));
    }

    private static void where(StringBuilder sql, List<Object> parameters, Queue queue, long libraryId,
                              QueueFilter filter) {
        boolean borrowing = queue.side() == Queue.Side.BORROWING;
        String alias = alias(queue);
        sql.append(" WHERE ").append(alias).append(borrowing ? ".borrower_id" : ".lender_id").append(" = ?")
                .append(add(parameters, libraryId));
        if (queue.condition() != null) {
            sql.append(" AND ").append(queue.condition());
        }
        if (filter.number() != null) {
            sql.append(" AND ").append(alias).append(".id = ?").append(add(parameters, filter.number()));
        }
        if (filter.title() != null) {
            sql.append(" AND LOWER(").append(alias).append(".bib_title) LIKE ?")
                    .append(add(parameters, contains(filter.title()))).append(" ESCAPE '\\'");
        }
        if (filter.reader() != null) {
            if (borrowing) {
                sql.append(" AND rd.card_number = ?").append(add(parameters, filter.reader()));
            } else {
                sql.append(" AND LOWER(s.patron) LIKE ?").append(add(parameters, contains(filter.reader())))
                        .append(" ESCAPE '\\'");
            }
        }
        if (filter.partner() != null) {
            sql.append(borrowing ? " AND l.agency_id_value = ?" : " AND s.requesting_agency_value = ?")
                    .append(add(parameters, filter.partner()));
        }
    }

    private static String alias(Queue queue) {
        return queue.side() == Queue.Side.BORROWING ? "r" : "s";
    }

    /** The LIKE pattern of text contained anywhere, its own % _ and \ taken literally. */
    static String contains(String words) {
        return "%" + words.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }

    private static int add(List<Object> parameters, Object value) {
        parameters.add(value);
        return parameters.size();
    }
}

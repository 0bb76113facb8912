package org.openill.application.report;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.NotFoundException;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Compiles cooperation reports (the cooperation-report batch job) and reads them. A report is compiled by a few
 * set-based statements — PostgreSQL aggregates the period's requests where they lie, in one pass per table for the
 * period and the period before it together — in two parts at once, and once whole replaces an earlier report of the
 * same period and scope.
 *
 * <p>What the figures mean: a request counts in the period it was made in (its created_at, UTC). A library's own
 * figures count, as borrower, every request it made (its borrowing records, whoever lent), and as lender every
 * request asked of it (its lending records). A pair's figures come from the lender's record of each request one made
 * of the other. Filled: a loan shipped or a copy delivered; unfilled: the lender said it cannot supply (with its
 * reason); the rest were cancelled or are still open. Fill rate: filled ÷ received. Turnaround: from the request to
 * its receipt by the borrower; time to ship: from the lender being asked to shipping. Median and 90th percentile are
 * PostgreSQL's percentile_cont (linear between the two nearest values), in hours.
 */
@Stateless
public class CooperationReports {

    /** How many titles and subjects a report ranks. */
    public static final int BUSIEST = 10;

    private static final String FIGURES_SQL = """
            INSERT INTO cooperation_figure (report_id, current, library_id, partner_id, made, made_filled, made_unfilled,
                turnaround_median_h, turnaround_p90_h, received, filled, unfilled, loans, copies, ship_median_h, ship_p90_h)
            WITH asked AS (
                SELECT s.lender_id, s.borrower_id, s.created_at >= ?2 AS current, s.supplied_as IS NOT NULL AS filled,
                       s.state = 'UNFILLED' AS unfilled, s.supplied_as = 'LOAN' AS loan, s.supplied_as = 'COPY' AS copy,
                       CAST(EXTRACT(EPOCH FROM s.shipped_at - s.created_at) AS float8) AS to_ship,
                       CAST(EXTRACT(EPOCH FROM s.borrower_received_at - s.created_at) AS float8) AS to_receipt
                FROM supplier_request s
                WHERE s.created_at >= ?1 AND s.created_at < ?3 AND s.borrower_id IS NOT NULL
                  AND (?4 = 0 OR s.lender_id = ?4 OR s.borrower_id = ?4)
            ), by_lender AS (
                SELECT current, lender_id, borrower_id, GROUPING(borrower_id) AS lender_total,
                       COUNT(*) AS n, COUNT(*) FILTER (WHERE filled) AS filled,
                       COUNT(*) FILTER (WHERE unfilled) AS unfilled,
                       COUNT(*) FILTER (WHERE loan) AS loans,
                       COUNT(*) FILTER (WHERE copy) AS copies,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY to_ship) AS ship50,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY to_ship) AS ship90,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY to_receipt) AS receipt50,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY to_receipt) AS receipt90
                FROM asked GROUP BY GROUPING SETS ((current, lender_id, borrower_id), (current, lender_id))
            ), made AS (
                SELECT current, borrower_id, COUNT(*) AS n, COUNT(*) FILTER (WHERE filled) AS filled,
                       COUNT(*) FILTER (WHERE unfilled) AS unfilled,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY to_receipt) AS receipt50,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY to_receipt) AS receipt90
                FROM (SELECT r.created_at >= ?2 AS current, r.borrower_id, r.supplied_as IS NOT NULL AS filled,
                             r.state = 'UNFILLED' AS unfilled,
                             CAST(EXTRACT(EPOCH FROM r.received_at - r.created_at) AS float8) AS to_receipt
                      FROM ill_request r
                      WHERE r.created_at >= ?1 AND r.created_at < ?3 AND (?4 = 0 OR r.borrower_id = ?4)) borrowed
                GROUP BY 1, 2
            ), totals AS (
                SELECT COALESCE(l.current, m.current) AS current, COALESCE(l.lender_id, m.borrower_id) AS library_id,
                       CAST(NULL AS bigint) AS partner_id,
                       COALESCE(m.n, 0) AS made, COALESCE(m.filled, 0) AS made_filled, COALESCE(m.unfilled, 0) AS made_unfilled,
                       m.receipt50, m.receipt90, COALESCE(l.n, 0) AS received, COALESCE(l.filled, 0) AS filled,
                       COALESCE(l.unfilled, 0) AS unfilled, COALESCE(l.loans, 0) AS loans, COALESCE(l.copies, 0) AS copies,
                       l.ship50, l.ship90
                FROM (SELECT * FROM by_lender WHERE lender_total = 1) l
                     FULL JOIN made m ON m.current = l.current AND m.borrower_id = l.lender_id
            ), pairs AS (
                SELECT COALESCE(l.current, b.current) AS current, COALESCE(l.lender_id, b.borrower_id) AS library_id,
                       COALESCE(l.borrower_id, b.lender_id) AS partner_id,
                       COALESCE(b.n, 0) AS made, COALESCE(b.filled, 0) AS made_filled, COALESCE(b.unfilled, 0) AS made_unfilled,
                       b.receipt50, b.receipt90, COALESCE(l.n, 0) AS received, COALESCE(l.filled, 0) AS filled,
                       COALESCE(l.unfilled, 0) AS unfilled, COALESCE(l.loans, 0) AS loans, COALESCE(l.copies, 0) AS copies,
                       l.ship50, l.ship90
                FROM (SELECT * FROM by_lender WHERE lender_total = 0) l
                     FULL JOIN (SELECT * FROM by_lender WHERE lender_total = 0) b
                     ON b.current = l.current AND b.borrower_id = l.lender_id AND b.lender_id = l.borrower_id
            )
            SELECT ?5, current, library_id, partner_id, made, made_filled, made_unfilled,
                   ROUND(CAST(receipt50 / 3600 AS numeric), 1), ROUND(CAST(receipt90 / 3600 AS numeric), 1),
                   received, filled, unfilled, loans, copies,
                   ROUND(CAST(ship50 / 3600 AS numeric), 1), ROUND(CAST(ship90 / 3600 AS numeric), 1)
            FROM (SELECT * FROM totals UNION ALL SELECT * FROM pairs) f
            WHERE ?4 = 0 OR f.library_id = ?4""";

    private static final String UNFILLED_SQL = """
            INSERT INTO cooperation_unfilled (report_id, current, lender_id, borrower_id, reason, requests)
            SELECT ?5, s.created_at >= ?2, s.lender_id, s.borrower_id, COALESCE(NULLIF(TRIM(s.reason), ''), '-'), COUNT(*)
            FROM supplier_request s
            WHERE s.created_at >= ?1 AND s.created_at < ?3 AND s.state = 'UNFILLED' AND s.borrower_id IS NOT NULL
              AND (?4 = 0 OR s.lender_id = ?4 OR s.borrower_id = ?4)
            GROUP BY 2, 3, 4, 5""";

    private static final String FEES_SQL = """
            INSERT INTO cooperation_fee (report_id, current, creditor_id, debtor_id, currency, amount, fees)
            SELECT ?5, f.posted_at >= ?2, f.creditor_id, f.debtor_id, f.currency, SUM(f.amount), COUNT(*)
            FROM fee_charge f
            WHERE f.posted_at >= ?1 AND f.posted_at < ?3 AND (?4 = 0 OR f.creditor_id = ?4 OR f.debtor_id = ?4)
            GROUP BY 2, 3, 4, 5""";

    private static final String TITLES_SQL = """
            INSERT INTO cooperation_busiest (report_id, kind, library_id, rank, name, requests)
            WITH per_library AS (
                SELECT borrower_id, bib_title, COUNT(*) AS n FROM ill_request
                WHERE created_at >= ?2 AND created_at < ?3 AND (?4 = 0 OR borrower_id = ?4)
                GROUP BY borrower_id, bib_title
            ), network AS (
                SELECT CAST(NULL AS bigint) AS borrower_id, bib_title, SUM(n) AS n FROM per_library WHERE ?4 = 0
                GROUP BY bib_title
            ), candidates AS (
                -- ranked by counts alone (a cheap sort of numbers), ties at the tenth place kept; names order the few
                SELECT * FROM (SELECT borrower_id, bib_title, n,
                                      RANK() OVER (PARTITION BY borrower_id ORDER BY n DESC) AS by_count
                               FROM (SELECT * FROM per_library UNION ALL SELECT * FROM network) counted) r
                WHERE by_count <= %1$d
            ), ranked AS (
                SELECT borrower_id, bib_title, n, ROW_NUMBER() OVER (PARTITION BY borrower_id ORDER BY n DESC, bib_title) AS rank
                FROM candidates
            )
            SELECT ?5, 'TITLE', borrower_id, rank, bib_title, n FROM ranked WHERE rank <= %1$d""".formatted(BUSIEST);

    private static final String SUBJECTS_SQL = """
            INSERT INTO cooperation_busiest (report_id, kind, library_id, rank, name, requests)
            WITH per_record AS (
                SELECT borrower_id, record_id, COUNT(*) AS n FROM ill_request
                WHERE created_at >= ?2 AND created_at < ?3 AND (?4 = 0 OR borrower_id = ?4) AND record_id IS NOT NULL
                GROUP BY borrower_id, record_id
            ), per_library AS (
                SELECT p.borrower_id, TRIM(s.subject) AS subject, SUM(p.n) AS n
                FROM per_record p JOIN bib_record b ON b.id = p.record_id
                     CROSS JOIN LATERAL unnest(string_to_array(b.subjects, ';')) AS s(subject)
                WHERE TRIM(s.subject) <> ''
                GROUP BY p.borrower_id, TRIM(s.subject)
            ), network AS (
                SELECT CAST(NULL AS bigint) AS borrower_id, subject, SUM(n) AS n FROM per_library WHERE ?4 = 0
                GROUP BY subject
            ), candidates AS (
                SELECT * FROM (SELECT borrower_id, subject, n,
                                      RANK() OVER (PARTITION BY borrower_id ORDER BY n DESC) AS by_count
                               FROM (SELECT * FROM per_library UNION ALL SELECT * FROM network) counted) r
                WHERE by_count <= %1$d
            ), ranked AS (
                SELECT borrower_id, subject, n, ROW_NUMBER() OVER (PARTITION BY borrower_id ORDER BY n DESC, subject) AS rank
                FROM candidates
            )
            SELECT ?5, 'SUBJECT', borrower_id, rank, subject, n FROM ranked WHERE rank <= %1$d""".formatted(BUSIEST);

    /**
     * The parts of a report, compiled at once, each part's statements in order in a transaction of its own (so in a
     * PostgreSQL backend of its own: a statement that writes runs in one process): the figures; the unfilled reasons,
     * fees and busiest titles and subjects. Their positional parameters: ?1 the first instant of the period before,
     * ?2 of the period, ?3 the first instant after it, ?4 the library reported on (0: the network), ?5 the report's
     * id. Public for the benchmark, which runs them as the job does.
     */
    public static List<List<String>> parts() {
        return List.of(List.of(FIGURES_SQL), List.of(UNFILLED_SQL, FEES_SQL, TITLES_SQL, SUBJECTS_SQL));
    }

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Resource
    private ManagedExecutorService executor;

    /**
     * Compiles the report of the period starting on (or holding) the day, for one library (its id) or the network
     * (null), replacing an earlier report of the same period and scope once it is whole; the report's id. Its parts
     * are compiled at once, each in a transaction of its own; the report shows only when all are in, and if one
     * fails, none of it stays.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long compile(ReportPeriod kind, LocalDate day, Long scopeLibraryId, Long jobExecutionId) {
        if (scopeLibraryId != null && em.find(org.openill.domain.library.Library.class, scopeLibraryId) == null) {
            throw new NotFoundException("No library #" + scopeLibraryId + " to report on");
        }
        CooperationReports self = context.getBusinessObject(CooperationReports.class);
        LocalDate from = kind.firstDayOf(day);
        long id = self.begin(kind, from, scopeLibraryId, jobExecutionId);
        Object[] values = {start(kind.previous(from)), start(from), start(kind.after(from)),
                scopeLibraryId == null ? 0L : scopeLibraryId, id};
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (List<String> part : parts()) {
                running.add(executor.submit(() -> self.compilePart(part, values)));
            }
            for (Future<?> part : running) {
                try {
                    part.get();
                } catch (ExecutionException failed) {
                    running.forEach(other -> other.cancel(false));
                    throw failed.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("A part of report #" + id + " failed", failed.getCause());
                }
            }
            self.finish(id, kind, from, scopeLibraryId);
            return id;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            self.discard(id);
            throw new IllegalStateException("Interrupted while compiling report #" + id, interrupted);
        } catch (RuntimeException failed) {
            self.discard(id);
            throw failed;
        }
    }

    /**
     * The report's header, not shown yet; what an earlier compilation of the same period and scope left unfinished
     * (a crash) is removed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long begin(ReportPeriod kind, LocalDate from, Long scopeLibraryId, Long jobExecutionId) {
        long scope = scopeLibraryId == null ? 0 : scopeLibraryId;
        em.createNativeQuery("""
                        DELETE FROM cooperation_report
                        WHERE period_kind = ?1 AND period_from = ?2 AND COALESCE(scope_library_id, 0) = ?3
                          AND compiled_at IS NULL""")
                .setParameter(1, kind.name()).setParameter(2, java.sql.Date.valueOf(from)).setParameter(3, scope)
                .executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT nextval('cooperation_report_seq')").getSingleResult())
                .longValue();
        em.createNativeQuery("""
                        INSERT INTO cooperation_report (id, period_kind, period_from, period_until, previous_from,
                                                        scope_library_id, created_at, job_execution_id)
                        VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS bigint), now(), ?7)""")
                .setParameter(1, id).setParameter(2, kind.name()).setParameter(3, java.sql.Date.valueOf(from))
                .setParameter(4, java.sql.Date.valueOf(kind.after(from).minusDays(1)))
                .setParameter(5, java.sql.Date.valueOf(kind.previous(from))).setParameter(6, scopeLibraryId)
                .setParameter(7, jobExecutionId).executeUpdate();
        return id;
    }

    /** One part of a report: its statements, in order, with the report's parameters ({@link #parts()}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void compilePart(List<String> statements, Object[] values) {
        for (String statement : statements) {
            jakarta.persistence.Query query = em.createNativeQuery(statement);
            for (int i = 0; i < values.length; i++) {
                if (statement.contains("?" + (i + 1))) {
                    query.setParameter(i + 1, values[i]);
                }
            }
            query.executeUpdate();
        }
    }

    /** Shows the report, whole, in place of the one compiled before for the same period and scope. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long id, ReportPeriod kind, LocalDate from, Long scopeLibraryId) {
        em.createNativeQuery("""
                        DELETE FROM cooperation_report
                        WHERE period_kind = ?1 AND period_from = ?2 AND COALESCE(scope_library_id, 0) = ?3
                          AND compiled_at IS NOT NULL""")
                .setParameter(1, kind.name()).setParameter(2, java.sql.Date.valueOf(from))
                .setParameter(3, scopeLibraryId == null ? 0 : scopeLibraryId).executeUpdate();
        em.createNativeQuery("UPDATE cooperation_report SET compiled_at = now() WHERE id = ?1").setParameter(1, id)
                .executeUpdate();
    }

    /** Removes a report a part of which failed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void discard(long id) {
        em.createNativeQuery("DELETE FROM cooperation_report WHERE id = ?1 AND compiled_at IS NULL")
                .setParameter(1, id).executeUpdate();
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** A report: its period, and the library it is about (none: the network). */
    public record Report(long id, ReportPeriod kind, LocalDate from, LocalDate until, LocalDate previousFrom,
                         String scopeIsil, String scopeName, Instant createdAt) {
    }

    /**
     * The figures of a library (partner null) or of a library with one partner, for the period or the one before.
     */
    public record Figure(boolean current, String isil, String name, String partnerIsil, String partnerName,
                         int made, int madeFilled, int madeUnfilled, BigDecimal turnaroundMedianHours,
                         BigDecimal turnaroundP90Hours, int received, int filled, int unfilled, int loans, int copies,
                         BigDecimal shipMedianHours, BigDecimal shipP90Hours) {

        /** Filled ÷ received, in percent with one decimal; null when nothing was asked of the library. */
        public BigDecimal fillRate() {
            return received == 0 ? null : BigDecimal.valueOf(filled * 100L)
                    .divide(BigDecimal.valueOf(received), 1, java.math.RoundingMode.HALF_UP);
        }

        /** Lent minus borrowed (filled both ways). */
        public int balance() {
            return filled - madeFilled;
        }

        /** Lent ÷ borrowed, two decimals; null when it borrowed nothing. */
        public BigDecimal lendRatio() {
            return madeFilled == 0 ? null
                    : BigDecimal.valueOf(filled).divide(BigDecimal.valueOf(madeFilled), 2, java.math.RoundingMode.HALF_UP);
        }

        public boolean isPair() {
            return partnerIsil != null;
        }
    }

    /** How many requests a lender left unfilled for a borrower, for one reason. */
    public record Unfilled(boolean current, String lenderIsil, String borrowerIsil, String reason, int requests) {
    }

    /** The fees one library charged another in the period, in one currency. */
    public record Fee(boolean current, String creditorIsil, String debtorIsil, String currency, BigDecimal amount,
                      int fees) {
    }

    /** A most requested title or subject, of a library (isil) or of the network (isil null). */
    public record Busiest(String kind, String isil, int rank, String name, int requests) {
    }

    /** A report whole, as one viewer may see it. */
    public record Contents(Report report, List<Figure> figures, List<Unfilled> unfilled, List<Fee> fees,
                           List<Busiest> busiest) {

        public List<Figure> libraries(boolean current) {
            return figures.stream().filter(f -> f.current() == current && !f.isPair()).toList();
        }

        public List<Figure> pairs(boolean current) {
            return figures.stream().filter(f -> f.current() == current && f.isPair()).toList();
        }

        /** The same figures for the previous period, if any. */
        public Figure previousOf(Figure figure) {
            return figures.stream().filter(f -> !f.current() && f.isil().equals(figure.isil())
                    && java.util.Objects.equals(f.partnerIsil(), figure.partnerIsil())).findFirst().orElse(null);
        }

        public List<Unfilled> unfilled(boolean current) {
            return unfilled.stream().filter(u -> u.current() == current).toList();
        }

        public List<Fee> fees(boolean current) {
            return fees.stream().filter(f -> f.current() == current).toList();
        }

        public List<Busiest> busiest(String kind) {
            return busiest.stream().filter(b -> b.kind().equals(kind)).toList();
        }
    }

    /** The reports a viewer may read (a library's id: those about it and the network's; null: all), newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Report> reports(Long viewer, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT r.id, r.period_kind, r.period_from, r.period_until, r.previous_from, l.agency_id_value,
                               l.name, r.created_at
                        FROM cooperation_report r LEFT JOIN library l ON l.id = r.scope_library_id
                        WHERE r.compiled_at IS NOT NULL
                          AND (?1 = 0 OR r.scope_library_id IS NULL OR r.scope_library_id = ?1)
                        ORDER BY r.period_from DESC, r.period_kind, r.id DESC""")
                .setParameter(1, viewer == null ? 0 : viewer).setMaxResults(max).getResultList();
        return rows.stream().map(CooperationReports::report).toList();
    }

    /**
     * The report as the viewer sees it: a library (its id) sees its own figures, its pairs, its fees and titles; a
     * network administrator (null) sees everything.
     *
     * @throws NotFoundException when there is no such report, or it is about another library
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Contents read(long reportId, Long viewer) {
        long who = viewer == null ? 0 : viewer;
        Report report = reports(viewer, Integer.MAX_VALUE).stream().filter(r -> r.id() == reportId).findFirst()
                .orElseThrow(() -> new NotFoundException("No cooperation report #" + reportId));
        @SuppressWarnings("unchecked")
        List<Object[]> figureRows = em.createNativeQuery("""
                        SELECT f.current, l.agency_id_value, l.name, p.agency_id_value, p.name, f.made, f.made_filled,
                               f.made_unfilled, f.turnaround_median_h, f.turnaround_p90_h, f.received, f.filled,
                               f.unfilled, f.loans, f.copies, f.ship_median_h, f.ship_p90_h
                        FROM cooperation_figure f JOIN library l ON l.id = f.library_id
                             LEFT JOIN library p ON p.id = f.partner_id
                        WHERE f.report_id = ?1 AND (?2 = 0 OR f.library_id = ?2)
                        ORDER BY f.current DESC, l.agency_id_value, f.partner_id IS NOT NULL, p.agency_id_value""")
                .setParameter(1, reportId).setParameter(2, who).getResultList();
        List<Figure> figures = figureRows.stream().map(row -> new Figure((Boolean) row[0], (String) row[1],
                (String) row[2], (String) row[3], (String) row[4], integer(row[5]), integer(row[6]), integer(row[7]),
                (BigDecimal) row[8], (BigDecimal) row[9], integer(row[10]), integer(row[11]), integer(row[12]),
                integer(row[13]), integer(row[14]), (BigDecimal) row[15], (BigDecimal) row[16])).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> unfilledRows = em.createNativeQuery("""
                        SELECT u.current, l.agency_id_value, b.agency_id_value, u.reason, u.requests
                        FROM cooperation_unfilled u JOIN library l ON l.id = u.lender_id JOIN library b ON b.id = u.borrower_id
                        WHERE u.report_id = ?1 AND (?2 = 0 OR u.lender_id = ?2 OR u.borrower_id = ?2)
                        ORDER BY u.current DESC, u.requests DESC, l.agency_id_value, b.agency_id_value, u.reason""")
                .setParameter(1, reportId).setParameter(2, who).getResultList();
        List<Unfilled> unfilled = unfilledRows.stream().map(row -> new Unfilled((Boolean) row[0], (String) row[1],
                (String) row[2], (String) row[3], integer(row[4]))).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> feeRows = em.createNativeQuery("""
                        SELECT f.current, c.agency_id_value, d.agency_id_value, f.currency, f.amount, f.fees
                        FROM cooperation_fee f JOIN library c ON c.id = f.creditor_id JOIN library d ON d.id = f.debtor_id
                        WHERE f.report_id = ?1 AND (?2 = 0 OR f.creditor_id = ?2 OR f.debtor_id = ?2)
                        ORDER BY f.current DESC, c.agency_id_value, d.agency_id_value, f.currency""")
                .setParameter(1, reportId).setParameter(2, who).getResultList();
        List<Fee> fees = feeRows.stream().map(row -> new Fee((Boolean) row[0], (String) row[1], (String) row[2],
                String.valueOf(row[3]).strip(), (BigDecimal) row[4], integer(row[5]))).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> busiestRows = em.createNativeQuery("""
                        SELECT b.kind, l.agency_id_value, b.rank, b.name, b.requests
                        FROM cooperation_busiest b LEFT JOIN library l ON l.id = b.library_id
                        WHERE b.report_id = ?1 AND (?2 = 0 OR b.library_id = ?2)
                        ORDER BY b.kind, b.library_id NULLS FIRST, l.agency_id_value, b.rank""")
                .setParameter(1, reportId).setParameter(2, who).getResultList();
        List<Busiest> busiest = busiestRows.stream().map(row -> new Busiest((String) row[0], (String) row[1],
                integer(row[2]), (String) row[3], integer(row[4]))).toList();
        return new Contents(report, figures, unfilled, fees, busiest);
    }

    private static Report report(Object[] row) {
        return new Report(((Number) row[0]).longValue(), ReportPeriod.valueOf((String) row[1]), date(row[2]),
                date(row[3]), date(row[4]), (String) row[5], (String) row[6], instant(row[7]));
    }

    private static int integer(Object value) {
        return ((Number) value).intValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}

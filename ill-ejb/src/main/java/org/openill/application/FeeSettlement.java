package org.openill.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.NotFoundException;
import org.openill.domain.library.AgencyId;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Nets the fees ledger between each pair of libraries for a period, per currency, into settlement statements (who owes
 * whom, with the fees as line items), and records the libraries' confirmation that a statement is settled. A fee is
 * settled in one statement only: running the settlement again for the same period adds nothing. Periods are whole
 * days of UTC, from the first to the last day.
 */
@Stateless
public class FeeSettlement {

    /**
     * The one statement that nets the period: the fees posted in it and not settled yet, grouped by the pair of
     * libraries (either way round) and currency; each group's net becomes a statement owed to the library that is
     * owed more, and each fee a line of its group's statement.
     */
    static final String SETTLE_SQL = """
            WITH fees AS (
                SELECT f.id, LEAST(f.creditor_id, f.debtor_id) AS a, GREATEST(f.creditor_id, f.debtor_id) AS b,
                       f.currency, CASE WHEN f.creditor_id < f.debtor_id THEN f.amount ELSE 0 END AS owed_to_a,
                       CASE WHEN f.creditor_id > f.debtor_id THEN f.amount ELSE 0 END AS owed_to_b
                FROM fee_charge f
                WHERE f.posted_at >= ?1 AND f.posted_at < ?2
                  AND NOT EXISTS (SELECT 1 FROM settlement_line l WHERE l.fee_charge_id = f.id)
            ), pairs AS (
                SELECT a, b, currency, SUM(owed_to_a) AS to_a, SUM(owed_to_b) AS to_b, COUNT(*) AS n
                FROM fees GROUP BY a, b, currency
            ), made AS (
                INSERT INTO settlement (id, period_from, period_until, creditor_id, debtor_id, currency, amount,
                                        owed_to_creditor, owed_to_debtor, fee_count, created_at, job_execution_id)
                SELECT nextval('settlement_seq'), ?3, ?4,
                       CASE WHEN to_a >= to_b THEN a ELSE b END, CASE WHEN to_a >= to_b THEN b ELSE a END, currency,
                       ABS(to_a - to_b), GREATEST(to_a, to_b), LEAST(to_a, to_b), n, now(), ?5
                FROM pairs
                RETURNING id, LEAST(creditor_id, debtor_id) AS a, GREATEST(creditor_id, debtor_id) AS b, currency
            )
            INSERT INTO settlement_line (settlement_id, fee_charge_id)
            SELECT m.id, f.id FROM fees f JOIN made m ON m.a = f.a AND m.b = f.b AND m.currency = f.currency""";

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    /** Nets the period's unsettled fees into statements, in one transaction; how many fees it settled. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int settle(LocalDate from, LocalDate until, Long jobExecutionId) {
        if (from == null || until == null || until.isBefore(from)) {
            throw new IllRuleViolation("A settlement period runs from a first day to a last day not before it");
        }
        return em.createNativeQuery(SETTLE_SQL)
                .setParameter(1, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .setParameter(2, Timestamp.from(until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .setParameter(3, java.sql.Date.valueOf(from)).setParameter(4, java.sql.Date.valueOf(until))
                .setParameter(5, jobExecutionId)
                .executeUpdate();
    }

    /** One settlement statement, from the point of view of one of its two libraries. */
    public record Statement(long id, LocalDate from, LocalDate until, String creditorIsil, String creditorName,
                            String debtorIsil, String debtorName, String currency, BigDecimal amount,
                            BigDecimal owedToCreditor, BigDecimal owedToDebtor, int fees, Instant settledAt,
                            String settledBy) {
    }

    /** One fee of a statement: the request it was charged for, the agreement, the kind and amount. */
    public record Line(long feeId, Instant postedAt, String creditorIsil, String debtorIsil, String kind,
                       BigDecimal amount, String requestingAgencyRequestId, String title, Long agreementId) {
    }

    /** The statements of a library (owed to it or by it), newest period first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Statement> statementsOf(String isil, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT s.id, s.period_from, s.period_until, c.agency_id_value, c.name, d.agency_id_value, d.name,
                               s.currency, s.amount, s.owed_to_creditor, s.owed_to_debtor, s.fee_count, s.settled_at,
                               s.settled_by
                        FROM settlement s JOIN library c ON c.id = s.creditor_id JOIN library d ON d.id = s.debtor_id
                        WHERE c.agency_id_value = ?1 OR d.agency_id_value = ?1
                        ORDER BY s.period_from DESC, s.id DESC""")
                .setParameter(1, AgencyId.lookupValue(isil)).setMaxResults(max).getResultList();
        return rows.stream().map(FeeSettlement::statement).toList();
    }

    /** The fees of a statement of the library's (not found when it is not one of the library's). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Line> linesOf(String isil, long settlementId) {
        requireParty(isil, settlementId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT f.id, f.posted_at, c.agency_id_value, d.agency_id_value, f.kind, f.amount,
                               s.requesting_agency_request_id, s.bib_title, s.agreement_id
                        FROM settlement_line l JOIN fee_charge f ON f.id = l.fee_charge_id
                             JOIN library c ON c.id = f.creditor_id JOIN library d ON d.id = f.debtor_id
                             LEFT JOIN supplier_request s ON s.id = f.supplier_request_id
                        WHERE l.settlement_id = ?1 ORDER BY f.posted_at, f.id""")
                .setParameter(1, settlementId).getResultList();
        return rows.stream().map(row -> new Line(((Number) row[0]).longValue(), instant(row[1]), (String) row[2],
                (String) row[3], (String) row[4], (BigDecimal) row[5], (String) row[6], (String) row[7],
                row[8] == null ? null : ((Number) row[8]).longValue())).toList();
    }

    /** Records that the statement is paid, as confirmed by staff of either library. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void confirmSettled(Actor staff, String isil, long settlementId) {
        requireParty(isil, settlementId);
        staff.requireSpeaksForOneOf("confirm a settlement", AgencyId.isil(isil));
        int changed = em.createNativeQuery("UPDATE settlement SET settled_at = now(), settled_by = ?2"
                        + " WHERE id = ?1 AND settled_at IS NULL")
                .setParameter(1, settlementId).setParameter(2, staff.text()).executeUpdate();
        if (changed == 0) {
            throw new IllRuleViolation("Settlement #" + settlementId + " is already settled").says("alreadySettled",
                    settlementId);
        }
    }

    private void requireParty(String isil, long settlementId) {
        Number parties = (Number) em.createNativeQuery("""
                        SELECT COUNT(*) FROM settlement s JOIN library c ON c.id = s.creditor_id
                             JOIN library d ON d.id = s.debtor_id
                        WHERE s.id = ?1 AND (c.agency_id_value = ?2 OR d.agency_id_value = ?2)""")
                .setParameter(1, settlementId).setParameter(2, AgencyId.lookupValue(isil)).getSingleResult();
        if (parties.intValue() == 0) {
            throw new NotFoundException("Your library has no settlement #" + settlementId);
        }
    }

    private static Statement statement(Object[] row) {
        return new Statement(((Number) row[0]).longValue(), date(row[1]), date(row[2]), (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], (BigDecimal) row[8],
                (BigDecimal) row[9], (BigDecimal) row[10], ((Number) row[11]).intValue(), instant(row[12]),
                (String) row[13]);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp timestamp ? timestamp.toInstant()
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}

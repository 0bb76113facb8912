package org.openill.infrastructure.batch;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.application.AgreementService;
import org.openill.application.BorrowingService;
import org.openill.application.ClockWork;
import org.openill.application.LendingService;
import org.openill.domain.Actor;
import org.openill.domain.agreement.AgreementStatus;
import org.openill.domain.lending.SupplierAction;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.lending.SupplierStateMachine;
import org.openill.domain.request.RequestAction;
import org.openill.domain.request.RequestState;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the loan-reconciliation job reads and does: the candidates of each step, read by id a page at a time, and each
 * step of one record in a transaction of its own, so that one record that fails costs no other; the same rules and
 * services as every other path (LendingService.markOverdue, BorrowingService.remindDueSoon, remind and askStatus,
 * AgreementService.expire). Every step looks at states and dates only, so running it again changes nothing.
 */
@Stateless
public class ReconciliationWork {

    /** The job acts as the system. */
    public static final Actor JOB = Actor.system("loan-reconciliation");

    /** Days without a word from a partner hosted elsewhere, or with the two sides disagreeing, before a StatusRequest. */
    public static final int STATUS_REQUEST_AFTER_DAYS = 7;

    /** The borrowing states in which the lender's record has something to say (a lender has the request or its item). */
    static final Set<RequestState> WITH_A_LENDER = Set.of(RequestState.REQUEST_RECEIVED, RequestState.EXPECT_TO_SUPPLY,
            RequestState.WILL_SUPPLY, RequestState.CONDITIONS_PROPOSED, RequestState.AWAITING_READER_CONSENT,
            RequestState.RETRY_POSSIBLE, RequestState.LOANED, RequestState.OVERDUE, RequestState.RECALLED,
            RequestState.RETURN_HELD, RequestState.SHIPPED_BACK, RequestState.SHIPPED_FORWARD);

    private static final String NOT_LEFT_TO_STAFF =
            " AND NOT EXISTS (SELECT 1 FROM clock_failure f WHERE f.request_id = r.id AND f.needs_attention_since IS NOT NULL)";

    private static final String PAST_DUE_SQL = """
            SELECT r.id FROM supplier_request r JOIN library l ON l.id = r.lender_id
            WHERE r.lender_id = ?1 AND r.state IN (%s) AND r.id > ?3
              AND r.due_date < CAST(CAST(?2 AS timestamptz) AT TIME ZONE l.time_zone AS date)""".formatted(
            sqlList(SupplierStateMachine.statesAllowing(SupplierAction.MARK_OVERDUE).stream().map(Enum::name).toList()))
            + NOT_LEFT_TO_STAFF + " ORDER BY r.id LIMIT ?4";

    private static final String DUE_SOON_SQL = """
            SELECT r.id FROM ill_request r JOIN library b ON b.id = r.borrower_id
            WHERE r.borrower_id = ?1 AND r.state = 'LOANED' AND r.id > ?3
              AND r.due_date <= CAST(CAST(?2 AS timestamptz) AT TIME ZONE b.time_zone AS date) + %d
              AND NOT EXISTS (SELECT 1 FROM reader_notification n WHERE n.request_id = r.id AND n.kind = 'DUE_SOON')
            ORDER BY r.id LIMIT ?4""".formatted(ClockWork.DUE_SOON_DAYS);

    /**
     * Requests waiting for the lender's answer when half the agreement's response time has passed (the clock passes
     * over the lender at the whole), not reminded since the lender was asked.
     */
    private static final String TO_REMIND_SQL = """
            SELECT r.id FROM ill_request r
                 JOIN rota_entry e ON e.request_id = r.id AND e.status = 'ASKED'
                 JOIN partner_agreement a ON a.id = e.agreement_id
            WHERE r.borrower_id = ?1 AND r.state IN ('REQUEST_RECEIVED', 'EXPECT_TO_SUPPLY') AND r.id > ?3
              AND e.asked_at + make_interval(mins => a.response_time_hours * 30) <= ?2
              AND (e.answer_due_at IS NULL OR e.answer_due_at > ?2)
              AND NOT EXISTS (SELECT 1 FROM request_event v WHERE v.request_id = r.id AND v.action = 'SEND_REMINDER'
                                AND v.occurred_at >= e.asked_at)
            ORDER BY r.id LIMIT ?4""";

    /**
     * Requests with a lender whose state to compare with ours: a partner hosted elsewhere not heard from for
     * {@value #STATUS_REQUEST_AFTER_DAYS} days, or a lender hosted here whose record disagrees with ours
     * ({@link RequestState#agreesWithLender}); not asked for its status within those days either.
     */
    private static final String TO_ASK_STATUS_SQL = """
            SELECT r.id FROM ill_request r JOIN library l ON l.id = r.lender_id JOIN library b ON b.id = r.borrower_id
            WHERE r.borrower_id = ?1 AND r.state IN (%s) AND r.id > ?3
              AND r.updated_at < CAST(?2 AS timestamptz) - make_interval(days => %d)
              AND NOT EXISTS (SELECT 1 FROM protocol_message m WHERE m.request_id = r.id AND m.direction = 'OUT'
                                AND m.kind = 'requestingAgencyMessage' AND m.summary LIKE 'StatusRequest%%'
                                AND m.logged_at > CAST(?2 AS timestamptz) - make_interval(days => %d))
              AND (l.hosted = false AND NOT EXISTS (
                       SELECT 1 FROM protocol_message m WHERE m.request_id = r.id AND m.direction = 'IN'
                         AND m.kind = 'supplyingAgencyMessage' AND m.logged_at > CAST(?2 AS timestamptz) - make_interval(days => %d))
                   OR l.hosted = true AND EXISTS (
                       SELECT 1 FROM rota_entry e JOIN supplier_request s ON s.requesting_agency_type = b.agency_id_type
                                AND s.requesting_agency_value = b.agency_id_value
                                AND s.requesting_agency_request_id = e.requesting_agency_request_id
                                AND s.lender_id = e.lender_id
                       WHERE e.request_id = r.id AND e.lender_id = r.lender_id AND e.status IN ('ASKED', 'SUPPLYING')
                         AND r.state || '/' || s.state IN (%s)))
            ORDER BY r.id LIMIT ?4""".formatted(sqlList(WITH_A_LENDER.stream().map(Enum::name).sorted().toList()),
            STATUS_REQUEST_AFTER_DAYS, STATUS_REQUEST_AFTER_DAYS, STATUS_REQUEST_AFTER_DAYS, disagreements());

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private LendingService lending;

    @EJB
    private BorrowingService borrowing;

    @EJB
    private AgreementService agreements;

    @EJB
    private ClockWork clockWork;

    /**
     * The pairs (our state, the lender's record's state) that disagree, as SQL strings 'OURS/THEIRS': a list of
     * strings PostgreSQL looks a pair up in with a hash, where a list of row values is an OR of a hundred and sixty
     * comparisons for every record.
     */
    static String disagreements() {
        List<String> pairs = new ArrayList<>();
        for (RequestState ours : WITH_A_LENDER.stream().sorted().toList()) {
            for (SupplierState theirs : SupplierState.values()) {
                if (!ours.agreesWithLender(theirs.iso18626())) {
                    pairs.add("'" + ours.name() + "/" + theirs.name() + "'");
                }
            }
        }
        return String.join(", ", pairs);
    }

    private static String sqlList(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    /**
     * The next ids (at most {@code max}, after {@code after}, by id) of the lender's loans out or recalled whose due
     * date has passed by the lender's date at the instant (the record checks it again when marking), not left to
     * staff.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> loansMaybePastDue(long lenderId, Instant asOf, long after, int max) {
        return ids(PAST_DUE_SQL, lenderId, Timestamp.from(asOf), after, max);
    }

    /** The next ids of the borrowing library's loans due within the reminder's days by its date, not yet reminded. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> loansMaybeDueSoon(long borrowerId, Instant asOf, long after, int max) {
        return ids(DUE_SOON_SQL, borrowerId, Timestamp.from(asOf), after, max);
    }

    /** The next ids of the borrowing library's requests whose lender is slow to answer and is to be reminded. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> requestsToRemind(long borrowerId, Instant asOf, long after, int max) {
        return ids(TO_REMIND_SQL, borrowerId, Timestamp.from(asOf), after, max);
    }

    /** The next ids of the borrowing library's requests whose lender is to be asked for its status. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> requestsToAskStatus(long borrowerId, Instant asOf, long after, int max) {
        return ids(TO_ASK_STATUS_SQL, borrowerId, Timestamp.from(asOf), after, max);
    }

    private List<Long> ids(String sql, long library, Object asOf, long after, int max) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(sql).setParameter(1, library).setParameter(2, asOf)
                .setParameter(3, after).setParameter(4, max).getResultList();
        return rows.stream().map(row -> ((Number) row).longValue()).toList();
    }

    /** Marks the loan overdue if its due date has passed by its lender's date; true when it did. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean markOverdue(long recordId, Instant asOf) {
        return lending.markOverdue(JOB, recordId, asOf);
    }

    /**
     * Marks the loans among the records overdue, all in one transaction (their messages delivered together after
     * it); how many it marked. A record another transaction holds fails them all.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int markOverdue(List<Long> recordIds, Instant asOf) {
        return lending.markOverdue(JOB, recordIds, asOf);
    }

    /** Reminds the reader of a loan due soon, once; true when it did. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remindDueSoon(long requestId, Instant asOf) {
        return borrowing.remindDueSoon(JOB, requestId, asOf);
    }

    /**
     * Reminds the readers of the loans due soon among the requests, once each, all in one transaction; how many it
     * reminded. Records another transaction holds are passed over.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int remindDueSoon(List<Long> requestIds, Instant asOf) {
        return borrowing.remindDueSoon(JOB, requestIds, asOf);
    }

    /** Reminds the lender of the request (an ISO 18626 Request of type Reminder); true, as it did. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remindLender(long requestId) {
        borrowing.remind(JOB, requestId, null);
        return true;
    }

    /** Asks the lender for its status (StatusRequest); its answer reconciles the request. True, as it did. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean askStatus(long requestId) {
        borrowing.askStatus(JOB, requestId);
        return true;
    }

    /** Records that the job failed on a request (after enough failures in a row, it is left to staff). */
    public void recordFailure(long requestId, RequestAction step, String error, Instant when) {
        clockWork.recordFailure(requestId, step, error, when);
    }

    /** The job got through a request it had failed on: its past failures no longer count. */
    public void forgetFailures(long requestId) {
        clockWork.forgetFailures(requestId);
    }

    /** The requests the job (or the clock) failed on lately and still tries. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<Long> failing() {
        return clockWork.failing();
    }

    /** The agreements past their last day (by the lender's date at the instant) not yet expired. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> agreementsPastTheirEnd(Instant asOf) {
        return em.createQuery("""
                        SELECT a.id, a.validUntil, l.timeZone FROM PartnerAgreement a JOIN a.lender l
                        WHERE a.status <> :expired AND a.validUntil < :latest ORDER BY a.id""", Object[].class)
                .setParameter("expired", AgreementStatus.EXPIRED)
                .setParameter("latest", LocalDate.ofInstant(asOf, ZoneOffset.MAX)).getResultList().stream()
                .filter(row -> ((LocalDate) row[1]).isBefore(LocalDate.ofInstant(asOf, java.time.ZoneId.of((String) row[2]))))
                .map(row -> (Long) row[0]).toList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void expireAgreement(long agreementId) {
        agreements.expire(JOB, agreementId, null);
    }

    /** The ids of the libraries hosted here that take part in the network: one partition each. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> hostedLibraries() {
        return em.createQuery("SELECT l.id FROM Library l WHERE l.hosted = true ORDER BY l.id", Long.class)
                .getResultList();
    }

    /** A kind of record stuck for longer than its agreement's response time, flagged for the staff who must act. */
    enum Stuck {
        NOT_ANSWERED("supplier_request", "lender_id", "s.state = 'NEW'",
                "Not answered within the agreement’s response time"),
        NOT_SHIPPED("supplier_request", "lender_id", "s.state IN ('EXPECT_TO_SUPPLY', 'WILL_SUPPLY')",
                "Promised, not shipped within the agreement’s response time"),
        RETURN_NOT_CHECKED_IN("supplier_request", "lender_id", "s.state = 'RETURN_SHIPPED'",
                "Sent back by the borrower, not checked in within the agreement’s response time"),
        NOT_RECEIVED("ill_request", "borrower_id", "s.state = 'LOANED' AND s.received_at IS NULL",
                "Shipped by the lender, not received within the agreement’s response time"),
        RECALL_NOT_RETURNED("ill_request", "borrower_id", "s.state = 'RECALLED'",
                "Recalled by the lender, not sent back within the agreement’s response time");

        final String table;
        final String library;
        final String condition;
        final String reason;

        Stuck(String table, String library, String condition, String reason) {
            this.table = table;
            this.library = library;
            this.condition = condition;
            this.reason = reason;
        }

        String recordColumn() {
            return table.equals("ill_request") ? "request_id" : "supplier_request_id";
        }

        /** Clears the flags of this kind whose record is no longer stuck so (?1: now). */
        String clearSql() {
            return "UPDATE attention_flag f SET cleared_at = ?1 FROM " + table + " s WHERE f.cleared_at IS NULL"
                    + " AND f.kind = '" + name() + "' AND f." + recordColumn() + " = s.id AND NOT (" + condition + ")";
        }

        /** Flags the records stuck so longer than their response time (?1: now, ?2: the reason), once each. */
        String raiseSql() {
            return "INSERT INTO attention_flag (id, library_id, " + recordColumn() + ", kind, reason, raised_at)"
                    + " SELECT nextval('attention_flag_seq'), s." + library + ", s.id, '" + name() + "', ?2 || ' ('"
                    + " || COALESCE(" + responseHours() + ", 48) || ' h)', ?1 FROM " + table + " s WHERE " + condition
                    + " AND s.updated_at + make_interval(hours => COALESCE(" + responseHours() + ", 48)) < ?1"
                    + " ON CONFLICT DO NOTHING";
        }

        /** The agreement's response time of the record (the lender's record names it; a borrowing request's rota). */
        String responseHours() {
            return table.equals("ill_request")
                    ? "(SELECT a.response_time_hours FROM rota_entry e JOIN partner_agreement a ON a.id = e.agreement_id"
                      + " WHERE e.request_id = s.id AND e.status = 'SUPPLYING' ORDER BY e.position DESC LIMIT 1)"
                    : "(SELECT a.response_time_hours FROM partner_agreement a WHERE a.id = s.agreement_id)";
        }
    }

    /**
     * Flags, in set-based statements, every record stuck for longer than its agreement's response time (48 hours
     * without an agreement) for the staff of the library that must act, and clears the flags of records that moved
     * on; how many flags it raised. Running it again raises nothing twice.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int flagStuck(Instant asOf) {
        Timestamp at = Timestamp.from(asOf);
        int raised = 0;
        for (Stuck stuck : Stuck.values()) {
            em.createNativeQuery(stuck.clearSql()).setParameter(1, at).executeUpdate();
            raised += em.createNativeQuery(stuck.raiseSql()).setParameter(1, at).setParameter(2, stuck.reason)
                    .executeUpdate();
        }
        em.createNativeQuery(CLEAR_DISAGREEMENTS_SQL).setParameter(1, at).executeUpdate();
        return raised;
    }

    /** A disagreement with a partner stays flagged until the request moves on. */
    static final String CLEAR_DISAGREEMENTS_SQL = "UPDATE attention_flag f SET cleared_at = ?1 FROM ill_request r"
            + " WHERE f.cleared_at IS NULL AND f.kind = 'PARTNER_DISAGREES' AND f.request_id = r.id"
            + " AND r.updated_at > f.raised_at";
}

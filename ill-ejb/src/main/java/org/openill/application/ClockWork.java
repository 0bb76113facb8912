package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.NotFoundException;
import org.openill.domain.library.AgencyId;
import org.openill.domain.request.ClockFailure;
import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.RequestAction;
import org.openill.domain.request.RequestStateMachine;
import org.openill.domain.request.RotaEntryStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the clock has to do on requests, and its record of the requests it failed on. A request the clock fails on
 * again and again is left to staff (they see it in {@link RequestQueries}) and the clock does not touch it until they
 * let it try again. The steps themselves are {@link LendingService#markOverdue} and
 * {@link BorrowingService#moveOnPastDeadline}.
 */
@Stateless
public class ClockWork {

    private static final String NOT_LEFT_TO_STAFF =
            " AND NOT EXISTS (SELECT f FROM ClockFailure f WHERE f.requestId = r.id AND f.needsAttentionSince IS NOT NULL)";

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    /** How many days before its due date a reader is reminded of a loan. */
    public static final int DUE_SOON_DAYS = 3;

    /** Whether the due date is within {@value #DUE_SOON_DAYS} days from the library's date at the instant. */
    public static boolean dueWithin(LocalDate dueDate, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return dueDate != null && !dueDate.isBefore(today) && !dueDate.isAfter(today.plusDays(DUE_SOON_DAYS));
    }

    /**
     * Requests waiting past the deadline of their next step by the instant (the lender's answer or shipment, the
     * decision on its conditions), oldest request first.
     */
    public List<Long> requestsPastDeadline(Instant now) {
        return em.createQuery("""
                        SELECT DISTINCT r.id FROM RotaEntry e JOIN e.request r
                        WHERE e.status = :asked AND e.answerDueAt < :now AND r.state IN :waiting"""
                        + NOT_LEFT_TO_STAFF + " ORDER BY r.id", Long.class)
                .setParameter("asked", RotaEntryStatus.ASKED).setParameter("now", now)
                .setParameter("waiting", RequestStateMachine.statesAllowing(RequestAction.NO_ANSWER))
                .getResultList();
    }

    /** The requests the clock failed on lately and still tries. */
    public Set<Long> failing() {
        return new HashSet<>(em.createQuery(
                "SELECT f.requestId FROM ClockFailure f WHERE f.needsAttentionSince IS NULL", Long.class).getResultList());
    }

    /**
     * The clock failed on the request; in a transaction of its own, since the step's transaction was undone.
     *
     * @return true when this failure leaves the request to staff
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recordFailure(long requestId, RequestAction step, String error, Instant when) {
        ClockFailure failure = em.find(ClockFailure.class, requestId);
        boolean leftToStaff;
        if (failure == null) {
            failure = new ClockFailure(requestId, step, error, when);
            em.persist(failure);
            leftToStaff = failure.needsAttention();
        } else {
            leftToStaff = failure.failedAgain(step, error, when);
        }
        if (leftToStaff) {
            audit.record(Actor.SYSTEM, "ILL_REQUEST", requestId, "CLOCK_NEEDS_STAFF", null, null, failure.reason());
        }
        return leftToStaff;
    }

    /** The clock got through the request again: its past failures no longer count. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forgetFailures(long requestId) {
        em.createQuery("DELETE FROM ClockFailure f WHERE f.requestId = :id AND f.needsAttentionSince IS NULL")
                .setParameter("id", requestId).executeUpdate();
    }

    /** Staff have looked at a request the clock kept failing on, and let the clock try it again. */
    public void letTryAgain(Actor staff, long requestId) {
        // borrowing and lending records share one sequence of numbers: the number names one of them
        IllRequest request = em.find(IllRequest.class, requestId);
        SupplierRequest lending = request == null ? em.find(SupplierRequest.class, requestId) : null;
        if (request == null && lending == null) {
            throw new NotFoundException("There is no ILL request #" + requestId);
        }
        staff.requireSpeaksForOneOf("let the clock try again", request != null ? request.borrower().agencyId()
                : lending.lender().agencyId());
        ClockFailure failure = em.find(ClockFailure.class, requestId);
        if (failure == null || !failure.needsAttention()) {
            throw new IllRuleViolation("The clock has not left ILL request #" + requestId + " to staff");
        }
        audit.record(staff, "ILL_REQUEST", requestId, "CLOCK_TRY_AGAIN", null, null,
                "The clock may try again to " + failure.step().words() + " (it had failed "
                        + failure.consecutiveFailures() + " times in a row: " + failure.lastError() + ")");
        em.remove(failure);
    }

    /**
     * The failure in the words of whoever refused: a broken rule's own message, else the innermost cause (the
     * database's words rather than the container's wrappers), on one line.
     */
    public static String describe(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = String.valueOf(innermost.getMessage()).replaceAll("\\s+", " ").strip();
        return failure instanceof org.openill.domain.IllException ? message : innermost.getClass().getSimpleName() + ": " + message;
    }
}

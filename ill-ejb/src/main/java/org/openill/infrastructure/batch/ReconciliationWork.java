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
import org.openill.domain.lending.SupplierStateMachine;
import org.openill.domain.notification.ReaderNotification;
import org.openill.domain.request.RequestAction;
import org.openill.domain.request.RequestState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the loan-reconciliation job reads and does, item by item: each step of one loan in a transaction of its own
 * (as the lending clock does it), so that one loan that fails costs no other; the same rules and services as every
 * other path (LendingService.markOverdue, BorrowingService.remindDueSoon, AgreementService.expire).
 */
@Stateless
public class ReconciliationWork {

    /** The job acts as the system. */
    public static final Actor JOB = Actor.system("loan-reconciliation");

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
     * The next ids (at most {@code max}, after {@code after}, by id) of the lender's loans out or recalled whose due
     * date may have passed at the instant (each lender's own date decides when marking).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> loansMaybePastDue(long lenderId, Instant asOf, long after, int max) {
        return em.createQuery("""
                        SELECT r.id FROM SupplierRequest r
                        WHERE r.lender.id = :lender AND r.state IN :out AND r.dueDate < :latest AND r.id > :after
                        ORDER BY r.id""", Long.class)
                .setParameter("lender", lenderId)
                .setParameter("out", SupplierStateMachine.statesAllowing(SupplierAction.MARK_OVERDUE))
                .setParameter("latest", LocalDate.ofInstant(asOf, ZoneOffset.MAX))
                .setParameter("after", after).setMaxResults(max).getResultList();
    }

    /** The next ids of the borrowing library's loans that may be due within the reminder's days, not yet reminded. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> loansMaybeDueSoon(long borrowerId, Instant asOf, long after, int max) {
        return em.createQuery("""
                        SELECT r.id FROM IllRequest r
                        WHERE r.borrower.id = :borrower AND r.state = :loaned AND r.dueDate <= :latest AND r.id > :after
                          AND NOT EXISTS (SELECT n FROM ReaderNotification n WHERE n.request = r AND n.kind = :dueSoon)
                        ORDER BY r.id""", Long.class)
                .setParameter("borrower", borrowerId).setParameter("loaned", RequestState.LOANED)
                .setParameter("latest", LocalDate.ofInstant(asOf, ZoneOffset.MAX).plusDays(ClockWork.DUE_SOON_DAYS))
                .setParameter("dueSoon", ReaderNotification.Kind.DUE_SOON)
                .setParameter("after", after).setMaxResults(max).getResultList();
    }

    /** Marks the loan overdue if its due date has passed by its lender's date; true when it did. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean markOverdue(long recordId, Instant asOf) {
        return lending.markOverdue(JOB, recordId, asOf);
    }

    /** Reminds the reader of a loan due soon, once; true when it did. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remindDueSoon(long requestId, Instant asOf) {
        return borrowing.remindDueSoon(JOB, requestId, asOf);
    }

    /** Records that the job failed on a request (after enough failures in a row, it is left to staff). */
    public void recordFailure(long requestId, RequestAction step, String error, Instant when) {
        clockWork.recordFailure(requestId, step, error, when);
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
}

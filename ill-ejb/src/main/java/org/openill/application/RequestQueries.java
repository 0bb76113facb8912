package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.request.ClockFailure;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.LoanCondition;
import org.openill.domain.request.RequestState;
import org.openill.infrastructure.persistence.IllRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Read models of ILL requests for staff and readers. */
@Stateless
public class RequestQueries {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private IllRepository repository;

    public RequestDetails details(long requestId) {
        IllRequest request = repository.request(requestId, null);
        ClockFailure failure = em.find(ClockFailure.class, requestId);
        return new RequestDetails(request.id(), request.version(), request.state(), request.state().iso18626(),
                request.serviceType(), request.description().title(), request.reader().cardNumber(),
                request.borrower().agencyId().value(),
                request.lender() == null ? null : request.lender().agencyId().value(),
                request.dueDate(), request.renewals(), request.renewalRequested(),
                request.conditionSet().stream().map(LoanCondition::iso18626).collect(Collectors.joining(",")),
                request.unfilledReasons(), request.actionsNow(),
                request.rota().stream().map(entry -> new RequestDetails.RotaLine(entry.position(),
                        entry.lender().agencyId().value(), entry.status(), entry.reason(), entry.answerDueAt())).toList(),
                request.events().stream().map(event -> new RequestDetails.AuditLine(event.occurredAt(), event.actor(),
                        event.action(), event.fromState(), event.toState(), event.message(), event.note())).toList(),
                failure == null ? null : new RequestDetails.ClockTrouble(failure.step(), failure.consecutiveFailures(),
                        failure.lastError(), failure.lastFailedAt(), failure.needsAttention(), failure.reason()),
                request.receivedAt(), request.checkedOutAt(), request.isWithReader(), request.reader().fullName(),
                request.reader().email());
    }

    /**
     * The requests of a library, as borrower or lender, that the clock failed on again and again and left to staff,
     * longest waiting first: its borrowing requests, and its own lending records (which the clock marks overdue).
     */
    public List<RequestNeedingAttention> needingAttention(String libraryIsil) {
        List<RequestNeedingAttention> all = new ArrayList<>(borrowingNeedingAttention(libraryIsil));
        all.addAll(lendingNeedingAttention(libraryIsil));
        all.sort(Comparator.comparing(RequestNeedingAttention::since)
                .thenComparing(RequestNeedingAttention::requestId));
        return all;
    }

    private List<RequestNeedingAttention> lendingNeedingAttention(String libraryIsil) {
        List<Object[]> rows = em.createQuery("""
                        SELECT r.id, r.version, r.description.title, r.state, r.requestingAgency.value,
                               l.agencyId.value, f
                        FROM SupplierRequest r JOIN r.lender l, ClockFailure f
                        WHERE f.requestId = r.id AND f.needsAttentionSince IS NOT NULL AND l.agencyId.value = :isil
                        ORDER BY f.needsAttentionSince, r.id""", Object[].class)
                .setParameter("isil", libraryIsil).getResultList();
        return rows.stream().map(row -> {
            ClockFailure failure = (ClockFailure) row[6];
            return new RequestNeedingAttention((Long) row[0], (Long) row[1], (String) row[2],
                    ((SupplierState) row[3]).name(), (String) row[4], (String) row[5], failure.reason(),
                    failure.needsAttentionSince());
        }).toList();
    }

    private List<RequestNeedingAttention> borrowingNeedingAttention(String libraryIsil) {
        List<Object[]> rows = em.createQuery("""
                        SELECT r.id, r.version, r.description.title, r.state, b.agencyId.value, l.agencyId.value, f
                        FROM IllRequest r JOIN r.borrower b LEFT JOIN r.lender l, ClockFailure f
                        WHERE f.requestId = r.id AND f.needsAttentionSince IS NOT NULL
                          AND (b.agencyId.value = :isil OR l.agencyId.value = :isil)
                        ORDER BY f.needsAttentionSince, r.id""", Object[].class)
                .setParameter("isil", libraryIsil).getResultList();
        return rows.stream().map(row -> {
            ClockFailure failure = (ClockFailure) row[6];
            return new RequestNeedingAttention((Long) row[0], (Long) row[1], (String) row[2],
                    ((RequestState) row[3]).name(), (String) row[4], (String) row[5], failure.reason(),
                    failure.needsAttentionSince());
        }).toList();
    }
}

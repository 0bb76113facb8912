package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.LoanCondition;
import org.openill.domain.request.RequestStateMachine;
import org.openill.infrastructure.persistence.IllRepository;

import java.util.stream.Collectors;

/** Read models of ILL requests for staff and readers. */
@Stateless
public class RequestQueries {

    @EJB
    private IllRepository repository;

    public RequestDetails details(long requestId) {
        IllRequest request = repository.request(requestId, null);
        return new RequestDetails(request.id(), request.version(), request.state(), request.state().iso18626(),
                request.serviceType(), request.description().title(), request.reader().cardNumber(),
                request.borrower().agencyId().value(),
                request.lender() == null ? null : request.lender().agencyId().value(),
                request.dueDate(), request.renewals(), request.renewalRequested(),
                request.conditionSet().stream().map(LoanCondition::iso18626).collect(Collectors.joining(",")),
                request.unfilledReasons(), RequestStateMachine.actionsIn(request.state()),
                request.rota().stream().map(entry -> new RequestDetails.RotaLine(entry.position(),
                        entry.lender().agencyId().value(), entry.status(), entry.reason(), entry.answerDueAt())).toList(),
                request.events().stream().map(event -> new RequestDetails.AuditLine(event.occurredAt(), event.actor(),
                        event.action(), event.fromState(), event.toState(), event.message(), event.note())).toList());
    }
}

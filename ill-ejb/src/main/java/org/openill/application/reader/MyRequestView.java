package org.openill.application.reader;

import org.openill.domain.notification.ReaderNotification;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.LoanCondition;
import org.openill.domain.request.RequestAction;
import org.openill.domain.request.RequestEvent;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One of a reader's requests as they follow it: the item, where the request stands and who handles it now, the
 * conditions a lender set, what the reader may do now, the timeline of its states and the messages about it.
 */
public record MyRequestView(long id, long version, String title, String authors, String partTitle, String pages,
                            ServiceType service, RequestState state, String handledBy, String homeLibrary,
                            LocalDate dueDate, boolean renewalRequested, Set<LoanCondition> conditions,
                            BigDecimal conditionCost, String conditionCurrency, Set<RequestAction> steps,
                            List<Step> timeline, List<Message> messages) {

    /** One change of the request: when, what was done, the state it led to (null when the state stayed). */
    public record Step(Instant at, RequestAction action, RequestState state, boolean byReader) {
    }

    /** A message to the reader about the request. */
    public record Message(Instant at, String subject, String body) {
    }

    static MyRequestView of(IllRequest request, Set<RequestAction> steps, List<ReaderNotification> messages) {
        var description = request.description();
        String readerActor = "reader " + request.borrower().agencyId().value() + "/" + request.reader().cardNumber();
        return new MyRequestView(request.id(), request.version(), description.title(), description.authors(),
                description.partTitle(), description.pages(), request.serviceType(), request.state(),
                handledBy(request), request.borrower().name(), request.dueDate(), request.renewalRequested(),
                request.conditionSet(), request.conditionCost(), request.conditionCurrency(), steps,
                request.events().stream().map(event -> step(event, readerActor)).toList(),
                messages.stream().map(n -> new Message(n.createdAt(), n.subject(), n.body())).toList());
    }

    private static Step step(RequestEvent event, String readerActor) {
        return new Step(event.occurredAt(), event.action(),
                event.toState() == event.fromState() ? null : event.toState(), readerActor.equals(event.actor()));
    }

    /** The library handling the request now: the lender while it has it, else the reader's own library. */
    static String handledBy(IllRequest request) {
        return request.lender() != null && request.state().isWithLender() ? request.lender().name() : request.borrower().name();
    }
}

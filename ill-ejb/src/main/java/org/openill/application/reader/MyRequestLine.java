package org.openill.application.reader;

import org.openill.domain.request.IllRequest;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;

import java.time.Instant;
import java.time.LocalDate;

/** One of a reader's requests in their list: what, where it stands, who has it now. */
public record MyRequestLine(long id, String title, ServiceType service, RequestState state, String handledBy,
                            Instant submittedAt, LocalDate dueDate, boolean answerNeeded, boolean open) {

    static MyRequestLine of(IllRequest request) {
        return new MyRequestLine(request.id(), request.description().title(), request.serviceType(),
                request.state(), MyRequestView.handledBy(request), request.createdAt(), request.dueDate(),
                request.state() == RequestState.AWAITING_READER_CONSENT, !request.state().isFinal());
    }
}

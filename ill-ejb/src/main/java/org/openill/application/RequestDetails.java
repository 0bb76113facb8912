package org.openill.application;

import org.openill.domain.request.RequestAction;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.RotaEntryStatus;
import org.openill.domain.request.ServiceType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything staff see about one request: where it stands, its rota of lenders, its audit trail, and what the clock
 * failed to do on it (null when nothing); where the item is (received, lent to the reader).
 */
public record RequestDetails(long id, long version, RequestState state, String iso18626Status, ServiceType serviceType,
                             String title, String readerCard, String borrowerIsil, String lenderIsil,
                             LocalDate dueDate, int renewals, boolean renewalRequested, String conditions,
                             String unfilledReasons, Set<RequestAction> allowedActions, List<RotaLine> rota,
                             List<AuditLine> audit, ClockTrouble clockTrouble, Instant receivedAt,
                             Instant checkedOutAt, boolean withReader, String readerName, String readerEmail) {

    /** One lender of the rota and its answer. */
    public record RotaLine(int position, String lenderIsil, RotaEntryStatus status, String reason, Instant answerDueAt) {
    }

    /** One line of the audit trail. */
    public record AuditLine(Instant at, String actor, RequestAction action, RequestState from, RequestState to,
                            String message, String note) {
    }

    /**
     * The clock failed on the request, {@code consecutiveFailures} times in a row; when {@code needsAttention}, it
     * leaves the request to staff until they let it try again.
     */
    public record ClockTrouble(RequestAction step, int consecutiveFailures, String lastError, Instant lastFailedAt,
                               boolean needsAttention, String reason) {
    }
}

package org.openill.application;

import jakarta.ejb.EJB;
import org.openill.application.protocol.MessageHandler;
import org.openill.application.protocol.ProtocolMessages;
import org.openill.application.protocol.ProtocolOutbox;
import org.openill.domain.Text;
import org.openill.domain.request.RotaEntry;
import org.openill.iso18626.v2021.TypeAction;
import org.openill.iso18626.v2021.TypeReasonForMessage;
import org.openill.iso18626.v2021.TypeRequestType;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.CirculationStatus;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.fee.FeeKind;
import org.openill.domain.library.Library;
import org.openill.domain.library.LibraryStatus;
import org.openill.domain.notification.ReaderNotification;
import org.openill.domain.reader.Reader;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.ReaderTerms;
import org.openill.domain.library.Branch;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;
import org.openill.infrastructure.persistence.IllRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The borrowing side of interlibrary loan: a reader applies, the borrowing ILL office validates and routes the
 * request along the rota of lenders, decides on conditions, receives, returns. Each method is one step of that work
 * and one transaction; the rules are those of the domain.
 */
@Stateless
public class BorrowingService {

    private static final Logger LOG = Logger.getLogger(BorrowingService.class.getName());

    static final List<RequestState> FINAL_STATES = Arrays.stream(RequestState.values())
            .filter(RequestState::isFinal).toList();

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private IllRepository repository;

    @EJB
    private RoutingService routing;

    @EJB
    private FeeLedger ledger;

    @EJB
    private AttentionFlags flags;

    @EJB
    private ProtocolOutbox outbox;

    /**
     * A reader applies for a loan or a copy.
     *
     * @param recordId the union catalogue record the reader chose, or null when they describe an item themselves
     * @return the id of the new request
     * @throws IllRuleViolation saying why the application cannot be accepted
     */
    public long apply(Actor.Reader applicant, Long recordId, BibliographicDescription description,
                      ServiceType service) {
        return apply(applicant, recordId, description, service, null);
    }

    /**
     * A reader applies for a loan or a copy, saying besides the item until when they need it, where they pick it up,
     * the most they will pay, a note, and for a copy the copyright declaration.
     *
     * @param terms what the reader said (null: nothing, as an application made by the ILL office)
     */
    public long apply(Actor.Reader applicant, Long recordId, BibliographicDescription description,
                      ServiceType service, ApplicationTerms terms) {
        if (description == null || service == null) {
            throw new IllRuleViolation("An application needs the item's description and the service, loan or copy");
        }
        String insufficiency = description.insufficiencyFor(service);
        if (insufficiency != null) {
            throw new IllRuleViolation("The bibliographic data cannot identify the item: " + insufficiency)
                    .says("gap." + description.gapFor(service).name(), description.title());
        }
        Reader reader = repository.reader(applicant.library().value(), applicant.cardNumber());
        // one application at a time per reader, so that two at once cannot both pass the limits below
        em.lock(reader, LockModeType.PESSIMISTIC_WRITE);
        Library library = reader.homeLibrary();
        requireMember(library);
        LocalDate today = LocalDate.now(library.timeZone());
        reader.whyCardCannotBeUsedOn(today).ifPresent(why -> {
            throw reader.status() == org.openill.domain.reader.ReaderStatus.BLOCKED
                    ? new IllRuleViolation(why).says("cardBlocked", reader.cardNumber(), reader.blockedReason())
                    : new IllRuleViolation(why).says("cardNotValid", reader.cardNumber(), today.toString(),
                    reader.cardValidFrom().toString(), reader.cardValidUntil().toString());
        });
        if (!reader.category().mayRequest(service)) {
            throw new IllRuleViolation("Readers of category " + reader.category() + " cannot ask for "
                    + service.iso18626().toLowerCase() + "s through interlibrary loan")
                    .says("categoryMayNot", reader.category().name(), service.name());
        }
        long open = em.createQuery("SELECT COUNT(r) FROM IllRequest r WHERE r.reader = :reader AND r.state NOT IN :done",
                        Long.class)
                .setParameter("reader", reader).setParameter("done", FINAL_STATES).getSingleResult();
        if (open >= reader.category().maxOpenRequests()) {
            throw new IllRuleViolation("You have " + open + " open interlibrary loan requests, the most a "
                    + reader.category().name().toLowerCase() + " reader may have; wait until one is completed")
                    .says("tooManyOpen", open);
        }
        BibliographicRecord record = recordId != null ? repository.record(recordId) : matchingRecord(description);
        rejectDuplicate(reader, record, description, service);
        rejectIfHeldLocally(library, record, service);

        Instant now = Instant.now();
        ReaderTerms readerTerms = terms == null ? ReaderTerms.NONE : ReaderTerms.of(service, terms.neededBefore(),
                terms.maxCost(), terms.note(), terms.copyrightDeclared(), today, now);
        Branch pickup = terms == null || terms.pickupBranchCode() == null ? null
                : library.branches().stream().filter(branch -> branch.code().equals(terms.pickupBranchCode()))
                .findFirst().orElseThrow(() -> new InvalidInputException("pick-up branch", library.name()
                        + " has no branch " + terms.pickupBranchCode()).says("noSuchBranch", terms.pickupBranchCode()));
        IllRequest request = new IllRequest(applicant, reader, record, description, service, readerTerms, pickup, now);
        repository.add(request);
        repository.flush(request);
        LOG.info(() -> "ILL request #" + request.id() + " by " + reader.cardNumber() + " for " + description.title());
        return request.id();
    }

    /** The borrowing ILL office has checked the application. */
    public void validate(Actor staff, long requestId, Long expectedVersion) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.validate(staff, Instant.now(), null);
        repository.flush(request);
    }

    /**
     * Builds the rota of lenders and asks the first; with no lender at all the request ends unfilled and the reader
     * is told why.
     *
     * @return true when a lender was asked
     */
    public boolean route(Actor staff, long requestId, Long expectedVersion) {
        IllRequest request = repository.request(requestId, expectedVersion);
        requireMember(request.borrower());
        RoutingService.Rota rota = routing.rotaFor(request, LocalDate.now(request.borrower().timeZone()));
        request.planRota(staff, rota.agreements(), rota.reasons());
        request.sendToNextLender(staff, Instant.now());
        return afterRotaMoved(request, null, false);
    }

    /**
     * Staff send the request to a lender of their choice. The lender must still be able to supply under the rules
     * (a reference room never lends; an agreement must allow it), otherwise the reason is given.
     */
    public void routeTo(Actor staff, long requestId, Long expectedVersion, String lenderIsil) {
        IllRequest request = repository.request(requestId, expectedVersion);
        requireMember(request.borrower());
        RoutingService.Rota rota = routing.rotaFor(request, LocalDate.now(request.borrower().timeZone()));
        var chosen = rota.lenders().stream()
                .filter(candidate -> candidate.lender().agencyId().value().equals(lenderIsil)).toList();
        if (chosen.isEmpty()) {
            String why = rota.reasons().stream().filter(reason -> reason.startsWith(lenderIsil)).findFirst()
                    .orElse(lenderIsil + " does not hold the item");
            throw new IllRuleViolation("Cannot send the request to " + lenderIsil + ": " + why);
        }
        request.planRota(staff, chosen.stream().map(candidate -> candidate.agreement()).toList(), List.of());
        request.sendToNextLender(staff, Instant.now());
        afterRotaMoved(request, null, false);
    }

    /** The borrowing office stops waiting for the current lender (which is told to cancel) and asks the next one. */
    public void skipLender(Actor staff, long requestId, Long expectedVersion, String reason) {
        IllRequest request = repository.request(requestId, expectedVersion);
        RotaEntry before = currentEntryOf(request);
        request.skipLender(staff, reason, Instant.now());
        afterRotaMoved(request, before, true);
    }

    /**
     * The borrowing office accepts the lender's conditions: the request goes to the lender again (a Retry, which is
     * how ISO 18626 says yes), or first to the reader where the conditions concern them.
     */
    public void acceptConditions(Actor staff, long requestId, Long expectedVersion) {
        IllRequest request = repository.request(requestId, expectedVersion);
        Instant now = Instant.now();
        String previous = request.currentEntry().requestingAgencyRequestId();
        if (request.acceptConditions(staff, now)) {
            repository.add(ReaderNotification.conditionsToAccept(request, now));
            repository.flush(request);
            return;
        }
        sendAgain(request, previous);
    }

    /** The borrowing office declines the conditions: the lender is told to cancel, and the next lender asked. */
    public void declineConditions(Actor staff, long requestId, Long expectedVersion, String reason) {
        IllRequest request = repository.request(requestId, expectedVersion);
        RotaEntry before = currentEntryOf(request);
        request.declineConditions(staff, Instant.now(), reason);
        afterRotaMoved(request, before, true);
    }

    /** The reader answers the conditions the borrowing office passed on to them. */
    public void readerAnswersConditions(Actor reader, long requestId, boolean accept) {
        IllRequest request = repository.request(requestId, null);
        RotaEntry before = currentEntryOf(request);
        String previous = before == null ? null : before.requestingAgencyRequestId();
        request.readerAnswersConditions(reader, accept, Instant.now());
        if (accept) {
            sendAgain(request, previous);
        } else {
            afterRotaMoved(request, before, true);
        }
    }

    /** After RetryPossible: the office sends the request to the same lender again. */
    public void retry(Actor staff, long requestId, Long expectedVersion) {
        IllRequest request = repository.request(requestId, expectedVersion);
        String previous = request.currentEntry().requestingAgencyRequestId();
        request.sendRetry(staff, Instant.now());
        sendAgain(request, previous);
    }

    /** The lender is slow to answer: it is reminded of the request (a Request of type Reminder). */
    public void remind(Actor staff, long requestId, Long expectedVersion) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.sendReminder(staff, Instant.now());
        repository.flush(request);
        outbox.send(request, ProtocolMessages.reminder(request, request.currentEntry(), Instant.now()));
    }

    /** The office asks the lender where the request stands (StatusRequest); its answer is noted with the request. */
    public void askStatus(Actor staff, long requestId) {
        IllRequest request = repository.request(requestId, null);
        RotaEntry entry = request.currentEntry();
        staff.requireSpeaksForOneOf("ask the lender for the status", request.borrower().agencyId());
        request.noted(staff, "Status asked of " + entry.lender().agencyId().value(), Instant.now());
        tell(request, entry, TypeAction.STATUS_REQUEST, null);
    }

    /** Staff of the borrowing library write to the lender's ILL office (a Notification). */
    public void notifyLender(Actor staff, long requestId, String note) {
        IllRequest request = repository.request(requestId, null);
        RotaEntry entry = request.currentEntry();
        staff.requireSpeaksForOneOf("write to the lender", request.borrower().agencyId());
        String text = Text.required("note", note, 2000);
        request.noted(staff, "Notification sent to " + entry.lender().agencyId().value() + ": " + text, Instant.now());
        tell(request, entry, TypeAction.NOTIFICATION, text);
    }

    /** The borrowing library received the lent item: the reader is told, and the lender (Received). */
    public void receive(Actor staff, long requestId, Long expectedVersion) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.receive(staff, Instant.now());
        repository.add(ReaderNotification.itemArrived(request, Instant.now()));
        tell(request, request.currentEntry(), TypeAction.RECEIVED, null);
    }

    /** The borrowing library lends the received item to its reader (a step of its own: the lender is not told). */
    public void checkOut(Actor staff, long requestId, Long expectedVersion) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.checkOut(staff, Instant.now());
        repository.flush(request);
    }

    /** The reader brought the item back to the borrowing library, which will ship it back to the lender. */
    public void checkInFromReader(Actor staff, long requestId, Long expectedVersion) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.checkInFromReader(staff, Instant.now());
        repository.flush(request);
    }

    /** The reader (or their ILL office) asks the lender for a longer loan (Renew). */
    public void requestRenewal(Actor actor, long requestId) {
        IllRequest request = repository.request(requestId, null);
        request.requestRenewal(actor, Instant.now());
        tell(request, request.currentEntry(), TypeAction.RENEW, null);
    }

    public void shipBack(Actor staff, long requestId, Long expectedVersion) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.shipBack(staff, Instant.now(), null);
        tell(request, request.currentEntry(), TypeAction.SHIPPED_RETURN, null);
    }

    /** The item goes on to another library instead of back (ShippedForward). */
    public void shipForward(Actor staff, long requestId, Long expectedVersion, String note) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.shipForward(staff, Instant.now(), note);
        tell(request, request.currentEntry(), TypeAction.SHIPPED_FORWARD, note);
    }

    /** The borrowing library cannot send the item back now and tells the lender (HoldReturn). */
    public void holdReturn(Actor staff, long requestId, Long expectedVersion, String note) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.holdReturn(staff, Instant.now(), note);
        tell(request, request.currentEntry(), TypeAction.HOLD_RETURN, note);
    }

    /**
     * The item is lost on the borrowing side: the lender is told (Lost) and charges its replacement fee, which a
     * fee-paying reader pays unless the item was lost on its way back.
     */
    public void reportLost(Actor staff, long requestId, Long expectedVersion, String note) {
        IllRequest request = repository.request(requestId, expectedVersion);
        // lost on the way back to the lender: the library answers for it, not the reader who returned it
        boolean readerLiable = request.state() != RequestState.SHIPPED_BACK
                && request.state() != RequestState.SHIPPED_FORWARD;
        Instant now = Instant.now();
        request.reportLost(staff, now, note);
        if (readerLiable) {
            request.currentAgreement().ifPresent(agreement -> ledger.passOnToReader(request, FeeKind.REPLACEMENT,
                    agreement.replacementFee(), agreement.currency(), now));
        }
        tell(request, request.currentEntry(), TypeAction.LOST, note);
    }

    /**
     * The reader or their ILL office withdraws the request: at once while no lender has it, otherwise the lender is
     * asked (Cancel) and its answer decides.
     */
    public void cancel(Actor actor, long requestId, Long expectedVersion, String reason) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.cancel(actor, Instant.now(), reason);
        if (request.state() == RequestState.CANCEL_REQUESTED) {
            tell(request, request.currentEntry(), TypeAction.CANCEL, reason == null || reason.isBlank() ? null
                    : reason.strip());
        } else {
            repository.flush(request);
        }
    }

    /**
     * One step of the clock's sweep for loans due soon: the reader is reminded, once, if the loan is still out and due
     * within {@value ClockWork#DUE_SOON_DAYS} days. In a transaction of its own.
     *
     * @return true when the reader was reminded now
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remindDueSoon(Actor clock, long requestId, Instant now) {
        clock.requireNetworkWide("remind readers of loans due soon");
        IllRequest request = repository.requestNotBusy(requestId);
        if (!wantsDueSoonReminder(request, !remindedDueSoon(List.of(requestId)).isEmpty(), now)) {
            return false;
        }
        repository.add(ReaderNotification.dueSoon(request, now));
        return true;
    }

    /**
     * Reminds the readers of the loans due soon among the requests (a chunk of the nightly reconciliation) in the
     * caller's transaction, by the same rule as {@link #remindDueSoon(Actor, long, Instant)} for each; requests
     * another transaction is changing right now are passed over (the next night looks at them again).
     *
     * @return how many readers were reminded
     */
    public int remindDueSoon(Actor clock, List<Long> requestIds, Instant now) {
        clock.requireNetworkWide("remind readers of loans due soon");
        // read as values, not as requests: a reminder changes no request, and the requests are many thousand
        List<IllRepository.LoanDue> loans = repository.loansDueNotBusy(requestIds);
        java.util.Set<Long> reminded = remindedDueSoon(loans.stream().map(IllRepository.LoanDue::requestId).toList());
        int count = 0;
        for (IllRepository.LoanDue loan : loans) {
            if (wantsDueSoonReminder(loan.state(), loan.dueDate(), loan.zone(), reminded.contains(loan.requestId()),
                    now)) {
                repository.add(ReaderNotification.dueSoon(em.getReference(IllRequest.class, loan.requestId()),
                        em.getReference(Reader.class, loan.readerId()), loan.title(), loan.language(), loan.dueDate(),
                        now));
                count++;
            }
        }
        return count;
    }

    /** The one rule: a loan out whose due date, by its library's date, is within the reminder's days; once. */
    private static boolean wantsDueSoonReminder(IllRequest request, boolean reminded, Instant now) {
        return wantsDueSoonReminder(request.state(), request.dueDate(), request.borrower().timeZone(), reminded, now);
    }

    private static boolean wantsDueSoonReminder(RequestState state, java.time.LocalDate dueDate, java.time.ZoneId zone,
                                                boolean reminded, Instant now) {
        return !reminded && state == RequestState.LOANED && ClockWork.dueWithin(dueDate, zone, now);
    }

    /** Those of the requests whose reader was reminded of the due date already. */
    private java.util.Set<Long> remindedDueSoon(List<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(em.createQuery("""
                        SELECT n.request.id FROM ReaderNotification n WHERE n.request.id IN :requests AND n.kind = :dueSoon""",
                        Long.class).setParameter("requests", requestIds)
                .setParameter("dueSoon", ReaderNotification.Kind.DUE_SOON).getResultList());
    }

    /**
     * One step of the clock's sweep for requests waiting past their deadline (an answer, a promised shipment, a
     * decision on conditions, the answer to a cancellation): the request moves on to the next lender if its deadline
     * has still passed now, and the lender left is told to cancel. In a transaction of its own, so that one failing
     * request loses nothing else.
     *
     * @return true when the request moved on
     * @throws org.openill.domain.ConcurrentChangeException when someone else is changing the request right now
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean moveOnPastDeadline(Actor clock, long requestId, Instant now) {
        IllRequest request = repository.requestNotBusy(requestId);
        if (!request.isPastDeadline(now)) {
            return false;
        }
        RotaEntry before = currentEntryOf(request);
        boolean cancelling = request.state() == RequestState.CANCEL_REQUESTED;
        request.moveOnPastDeadline(clock, now);
        afterRotaMoved(request, before, !cancelling);
        return true;
    }

    /**
     * What the lender's supplying agency message reports, applied to the borrowing library's record (called by the
     * ISO 18626 handling in the message's transaction, which writes the change; the record is locked before it is
     * read). A message of an earlier transaction with a lender the request has left (the answer to our cancellation, a
     * late note) is only noted.
     */
    public void lenderReports(Actor lender, IllRequest request, RotaEntry entry, MessageHandler.LenderReport report,
                              Instant now) {
        String isil = entry.lender().agencyId().value();
        RotaEntry current = currentEntryOf(request);
        if (current != entry) {
            if (report.reason() == TypeReasonForMessage.CANCEL_RESPONSE
                    || report.reason() == TypeReasonForMessage.NOTIFICATION
                    || report.reason() == TypeReasonForMessage.STATUS_REQUEST_RESPONSE) {
                request.noted(lender, isil + " (asked earlier) reports " + report.status().value()
                        + (report.answered() ? ", answer " + (report.yes() ? "yes" : "no") : "")
                        + (report.note() == null ? "" : ": " + report.note()), now);
                return;
            }
            throw new IllRuleViolation("Request " + entry.requestingAgencyRequestId() + " has moved on from "
                    + isil + ": it is " + request.state());
        }
        request.lenderIdentified(lender, report.supplyingAgencyRequestId());
        switch (report.reason()) {
            case NOTIFICATION -> request.noted(lender, "Notification from " + isil
                    + (report.note() == null ? "" : ": " + report.note()), now);
            case STATUS_REQUEST_RESPONSE -> {
                request.noted(lender, isil + " reports its status: " + report.status().value()
                        + (report.dueDate() == null ? "" : ", due " + report.dueDate()), now);
                reconcile(lender, request, entry, report, now);
            }
            case CANCEL_RESPONSE -> {
                if (report.yes() && request.state() == RequestState.CANCEL_REQUESTED) {
                    request.cancelAccepted(lender, now);
                } else if (!report.yes() && request.state() == RequestState.CANCEL_REQUESTED) {
                    request.cancelRefused(lender, report.note(), now);
                } else {
                    request.noted(lender, isil + " answered the cancellation " + (report.yes() ? "yes" : "no")
                            + " (the request is " + request.state() + ")", now);
                }
            }
            case RENEW_RESPONSE -> {
                if (report.yes()) {
                    request.approveRenewal(lender, report.dueDate(), now);
                    notifyRenewal(request, "renewed", request.dueDate());
                } else if (request.renewalRequested()) {
                    request.denyRenewal(lender, report.note(), now);
                    notifyRenewal(request, "refused", request.dueDate(), report.note() == null ? "" : ": " + report.note());
                } else {
                    request.noted(lender, isil + " answered no to a renewal no longer asked for", now);
                }
            }
            default -> statusReported(lender, request, entry, report, now);
        }
    }

    /**
     * The lender's answer to a status request: where its status disagrees with our state
     * ({@link RequestState#agreesWithLender}), the request follows it as it would have followed the lender's message
     * that we missed (a loan shipped, completed, overdue ...); where it cannot (no such step from our state), the
     * disagreement is noted and flagged for the borrowing library's staff.
     */
    private void reconcile(Actor lender, IllRequest request, RotaEntry entry, MessageHandler.LenderReport report,
                           Instant now) {
        String status = report.status().value();
        if (request.state().agreesWithLender(status)) {
            return;
        }
        RequestState before = request.state();
        try {
            statusReported(lender, request, entry, report, now);
        } catch (org.openill.domain.IllException cannot) {
            String why = entry.lender().agencyId().value() + " reports " + status + " while the request is " + before
                    + ", and the request cannot follow: " + cannot.getMessage();
            request.noted(lender, Text.cut(why, 2000), now);
            flags.partnerDisagrees(request, why, now);
        }
    }

    private void statusReported(Actor lender, IllRequest request, RotaEntry entry, MessageHandler.LenderReport report,
                                Instant now) {
        String isil = entry.lender().agencyId().value();
        RequestState state = request.state();
        switch (report.status()) {
            case REQUEST_RECEIVED -> request.noted(lender, isil + " received the request", now);
            case EXPECT_TO_SUPPLY -> request.expectToSupply(lender, now, report.note());
            case WILL_SUPPLY -> request.willSupply(lender, now, report.note());
            case RETRY_POSSIBLE -> {
                if (!report.conditions().isEmpty() || report.cost() != null && report.cost().signum() > 0) {
                    request.proposeConditions(lender, report.conditions(), report.cost(), report.currency(),
                            report.retryBefore(), now, report.note());
                } else {
                    request.retryPossible(lender, report.note() != null ? report.note() : report.reasonRetry(),
                            report.retryBefore(), now);
                }
            }
            case UNFILLED -> {
                // "Other" only says that the note gives the reason; the partner's words are cut to what we keep
                // rather than refused, or the request would stay with a lender that has said no
                String why = report.note() != null && (report.reasonUnfilled() == null
                        || report.reasonUnfilled().equals("Other")) ? report.note()
                        : report.reasonUnfilled() + (report.note() == null ? "" : ": " + report.note());
                request.lenderUnfilled(lender, Text.cut(why, IllRequest.REASON_LENGTH), now);
                afterRotaMoved(request, null, false);
            }
            case LOANED -> {
                if (state.isItemOut()) {
                    request.noted(lender, isil + " reports the item on loan, due " + report.dueDate(), now);
                    return;
                }
                request.shipLoan(lender, report.dueDate(), report.itemId(), now);
                chargeReader(request, FeeKind.LOAN, now);
            }
            case COPY_COMPLETED -> {
                request.deliverCopy(lender, report.itemId(), now, report.note());
                chargeReader(request, FeeKind.COPY, now);
                repository.add(ReaderNotification.copyDelivered(request, now));
            }
            case OVERDUE -> {
                if (state == RequestState.OVERDUE) {
                    request.noted(lender, isil + " reports the loan overdue", now);
                } else {
                    request.markOverdue(lender, now);
                    repository.add(ReaderNotification.overdue(request, now));
                }
            }
            case RECALLED -> {
                if (request.recall(lender, report.dueDate(), now, report.note())) {
                    notifyRenewal(request, "recalled");
                }
                repository.add(ReaderNotification.recalled(request, now));
            }
            case HOLD_RETURN -> {
                if (state == RequestState.RETURN_HELD && request.lenderStatus() != null
                        && request.lenderStatus().equals("HoldReturn")) {
                    request.noted(lender, isil + " confirms the return is on hold", now);
                } else {
                    request.lenderHoldsReturn(lender, now, report.note());
                }
            }
            case RELEASE_HOLD_RETURN -> request.releaseHoldReturn(lender, now);
            case LOAN_COMPLETED -> request.loanCompleted(lender, now);
            case COMPLETED_WITHOUT_RETURN -> {
                if (state == RequestState.COMPLETED_WITHOUT_RETURN) {
                    request.noted(lender, isil + " closed the loan without return, as reported lost", now);
                } else {
                    request.completedWithoutReturn(lender, now, report.note());
                }
            }
            case CANCELLED -> {
                if (state != RequestState.CANCEL_REQUESTED) {
                    throw new IllRuleViolation("No cancellation was asked of " + isil + "; the request is " + state);
                }
                request.cancelAccepted(lender, now);
            }
            default -> throw new IllRuleViolation("The status " + report.status().value() + " is not understood here");
        }
    }

    /** The reader of a fee-paying category pays what the lender charges under the agreement (and a cost accepted). */
    private void chargeReader(IllRequest request, FeeKind kind, Instant now) {
        request.currentAgreement().ifPresent(agreement -> {
            ledger.passOnToReader(request, kind, agreement.fee(request.suppliedAs()), agreement.currency(), now);
            if (request.conditionCost() != null) {
                ledger.passOnToReader(request, FeeKind.CONDITION_COST, request.conditionCost(),
                        request.conditionCurrency(), now);
            }
        });
    }

    /** The answer to the reader's renewal: renewed (new due date), refused (due date, the lender's note), recalled. */
    private void notifyRenewal(IllRequest request, String answer, Object... values) {
        repository.add(ReaderNotification.renewalAnswer(request, answer, Instant.now(), values));
    }

    /**
     * After the request moved along its rota: the new lender's limit holds, the lender left on our initiative is told
     * to cancel, the lender now asked gets the request, and the reader hears if the rota ran out.
     */
    private boolean afterRotaMoved(IllRequest request, RotaEntry before, boolean cancelBefore) {
        Instant now = Instant.now();
        routing.holdToOutstandingLimit(request, now);
        if (request.state() == RequestState.UNFILLED) {
            repository.add(ReaderNotification.unfilled(request, now));
        }
        repository.flush(request);
        RotaEntry after = currentEntryOf(request);
        if (cancelBefore && before != null && before != after) {
            outbox.send(request, ProtocolMessages.action(ProtocolMessages.ids(request, before), TypeAction.CANCEL,
                    before.reason(), now));
        }
        if (after != null && after != before && request.state() == RequestState.REQUEST_RECEIVED) {
            outbox.send(request, ProtocolMessages.request(request, after, TypeRequestType.NEW, null, now));
            repository.add(ReaderNotification.sentToLender(request, after.lender().name(), now));
        }
        return request.state() == RequestState.REQUEST_RECEIVED;
    }

    /** The request goes to its lender again, as a Retry following up the transaction it had. */
    private void sendAgain(IllRequest request, String previousRequestId) {
        repository.flush(request);
        outbox.send(request, ProtocolMessages.request(request, request.currentEntry(), TypeRequestType.RETRY,
                previousRequestId, Instant.now()));
    }

    private void tell(IllRequest request, RotaEntry entry, TypeAction action, String note) {
        repository.flush(request);
        outbox.send(request, ProtocolMessages.action(ProtocolMessages.ids(request, entry), action, note, Instant.now()));
    }

    /** The rota entry of the lender that has the request now, or null when no lender has it. */
    private static RotaEntry currentEntryOf(IllRequest request) {
        return request.lender() == null || !(request.state().isWithLender() || request.state().isItemOut()
                || request.state().isFinal() && request.state() != RequestState.UNFILLED)
                ? null : request.currentEntry();
    }

    private static void requireMember(Library library) {
        if (library.status() != LibraryStatus.ACTIVE) {
            throw new IllRuleViolation(library.agencyId().value()
                    + " is suspended from the network and cannot borrow through interlibrary loan");
        }
    }

    private BibliographicRecord matchingRecord(BibliographicDescription description) {
        return repository.recordWith(description.isbn(), description.issn()).orElse(null);
    }

    private void rejectDuplicate(Reader reader, BibliographicRecord record, BibliographicDescription description,
                                 ServiceType service) {
        List<Long> same = em.createQuery("""
                        SELECT r.id FROM IllRequest r
                        WHERE r.reader = :reader AND r.serviceType = :service AND r.state NOT IN :done
                          AND (r.record = :record OR (r.record IS NULL AND LOWER(r.description.title) = LOWER(:title)))
                          AND LOWER(COALESCE(r.description.partTitle, '')) = LOWER(:part)""", Long.class)
                .setParameter("reader", reader).setParameter("service", service).setParameter("done", FINAL_STATES)
                .setParameter("record", record)
                .setParameter("title", description.title())
                .setParameter("part", description.partTitle() == null ? "" : description.partTitle())
                .getResultList();
        if (!same.isEmpty()) {
            throw new IllRuleViolation("You already have an open request (#" + same.get(0) + ") for \""
                    + description.title() + "\"").says("duplicate", same.get(0), description.title());
        }
    }

    /** A reader borrows from their own library what it has on the shelf, and copies what it holds. */
    private void rejectIfHeldLocally(Library library, BibliographicRecord record, ServiceType service) {
        ownLibraryServes(library, record, service).ifPresent(where -> {
            throw new IllRuleViolation(where).says("ownLibrary." + service.name(), where);
        });
    }

    /**
     * Where the reader's own library can lend or copy the item itself, in words for the reader; empty when
     * interlibrary loan is the way. Borrowing at home is not interlibrary loan: any of its collections outside a
     * reference room lends to its own readers, and any copy not missing can be copied.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> ownLibraryServes(Library library, BibliographicRecord record, ServiceType service) {
        if (record == null) {
            return Optional.empty();
        }
        List<Holding> own = em.createQuery("""
                        SELECT h FROM Holding h JOIN FETCH h.location c JOIN FETCH c.branch b
                        WHERE h.record = :record AND b.library = :library""", Holding.class)
                .setParameter("record", record).setParameter("library", library).getResultList();
        for (Holding holding : own) {
            boolean borrowable = Holding.borrowableAtHome(holding.circulationStatus(), holding.location().type());
            if (service == ServiceType.LOAN && borrowable || service == ServiceType.COPY
                    && holding.circulationStatus() != CirculationStatus.MISSING) {
                return Optional.of("Your own library has it: " + holding.location().branch().name() + ", "
                        + holding.location().name() + ", call number " + holding.callNumber()
                        + (service == ServiceType.LOAN ? ". Borrow it there." : ". Ask for the copy there."));
            }
        }
        return Optional.empty();
    }
}

package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.CirculationStatus;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.fee.FeeKind;
import org.openill.domain.library.Library;
import org.openill.domain.library.LibraryStatus;
import org.openill.domain.notification.ReaderNotification;
import org.openill.domain.reader.Reader;
import org.openill.domain.reader.ReaderStatus;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.IllRequest;
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

    /**
     * A reader applies for a loan or a copy.
     *
     * @param recordId the union catalogue record the reader chose, or null when they describe an item themselves
     * @return the id of the new request
     * @throws IllRuleViolation saying why the application cannot be accepted
     */
    public long apply(Actor.Reader applicant, Long recordId, BibliographicDescription description,
                      ServiceType service) {
        if (description == null || service == null) {
            throw new IllRuleViolation("An application needs the item's description and the service, loan or copy");
        }
        String insufficiency = description.insufficiencyFor(service);
        if (insufficiency != null) {
            throw new IllRuleViolation("The bibliographic data cannot identify the item: " + insufficiency);
        }
        Reader reader = repository.reader(applicant.library().value(), applicant.cardNumber());
        // one application at a time per reader, so that two at once cannot both pass the limits below
        em.lock(reader, LockModeType.PESSIMISTIC_WRITE);
        Library library = reader.homeLibrary();
        requireMember(library);
        LocalDate today = LocalDate.now(library.timeZone());
        if (reader.status() == ReaderStatus.BLOCKED) {
            throw new IllRuleViolation("Library card " + reader.cardNumber() + " is blocked: " + reader.blockedReason()
                    + ". Please contact your library.");
        }
        if (reader.status() == ReaderStatus.EXPIRED || !reader.hasValidCardOn(today)) {
            throw new IllRuleViolation("Library card " + reader.cardNumber() + " is not valid on " + today
                    + " (valid until " + reader.cardValidUntil() + "); renew it at your library first.");
        }
        if (!reader.category().mayRequest(service)) {
            throw new IllRuleViolation("Readers of category " + reader.category() + " cannot ask for "
                    + service.iso18626().toLowerCase() + "s through interlibrary loan");
        }
        long open = em.createQuery("SELECT COUNT(r) FROM IllRequest r WHERE r.reader = :reader AND r.state NOT IN :done",
                        Long.class)
                .setParameter("reader", reader).setParameter("done", FINAL_STATES).getSingleResult();
        if (open >= reader.category().maxOpenRequests()) {
            throw new IllRuleViolation("You have " + open + " open interlibrary loan requests, the most a "
                    + reader.category().name().toLowerCase() + " reader may have; wait until one is completed");
        }
        BibliographicRecord record = recordId != null ? repository.record(recordId) : matchingRecord(description);
        rejectDuplicate(reader, record, description, service);
        rejectIfHeldLocally(library, record, service);

        IllRequest request = new IllRequest(applicant, reader, record, description, service, Instant.now());
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
        return afterRotaMoved(request);
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
        afterRotaMoved(request);
    }

    /** The borrowing office stops waiting for the current lender and asks the next one of the rota. */
    public void skipLender(Actor staff, long requestId, Long expectedVersion, String reason) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.skipLender(staff, reason, Instant.now());
        afterRotaMoved(request);
    }

    /** The borrowing office accepts the lender's conditions; the reader is asked where they concern them. */
    public void acceptConditions(Actor staff, long requestId, Long expectedVersion) {
        IllRequest request = repository.request(requestId, expectedVersion);
        Instant now = Instant.now();
        if (request.acceptConditions(staff, now)) {
            repository.add(ReaderNotification.conditionsToAccept(request, now));
        }
        repository.flush(request);
    }

    public void declineConditions(Actor staff, long requestId, Long expectedVersion, String reason) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.declineConditions(staff, Instant.now(), reason);
        afterRotaMoved(request);
    }

    /** The reader answers the conditions the borrowing office passed on to them. */
    public void readerAnswersConditions(Actor reader, long requestId, boolean accept) {
        IllRequest request = repository.request(requestId, null);
        request.readerAnswersConditions(reader, accept, Instant.now());
        afterRotaMoved(request);
    }

    /** The borrowing library received the lent item. */
    public void receive(Actor staff, long requestId, Long expectedVersion) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.receive(staff, Instant.now());
        repository.add(ReaderNotification.itemArrived(request, Instant.now()));
        repository.flush(request);
    }

    /** The reader (or their ILL office) asks the lender for a longer loan. */
    public void requestRenewal(Actor actor, long requestId) {
        IllRequest request = repository.request(requestId, null);
        request.requestRenewal(actor, Instant.now());
        repository.flush(request);
    }

    public void shipBack(Actor staff, long requestId, Long expectedVersion) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.shipBack(staff, Instant.now(), null);
        repository.flush(request);
    }

    /** The item is lost on the borrowing side: the lender's replacement fee is charged. */
    public void reportLost(Actor staff, long requestId, Long expectedVersion, String note) {
        IllRequest request = repository.request(requestId, expectedVersion);
        Library lender = request.lender();
        // lost on the way back to the lender: the library answers for it, not the reader who returned it
        boolean readerLiable = request.state() != RequestState.SHIPPED_BACK;
        request.reportLost(staff, Instant.now(), note);
        request.suppliedHolding().markMissing();
        request.currentAgreement().ifPresent(agreement -> ledger.charge(request, lender, FeeKind.REPLACEMENT,
                agreement.replacementFee(), agreement.currency(), Instant.now(), readerLiable));
        repository.flush(request);
    }

    /** The reader or their ILL office withdraws the request before anything was shipped. */
    public void cancel(Actor actor, long requestId, Long expectedVersion, String reason) {
        IllRequest request = repository.request(requestId, expectedVersion);
        request.cancel(actor, Instant.now(), reason);
        repository.flush(request);
    }

    /**
     * One step of the clock's sweep for requests waiting past their deadline (an answer, a promised shipment, a
     * decision on conditions): the request moves on to the next lender if its deadline has still passed now. In a
     * transaction of its own, so that one failing request loses nothing else.
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
        request.moveOnPastDeadline(clock, now);
        afterRotaMoved(request);
        return true;
    }

    /**
     * One step of the clock's sweep for overdue loans: the loan becomes overdue if its due date has passed by its
     * lender's date at the instant. In a transaction of its own, like {@link #moveOnPastDeadline}.
     *
     * @return true when the loan became overdue now; false when it is not (or no longer, or already) due
     * @throws org.openill.domain.ConcurrentChangeException when someone else is changing the request right now
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean markOverdue(Actor clock, long requestId, Instant now) {
        IllRequest request = repository.requestNotBusy(requestId);
        if (!request.isOverdueAt(now)) {
            return false;
        }
        request.markOverdue(clock, now);
        repository.flush(request);
        return true;
    }

    /** After the request moved along its rota: the new lender's limit holds, and the reader hears if it ran out. */
    private boolean afterRotaMoved(IllRequest request) {
        routing.holdToOutstandingLimit(request, Instant.now());
        if (request.state() == RequestState.UNFILLED) {
            repository.add(ReaderNotification.unfilled(request, Instant.now()));
        }
        repository.flush(request);
        return request.state() == RequestState.REQUEST_RECEIVED;
    }

    private static void requireMember(Library library) {
        if (library.status() != LibraryStatus.ACTIVE) {
            throw new IllRuleViolation(library.agencyId().value()
                    + " is suspended from the network and cannot borrow through interlibrary loan");
        }
    }

    private BibliographicRecord matchingRecord(BibliographicDescription description) {
        if (description.isbn() != null) {
            Optional<BibliographicRecord> byIsbn = em.createQuery(
                            "SELECT r FROM BibliographicRecord r WHERE r.isbn = :isbn ORDER BY r.id", BibliographicRecord.class)
                    .setParameter("isbn", description.isbn()).setMaxResults(1).getResultStream().findFirst();
            if (byIsbn.isPresent()) {
                return byIsbn.get();
            }
        }
        if (description.issn() != null) {
            return em.createQuery("SELECT r FROM BibliographicRecord r WHERE r.issn = :issn ORDER BY r.id",
                            BibliographicRecord.class)
                    .setParameter("issn", description.issn()).setMaxResults(1).getResultStream().findFirst().orElse(null);
        }
        return null;
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
                    + description.title() + "\"");
        }
    }

    /** A reader borrows from their own library what it has on the shelf, and copies what it holds. */
    private void rejectIfHeldLocally(Library library, BibliographicRecord record, ServiceType service) {
        if (record == null) {
            return;
        }
        List<Holding> own = em.createQuery("""
                        SELECT h FROM Holding h JOIN FETCH h.location c JOIN FETCH c.branch b
                        WHERE h.record = :record AND b.library = :library""", Holding.class)
                .setParameter("record", record).setParameter("library", library).getResultList();
        for (Holding holding : own) {
            // borrowing at home is not interlibrary loan: any collection outside a reference room lends to its readers
            boolean borrowable = holding.isOnShelf() && !holding.location().type().isReferenceRoom();
            if (service == ServiceType.LOAN && borrowable || service == ServiceType.COPY
                    && holding.circulationStatus() != CirculationStatus.MISSING) {
                throw new IllRuleViolation("Your own library has it: " + holding.location().branch().name() + ", "
                        + holding.location().name() + ", call number " + holding.callNumber()
                        + (service == ServiceType.LOAN ? ". Borrow it there." : ". Ask for the copy there."));
            }
        }
    }

}

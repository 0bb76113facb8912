package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.fee.FeeKind;
import org.openill.domain.library.Library;
import org.openill.domain.notification.ReaderNotification;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.LoanCondition;
import org.openill.domain.request.RequestAction;
import org.openill.domain.request.RequestState;
import org.openill.infrastructure.persistence.IllRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The lending side of interlibrary loan: the library asked answers, supplies under the terms of the partner
 * agreement, renews, recalls and checks returned items in. Whoever acts (staff of a library, or its own system as a
 * partner) must speak for the lender the request was sent to.
 */
@Stateless
public class LendingService {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private IllRepository repository;

    @EJB
    private FeeLedger ledger;

    @EJB
    private RoutingService routing;

    public void expectToSupply(Actor staff, long requestId) {
        IllRequest request = repository.request(requestId, null);
        request.expectToSupply(staff, Instant.now(), null);
        repository.flush(request);
    }

    /** The lender promises to supply; it must hold a copy it may supply ({@code SupplyRule}). */
    public void willSupply(Actor staff, long requestId) {
        IllRequest request = repository.request(requestId, null);
        Library lender = request.lenderActingAs(staff, RequestAction.ANSWER_WILL_SUPPLY);
        request.willSupply(staff, copiesOf(request, lender), Instant.now(), null);
        repository.flush(request);
    }

    public void retryPossible(Actor staff, long requestId, String reason) {
        IllRequest request = repository.request(requestId, null);
        request.retryPossible(staff, reason, Instant.now());
        repository.flush(request);
    }

    public void proposeConditions(Actor staff, long requestId, Set<LoanCondition> conditions, BigDecimal cost,
                                  String note) {
        IllRequest request = repository.request(requestId, null);
        Library lender = request.lenderActingAs(staff, RequestAction.PROPOSE_CONDITIONS);
        String currency = request.currentAgreement().map(PartnerAgreement::currency).orElse("EUR");
        request.proposeConditions(staff, copiesOf(request, lender), conditions, cost, currency, Instant.now(), note);
        repository.flush(request);
    }

    /** The lender cannot supply: the request goes on to the next lender of the rota, or ends unfilled. */
    public void unfilled(Actor staff, long requestId, String reason) {
        IllRequest request = repository.request(requestId, null);
        request.lenderUnfilled(staff, reason, Instant.now());
        routing.holdToOutstandingLimit(request, Instant.now());
        if (request.state() == RequestState.UNFILLED) {
            repository.add(ReaderNotification.unfilled(request, Instant.now()));
        }
        repository.flush(request);
    }

    /**
     * Ships the item with the given barcode; the due date follows from the agreement's loan period, and the
     * agreement's loan fee (and any agreed cost) is charged to the borrowing library.
     */
    public LocalDate shipLoan(Actor staff, long requestId, String barcode) {
        IllRequest request = repository.request(requestId, null);
        Library lender = request.lenderActingAs(staff, RequestAction.SHIP_LOAN);
        Holding holding = repository.holding(lender, barcode);
        PartnerAgreement agreement = agreementOf(request);
        LocalDate due = LocalDate.now(lender.timeZone()).plusDays(agreement.loanPeriodDays());
        Instant now = Instant.now();
        request.shipLoan(staff, holding, due, now);
        holding.lend();
        chargeFor(request, lender, agreement, FeeKind.LOAN, now);
        repository.flush(request);
        return due;
    }

    /** Delivers the copy made from the item with the given barcode, and charges the agreement's copy fee. */
    public void deliverCopy(Actor staff, long requestId, String barcode, String note) {
        IllRequest request = repository.request(requestId, null);
        Library lender = request.lenderActingAs(staff, RequestAction.DELIVER_COPY);
        Holding holding = repository.holding(lender, barcode);
        PartnerAgreement agreement = agreementOf(request);
        Instant now = Instant.now();
        request.deliverCopy(staff, holding, now, note);
        chargeFor(request, lender, agreement, FeeKind.COPY, now);
        repository.add(ReaderNotification.copyDelivered(request, now));
        repository.flush(request);
    }

    /** Renews the loan by the agreement's loan period, within the renewals the agreement allows. */
    public LocalDate approveRenewal(Actor staff, long requestId) {
        IllRequest request = repository.request(requestId, null);
        LocalDate newDue = request.approveRenewal(staff, Instant.now());
        notifyRenewal(request, "Your loan of \"" + request.description().title() + "\" is renewed until " + newDue + ".");
        repository.flush(request);
        return newDue;
    }

    public void denyRenewal(Actor staff, long requestId, String reason) {
        IllRequest request = repository.request(requestId, null);
        request.denyRenewal(staff, reason, Instant.now());
        notifyRenewal(request, "The lending library could not renew \"" + request.description().title() + "\""
                + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()) + ". It is due on "
                + request.dueDate() + ".");
        repository.flush(request);
    }

    /**
     * The lender needs the item back: it is due within the given number of days at the latest (never later than it
     * was). A renewal the reader asked for is answered no, and the reader told so.
     */
    public LocalDate recall(Actor staff, long requestId, int daysToReturn, String reason) {
        IllRequest request = repository.request(requestId, null);
        boolean renewalPending = request.renewalRequested();
        Instant now = Instant.now();
        LocalDate due = request.recall(staff, daysToReturn, now, reason);
        if (renewalPending) {
            notifyRenewal(request, "The lending library could not renew \"" + request.description().title()
                    + "\": it needs the item back.");
        }
        repository.add(ReaderNotification.recalled(request, now));
        repository.flush(request);
        return due;
    }

    /** The item is back at the lender: the loan is completed and the item on the shelf again. */
    public void checkIn(Actor staff, long requestId) {
        IllRequest request = repository.request(requestId, null);
        request.checkIn(staff, Instant.now());
        request.suppliedHolding().returnToShelf();
        repository.flush(request);
    }

    /** The lender's holdings of the work asked for (none when the reader described an item the catalogue lacks). */
    private List<Holding> copiesOf(IllRequest request, Library lender) {
        if (request.record() == null) {
            return List.of();
        }
        return em.createQuery("""
                        SELECT h FROM Holding h JOIN FETCH h.location c JOIN FETCH c.branch b
                        WHERE h.record = :record AND b.library = :lender ORDER BY h.id""", Holding.class)
                .setParameter("record", request.record()).setParameter("lender", lender).getResultList();
    }

    private void chargeFor(IllRequest request, Library lender, PartnerAgreement agreement, FeeKind kind, Instant now) {
        ledger.charge(request, lender, kind, agreement.fee(request.serviceType()), agreement.currency(), now);
        if (request.conditionCost() != null) {
            ledger.charge(request, lender, FeeKind.CONDITION_COST, request.conditionCost(), request.conditionCurrency(), now);
        }
    }

    private void notifyRenewal(IllRequest request, String body) {
        repository.add(ReaderNotification.renewalAnswered(request, body, Instant.now()));
    }

    private static PartnerAgreement agreementOf(IllRequest request) {
        return request.currentAgreement()
                .orElseThrow(() -> new IllRuleViolation("Request #" + request.id() + " has no lender yet"));
    }
}

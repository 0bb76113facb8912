package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Actor;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.agreement.SupplyRule;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.library.Library;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.LenderCandidate;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.RotaEntryStatus;
import org.openill.domain.request.RotaPlanner;
import org.openill.domain.request.ServiceType;
import org.openill.infrastructure.persistence.IllRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds which libraries can supply a request: those holding a suppliable copy (never in a reference room), under an
 * active partner agreement that allows the service and whose limits are not reached, ordered into a rota.
 */
@Stateless
public class RoutingService {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private IllRepository repository;

    /** The lenders that can supply the request, in rota order, and why each other holding library cannot. */
    public Rota rotaFor(IllRequest request, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (request.record() == null) {
            return partnersInTurn(request, today);
        }
        Library borrower = request.borrower();
        Map<Long, List<Holding>> holdingsByLibrary = new LinkedHashMap<>();
        for (Holding holding : em.createQuery("""
                SELECT h FROM Holding h JOIN FETCH h.location c JOIN FETCH c.branch b JOIN FETCH b.library l
                WHERE h.record = :record AND l <> :borrower ORDER BY l.agencyId.value""", Holding.class)
                .setParameter("record", request.record()).setParameter("borrower", borrower).getResultList()) {
            holdingsByLibrary.computeIfAbsent(holding.location().branch().library().id(), id -> new ArrayList<>())
                    .add(holding);
        }
        if (holdingsByLibrary.isEmpty()) {
            reasons.add("no other library of the network holds it");
        }
        List<LenderCandidate> candidates = new ArrayList<>();
        for (List<Holding> holdings : holdingsByLibrary.values()) {
            Library lender = holdings.get(0).location().branch().library();
            candidateFor(request, lender, holdings, today).ifPresentOrElse(
                    candidate -> candidates.add(candidate),
                    () -> reasons.add(whyNot(request, lender, holdings, today)));
        }
        return new Rota(RotaPlanner.order(candidates), reasons);
    }

    /**
     * An item the union catalogue does not know: nobody's holdings can be checked, so every partner whose agreement
     * in force allows the service is asked in turn.
     */
    private Rota partnersInTurn(IllRequest request, LocalDate today) {
        Library borrower = request.borrower();
        List<String> reasons = new ArrayList<>(List.of("the item is not in the union catalogue of the network"));
        Map<Long, Library> lenders = new LinkedHashMap<>();
        for (PartnerAgreement agreement : em.createQuery("""
                        SELECT a FROM PartnerAgreement a
                        WHERE a.borrower = :borrower OR (a.reciprocal = TRUE AND a.lender = :borrower)
                        ORDER BY a.priority, a.id""", PartnerAgreement.class)
                .setParameter("borrower", borrower).getResultList()) {
            Library lender = agreement.lenderFor(borrower);
            lenders.putIfAbsent(lender.id(), lender);
        }
        List<LenderCandidate> candidates = new ArrayList<>();
        for (Library lender : lenders.values()) {
            Optional<String> closed = lender.notReceivingOn(today);
            if (closed.isPresent()) {
                reasons.add(lender.agencyId().value() + " is " + closed.get());
                continue;
            }
            long outstanding = outstanding(borrower, lender);
            String broken = null;
            for (PartnerAgreement agreement : agreementsBetween(borrower, lender)) {
                broken = agreement.termBrokenBy(request.serviceType(), today, outstanding);
                if (broken == null) {
                    candidates.add(statsFor(agreement, lender));
                    break;
                }
            }
            if (broken != null) {
                reasons.add(lender.agencyId().value() + ": " + broken);
            }
        }
        return new Rota(RotaPlanner.order(candidates), reasons);
    }

    /**
     * Keeps the lender just asked within its agreement's limit of items outstanding, now that the request counts
     * too: the borrowing library's requests wait for each other here (a lock on the borrowing library, the one row
     * that covers every count of its items outstanding), and a lender at its limit is skipped for the next one.
     */
    public void holdToOutstandingLimit(IllRequest request, Instant when) {
        if (request.state() == RequestState.REQUEST_RECEIVED) {
            em.lock(request.borrower(), LockModeType.PESSIMISTIC_WRITE);
        }
        while (request.state() == RequestState.REQUEST_RECEIVED) {
            PartnerAgreement agreement = request.currentAgreement().orElseThrow();
            repository.flush(request);
            long outstanding = outstanding(request.borrower(), request.lender());
            if (outstanding <= agreement.maxOutstanding()) {
                return;
            }
            // the system keeps the agreement's limit, whoever's step moved the request on
            request.skipLender(Actor.SYSTEM, agreement.termBrokenBy(request.serviceType(),
                    LocalDate.ofInstant(when, request.borrower().timeZone()), outstanding - 1), when);
        }
    }

    private Optional<LenderCandidate> candidateFor(IllRequest request, Library lender, List<Holding> holdings,
                                                   LocalDate today) {
        if (lender.notReceivingOn(today).isPresent()) {
            return Optional.empty();
        }
        for (PartnerAgreement agreement : agreementsBetween(request.borrower(), lender)) {
            boolean suppliable = holdings.stream().anyMatch(holding ->
                    SupplyRule.refusal(holding, agreement, request.serviceType(), today).isEmpty());
            if (suppliable && agreement.termBrokenBy(request.serviceType(), today,
                    outstanding(request.borrower(), lender)) == null) {
                return Optional.of(statsFor(agreement, lender));
            }
        }
        return Optional.empty();
    }

    /** The reason a holding library is not in the rota, in the words staff and readers are shown. */
    private String whyNot(IllRequest request, Library lender, List<Holding> holdings, LocalDate today) {
        String isil = lender.agencyId().value();
        Optional<String> closed = lender.notReceivingOn(today);
        if (closed.isPresent()) {
            return isil + " is " + closed.get();
        }
        List<Optional<SupplyRule.Refusal>> ofCopies = holdings.stream()
                .map(holding -> SupplyRule.copyRefusal(holding, request.serviceType())).toList();
        if (ofCopies.stream().allMatch(refusal -> refusal.map(SupplyRule.Refusal::reason)
                .filter(reason -> reason == SupplyRule.Reason.REFERENCE_ROOM).isPresent())) {
            return isil + " holds it only in a reference room, which never lends through interlibrary loan";
        }
        if (ofCopies.stream().allMatch(Optional::isPresent)) {
            return isil + " has no copy it can " + (request.serviceType() == ServiceType.LOAN ? "lend now" : "copy");
        }
        List<PartnerAgreement> agreements = agreementsBetween(request.borrower(), lender);
        if (agreements.isEmpty()) {
            return isil + ": no partner agreement lets " + request.borrower().agencyId().value() + " borrow from it";
        }
        long outstanding = outstanding(request.borrower(), lender);
        for (PartnerAgreement agreement : agreements) {
            String broken = agreement.termBrokenBy(request.serviceType(), today, outstanding);
            if (broken != null) {
                return isil + ": " + broken;
            }
        }
        return isil + ": its copies are in collections the partner agreement excludes";
    }

    /** Agreements (in any state) under which the lender lends to the borrower, best priority first. */
    public List<PartnerAgreement> agreementsBetween(Library borrower, Library lender) {
        return em.createQuery("""
                SELECT a FROM PartnerAgreement a
                WHERE (a.lender = :lender AND a.borrower = :borrower)
                   OR (a.reciprocal = TRUE AND a.lender = :borrower AND a.borrower = :lender)
                ORDER BY a.priority, a.id""", PartnerAgreement.class)
                .setParameter("lender", lender).setParameter("borrower", borrower).getResultList();
    }

    /** Requests of the borrower now with the lender: asked and not yet answered no, or items out. */
    long outstanding(Library borrower, Library lender) {
        return em.createQuery("""
                SELECT COUNT(r) FROM IllRequest r
                WHERE r.borrower = :borrower AND r.lender = :lender AND r.state IN :states""", Long.class)
                .setParameter("borrower", borrower).setParameter("lender", lender)
                .setParameter("states", RequestState.OUTSTANDING).getSingleResult();
    }

    private LenderCandidate statsFor(PartnerAgreement agreement, Library lender) {
        Object[] history = (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE status = ?2),
                       count(*) FILTER (WHERE status IN (?3, ?4)),
                       coalesce(avg(extract(epoch FROM answered_at - asked_at)) / 3600.0, 0)
                FROM rota_entry WHERE lender_id = ?1""")
                .setParameter(1, lender.id())
                .setParameter(2, RotaEntryStatus.SUPPLYING.name())
                .setParameter(3, RotaEntryStatus.UNFILLED.name())
                .setParameter(4, RotaEntryStatus.NO_ANSWER.name())
                .getSingleResult();
        long supplied = ((Number) history[0]).longValue();
        long failed = ((Number) history[1]).longValue();
        double fillRate = supplied + failed == 0 ? 0.5 : (double) supplied / (supplied + failed);
        double turnaround = ((Number) history[2]).doubleValue();
        long open = em.createQuery("SELECT COUNT(r) FROM IllRequest r WHERE r.lender = :lender AND r.state IN :states",
                        Long.class)
                .setParameter("lender", lender)
                .setParameter("states", RequestState.AWAITING_LENDER)
                .getSingleResult();
        return new LenderCandidate(agreement, lender, fillRate, turnaround, open);
    }

    /** The lenders to ask in order, and the reasons other holding libraries were left out. */
    public record Rota(List<LenderCandidate> lenders, List<String> reasons) {

        public List<PartnerAgreement> agreements() {
            return lenders.stream().map(LenderCandidate::agreement).toList();
        }
    }
}

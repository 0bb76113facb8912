package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Actor;
import org.openill.domain.ConcurrentChangeException;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.NotFoundException;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Location;
import org.openill.infrastructure.persistence.IllRepository;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * The partner agreements between libraries: drafted, given their terms, put in force, suspended, ended. Routing
 * only uses agreements in force, and refuses a request outside their terms with the term it breaks.
 */
@Stateless
public class AgreementService {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private IllRepository repository;

    @EJB
    private AuditLog audit;

    static final String SUBJECT = "AGREEMENT";

    /** A new agreement, in draft until activated. @return its id */
    public long draft(Actor staff, String lenderIsil, String borrowerIsil, boolean reciprocal, LocalDate validFrom,
                      AgreementTerms terms) {
        if (validFrom == null) {
            throw new IllRuleViolation("An agreement needs the day it comes into force");
        }
        PartnerAgreement agreement = new PartnerAgreement(repository.library(lenderIsil),
                repository.library(borrowerIsil), reciprocal, validFrom);
        requireParty(staff, agreement, "draft a partner agreement");
        apply(agreement, terms);
        em.persist(agreement);
        em.flush();
        audit.record(staff, SUBJECT, agreement.id(), "DRAFT", null, agreement.status(),
                lenderIsil + (reciprocal ? " ⇄ " : " → ") + borrowerIsil + " from " + validFrom + ": " + terms);
        return agreement.id();
    }

    /** Changes the terms; expectedVersion is the version the ILL office saw (null: no check). */
    public void changeTerms(Actor staff, long agreementId, Long expectedVersion, AgreementTerms terms) {
        PartnerAgreement agreement = agreement(agreementId, expectedVersion);
        requireParty(staff, agreement, "change the terms of a partner agreement");
        apply(agreement, terms);
        flush(agreementId);
        audit.record(staff, SUBJECT, agreementId, "CHANGE_TERMS", agreement.status(), agreement.status(), terms.toString());
    }

    public void excludeCollection(Actor staff, long agreementId, Long expectedVersion, long locationId) {
        Location location = em.find(Location.class, locationId);
        if (location == null) {
            throw new NotFoundException("There is no collection #" + locationId);
        }
        PartnerAgreement agreement = agreement(agreementId, expectedVersion);
        requireParty(staff, agreement, "exclude a collection from a partner agreement");
        agreement.excludeCollection(location);
        flush(agreementId);
        audit.record(staff, SUBJECT, agreementId, "EXCLUDE_COLLECTION", agreement.status(), agreement.status(),
                "Collection " + location.name() + " (#" + locationId + ") excluded");
    }

    public void activate(Actor staff, long agreementId, Long expectedVersion) {
        change(staff, agreementId, expectedVersion, "ACTIVATE", PartnerAgreement::activate);
    }

    public void suspend(Actor staff, long agreementId, Long expectedVersion) {
        change(staff, agreementId, expectedVersion, "SUSPEND", PartnerAgreement::suspend);
    }

    /** Extends the agreement to a later last day (an expired one is in force again). */
    public void renew(Actor staff, long agreementId, Long expectedVersion, LocalDate until) {
        PartnerAgreement agreement = agreement(agreementId, expectedVersion);
        requireParty(staff, agreement, "renew a partner agreement");
        var from = agreement.status();
        LocalDate before = agreement.validUntil();
        agreement.renewUntil(until, LocalDate.now(agreement.lender().timeZone()));
        flush(agreementId);
        audit.record(staff, SUBJECT, agreementId, "RENEW", from, agreement.status(),
                "Renewed from " + before + " until " + until);
    }

    /** The terms of an agreement as they stand, for the ILL office to read or change. */
    public AgreementTerms terms(long agreementId) {
        PartnerAgreement a = agreement(agreementId, null);
        return new AgreementTerms(a.allowsLoans(), a.allowsCopies(), a.loanPeriodDays(), a.maxRenewals(),
                a.maxOutstanding(), a.feePerLoan(), a.feePerCopy(), a.replacementFee(), a.currency(), a.priority(),
                (int) a.responseTime().toHours(), a.validUntil());
    }

    /** One version of an agreement: who changed what, when, and the state it left the agreement in. */
    public record Version(int number, java.time.Instant at, String actor, String action, String fromStatus,
                          String toStatus, String change) {
    }

    /** Every version of the agreement, the first (its draft) first: the audit trail of its terms and status. */
    public List<Version> history(long agreementId) {
        List<Object[]> rows = em.createQuery("""
                        SELECT e.occurredAt, e.actor, e.action, e.fromState, e.toState, e.message FROM AuditEntry e
                        WHERE e.subjectType = :type AND e.subjectId = :id ORDER BY e.occurredAt, e.id""", Object[].class)
                .setParameter("type", SUBJECT).setParameter("id", String.valueOf(agreementId)).getResultList();
        List<Version> versions = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            versions.add(new Version(versions.size() + 1, (java.time.Instant) row[0], (String) row[1], (String) row[2],
                    (String) row[3], (String) row[4], (String) row[5]));
        }
        return versions;
    }

    public void expire(Actor staff, long agreementId, Long expectedVersion) {
        change(staff, agreementId, expectedVersion, "EXPIRE", PartnerAgreement::expire);
    }

    private void change(Actor staff, long agreementId, Long expectedVersion, String action,
                        java.util.function.Consumer<PartnerAgreement> step) {
        PartnerAgreement agreement = agreement(agreementId, expectedVersion);
        requireParty(staff, agreement, action.toLowerCase() + " a partner agreement");
        var from = agreement.status();
        step.accept(agreement);
        flush(agreementId);
        audit.record(staff, SUBJECT, agreementId, action, from, agreement.status(), null);
    }

    /** The agreements a library lends or borrows under, most relevant first. */
    public List<AgreementSummary> agreementsOf(String isil) {
        return em.createQuery("""
                        SELECT NEW org.openill.application.AgreementSummary(a.id, a.version, a.lender.agencyId.value,
                               a.borrower.agencyId.value, a.reciprocal, a.status, a.loansAllowed, a.copiesAllowed,
                               a.loanPeriodDays, a.maxOutstanding, a.feePerLoan, a.feePerCopy, a.currency, a.priority,
                               a.validFrom, a.validUntil)
                        FROM PartnerAgreement a
                        WHERE a.lender.agencyId.value = :isil OR a.borrower.agencyId.value = :isil
                        ORDER BY a.status, a.priority, a.id""", AgreementSummary.class)
                .setParameter("isil", AgencyId.lookupValue(isil)).getResultList();
    }

    /** The staff of either party (or a network administrator) settle an agreement. */
    private static void requireParty(Actor staff, PartnerAgreement agreement, String what) {
        staff.requireSpeaksForOneOf(what, agreement.lender().agencyId(), agreement.borrower().agencyId());
    }

    private static void apply(PartnerAgreement agreement, AgreementTerms terms) {
        if (terms == null || terms.feePerLoan() == null || terms.feePerCopy() == null || terms.replacementFee() == null
                || terms.currency() == null) {
            throw new IllRuleViolation("These terms cannot be agreed: fees (zero for free lending) and their currency "
                    + "are required");
        }
        try {
            agreement.withServices(terms.loans(), terms.copies(), terms.loanPeriodDays(), terms.maxRenewals(),
                            terms.maxOutstanding())
                    .withFees(terms.feePerLoan(), terms.feePerCopy(), Currency.getInstance(terms.currency()))
                    .withReplacementFee(terms.replacementFee())
                    .withRouting(terms.priority(), Duration.ofHours(terms.responseTimeHours()))
                    .validUntil(terms.validUntil());
        } catch (IllRuleViolation | IllegalArgumentException badTerm) {
            throw new IllRuleViolation("These terms cannot be agreed: " + badTerm.getMessage());
        }
    }

    private PartnerAgreement agreement(long id, Long expectedVersion) {
        PartnerAgreement agreement = em.find(PartnerAgreement.class, id);
        if (agreement == null) {
            throw new NotFoundException("There is no partner agreement #" + id);
        }
        if (expectedVersion != null && agreement.version() != expectedVersion) {
            throw new ConcurrentChangeException("Partner agreement #" + id
                    + " was changed by someone else since you opened it; reload it and try again");
        }
        return agreement;
    }

    private void flush(long id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentChangeException("Partner agreement #" + id
                    + " was changed by someone else since you opened it; reload it and try again");
        }
    }
}

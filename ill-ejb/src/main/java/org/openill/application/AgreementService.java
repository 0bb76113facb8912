package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.ConcurrentChangeException;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.agreement.PartnerAgreement;
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

    /** A new agreement, in draft until activated. @return its id */
    public long draft(String lenderIsil, String borrowerIsil, boolean reciprocal, LocalDate validFrom,
                      AgreementTerms terms) {
        PartnerAgreement agreement = new PartnerAgreement(repository.library(lenderIsil),
                repository.library(borrowerIsil), reciprocal, validFrom);
        apply(agreement, terms);
        em.persist(agreement);
        em.flush();
        return agreement.id();
    }

    /** Changes the terms; expectedVersion is the version the ILL office saw (null: no check). */
    public void changeTerms(long agreementId, Long expectedVersion, AgreementTerms terms) {
        PartnerAgreement agreement = agreement(agreementId, expectedVersion);
        apply(agreement, terms);
        flush(agreementId);
    }

    public void excludeCollection(long agreementId, long locationId) {
        Location location = em.find(Location.class, locationId);
        if (location == null) {
            throw new IllRuleViolation("There is no collection #" + locationId);
        }
        agreement(agreementId, null).excludeCollection(location);
    }

    public void activate(long agreementId, Long expectedVersion) {
        agreement(agreementId, expectedVersion).activate();
        flush(agreementId);
    }

    public void suspend(long agreementId, Long expectedVersion) {
        agreement(agreementId, expectedVersion).suspend();
        flush(agreementId);
    }

    public void expire(long agreementId, Long expectedVersion) {
        agreement(agreementId, expectedVersion).expire();
        flush(agreementId);
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
                .setParameter("isil", isil).getResultList();
    }

    private static void apply(PartnerAgreement agreement, AgreementTerms terms) {
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
            throw new IllRuleViolation("There is no partner agreement #" + id);
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

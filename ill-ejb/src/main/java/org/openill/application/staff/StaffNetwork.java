package org.openill.application.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.application.AgreementService;
import org.openill.application.AgreementSummary;
import org.openill.application.AgreementTerms;
import org.openill.application.AuditLog;
import org.openill.domain.NotAllowedException;
import org.openill.domain.NotFoundException;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.library.LibraryClosure;
import org.openill.domain.library.PartnerProfile;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partner directory and the partner agreements as the back office works them. Every member of staff reads the
 * directory (the network's libraries, how to reach their ILL offices, their ISO 18626 endpoints, their closures) and
 * their own library's agreements; a library's administrator changes its office details, closures and agreements; a
 * network administrator those of any library. Another library's agreement is not found.
 */
@Stateless
@RolesAllowed({"ILL_STAFF", "NETWORK_ADMIN"})
public class StaffNetwork {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private StaffCaller caller;

    @EJB
    private AgreementService agreements;

    @EJB
    private AuditLog audit;

    /** One closure of a library. */
    public record ClosureLine(long id, LocalDate firstDay, LocalDate lastDay, String reason) {
    }

    /** One library of the directory. */
    public record DirectoryEntry(String isil, String name, String address, String email, String phone,
                                 String timeZone, String status, boolean hosted, String endpoint, String profile,
                                 boolean answersAutomatically, List<ClosureLine> closures) {
    }

    /** The libraries of the network, by name, with their closures not yet over. */
    public List<DirectoryEntry> directory() {
        LocalDate today = LocalDate.now();
        Map<Long, PartnerProfile> profiles = new HashMap<>();
        em.createQuery("SELECT p FROM PartnerProfile p JOIN FETCH p.library", PartnerProfile.class).getResultList()
                .forEach(profile -> profiles.put(profile.library().id(), profile));
        return em.createQuery("SELECT DISTINCT l FROM Library l LEFT JOIN FETCH l.closures ORDER BY l.name",
                        Library.class).getResultList().stream()
                .map(library -> {
                    PartnerProfile profile = profiles.get(library.id());
                    return new DirectoryEntry(library.agencyId().value(), library.name(), library.address(),
                            library.illEmail(), library.illPhone(), library.timeZone().getId(),
                            library.status().name(), library.isHosted(),
                            profile == null ? null : profile.endpoint().toString(),
                            profile == null ? null : "ISO 18626 " + profile.schemaVersion().code(),
                            library.answersNewRequestsAutomatically(),
                            library.closures().stream().filter(closure -> !closure.lastDay().isBefore(today))
                                    .map(closure -> new ClosureLine(closure.id(), closure.firstDay(),
                                            closure.lastDay(), closure.reason())).toList());
                }).toList();
    }

    /** The libraries a staff member may administer: their own (an ILL administrator), or any (network). */
    public boolean mayAdminister(String isil) {
        if (caller.isNetworkAdmin()) {
            return true;
        }
        return caller.account().role() == org.openill.domain.staff.StaffRole.ILL_ADMIN
                && caller.ownLibrary().agencyId().value().equals(isil);
    }

    @RolesAllowed({"ILL_ADMIN", "NETWORK_ADMIN"})
    public void closeLibrary(String isil, LocalDate firstDay, LocalDate lastDay, String reason) {
        Library library = administered(isil, "close a library to requests");
        LibraryClosure closure = library.closeFor(firstDay, lastDay, reason);
        em.flush();
        audit.record(caller.account().actor(), "LIBRARY", library.agencyId().value(), "CLOSE", null, null,
                "Closed from " + firstDay + " to " + lastDay + " (#" + closure.id() + "): " + closure.reason());
    }

    @RolesAllowed({"ILL_ADMIN", "NETWORK_ADMIN"})
    public void reopenLibrary(String isil, long closureId) {
        Library library = administered(isil, "withdraw a closure");
        library.reopen(closureId);
        em.flush();
        audit.record(caller.account().actor(), "LIBRARY", library.agencyId().value(), "REOPEN", null, null,
                "Closure #" + closureId + " withdrawn");
    }

    /** How the library's ILL office is reached (address, email, phone). */
    @RolesAllowed({"ILL_ADMIN", "NETWORK_ADMIN"})
    public void describeOffice(String isil, String address, String email, String phone) {
        Library library = administered(isil, "change the ILL office's details");
        library.describeIllOffice(address, email, phone);
        em.flush();
        audit.record(caller.account().actor(), "LIBRARY", library.agencyId().value(), "DESCRIBE_OFFICE", null, null,
                String.join(" · ", String.valueOf(address), String.valueOf(email), String.valueOf(phone)));
    }

    private Library administered(String isil, String what) {
        if (!mayAdminister(isil)) {
            throw new NotAllowedException("Only an administrator of " + isil + " or of the network may " + what);
        }
        return em.createQuery("SELECT l FROM Library l WHERE l.agencyId.value = :isil", Library.class)
                .setParameter("isil", AgencyId.lookupValue(isil)).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("There is no library " + isil));
    }

    // ---- the library's partner agreements ----

    /** The agreements the staff member's library lends or borrows under. */
    public List<AgreementSummary> agreements() {
        return agreements.agreementsOf(caller.ownLibrary().agencyId().value());
    }

    /** The terms of one of the library's agreements. */
    public AgreementTerms terms(long agreementId) {
        own(agreementId);
        return agreements.terms(agreementId);
    }

    /** Every version of one of the library's agreements. */
    public List<AgreementService.Version> history(long agreementId) {
        own(agreementId);
        return agreements.history(agreementId);
    }

    /**
     * Drafts an agreement of the library with a partner: the library lends to the partner ({@code weLend}) or
     * borrows from it, both ways when reciprocal. Its id.
     */
    @RolesAllowed("ILL_ADMIN")
    public long draft(String partnerIsil, boolean weLend, boolean reciprocal, LocalDate validFrom, AgreementTerms terms) {
        String us = caller.ownLibrary().agencyId().value();
        if (partnerIsil == null || partnerIsil.isBlank()) {
            throw new org.openill.domain.InvalidInputException("partner", "Choose the partner library")
                    .says("required", "partner");
        }
        return agreements.draft(caller.account().actor(), weLend ? us : partnerIsil, weLend ? partnerIsil : us,
                reciprocal, validFrom, terms);
    }

    @RolesAllowed("ILL_ADMIN")
    public void changeTerms(long agreementId, long version, AgreementTerms terms) {
        own(agreementId);
        agreements.changeTerms(caller.account().actor(), agreementId, version, terms);
    }

    @RolesAllowed("ILL_ADMIN")
    public void activate(long agreementId, long version) {
        own(agreementId);
        agreements.activate(caller.account().actor(), agreementId, version);
    }

    @RolesAllowed("ILL_ADMIN")
    public void suspend(long agreementId, long version) {
        own(agreementId);
        agreements.suspend(caller.account().actor(), agreementId, version);
    }

    @RolesAllowed("ILL_ADMIN")
    public void renew(long agreementId, long version, LocalDate until) {
        own(agreementId);
        agreements.renew(caller.account().actor(), agreementId, version, until);
    }

    /** The agreement, once known to be one of the library's (else not found). */
    private void own(long agreementId) {
        PartnerAgreement agreement = em.find(PartnerAgreement.class, agreementId);
        Library library = caller.ownLibrary();
        if (agreement == null || !agreement.lender().equals(library) && !agreement.borrower().equals(library)) {
            throw new NotFoundException("Your library has no partner agreement #" + agreementId);
        }
    }
}

package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Actor;
import org.openill.domain.InvalidInputException;
import org.openill.domain.Text;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.library.PartnerProfile;
import org.openill.domain.library.PartnerProfile.Deviation;
import org.openill.domain.library.PartnerProfile.SchemaVersion;
import org.openill.infrastructure.persistence.IllRepository;
import org.openill.infrastructure.security.SecretBox;
import org.openill.infrastructure.security.SecretHash;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The libraries of the network hosted elsewhere and how they are reached over ISO 18626 (their partner profiles),
 * and which libraries hosted here answer new requests without staff. Security codes are hashed (theirs) or encrypted
 * (ours) before they reach the database, and are never returned, printed or audited.
 */
@Stateless
public class PartnerDirectory {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private IllRepository repository;

    @EJB
    private AuditLog audit;

    /** What a partner must present to us, and what we present to it. */
    public record Credentials(String accountId, String securityCode) {

        public Credentials {
            accountId = Text.required("account id", accountId, PartnerProfile.ACCOUNT_LENGTH);
            if (securityCode == null || securityCode.isBlank()) {
                throw new InvalidInputException("security code", "A security code is required");
            }
            if (securityCode.length() > PartnerProfile.CODE_LENGTH) {
                throw new InvalidInputException("security code", "A security code may have at most "
                        + PartnerProfile.CODE_LENGTH + " characters");
            }
        }

        @Override
        public String toString() {
            return "Credentials[" + accountId + ", ***]";
        }
    }

    /**
     * A library registered in the network is hosted elsewhere and reached over ISO 18626 as the profile says.
     *
     * @param theirs what the partner must present in its messages
     * @param ours   what we present in ours
     */
    public void hostElsewhere(Actor admin, String isil, String endpoint, SchemaVersion version, Credentials theirs,
                              Credentials ours, Set<Deviation> tolerated) {
        admin.requireNetworkWide("describe a partner hosted elsewhere");
        Library library = repository.library(isil);
        library.hostedElsewhere();
        PartnerProfile profile = em.find(PartnerProfile.class, library.id());
        String theirHash = SecretHash.of(theirs.securityCode());
        String ourCode = SecretBox.ofServer().encrypt(ours.securityCode());
        if (profile == null) {
            profile = new PartnerProfile(library, endpoint, version, theirs.accountId(), theirHash, ours.accountId(),
                    ourCode);
            em.persist(profile);
        } else {
            profile.moveTo(endpoint, version);
            profile.changeInboundCredentials(theirs.accountId(), theirHash);
            profile.changeOutboundCredentials(ours.accountId(), ourCode);
        }
        profile.tolerate(tolerated);
        CACHE.clear();
        audit.record(admin, "LIBRARY", library.agencyId().value(), "PARTNER_PROFILE", null, null,
                "ISO 18626 " + profile.schemaVersion().code() + " at " + profile.endpoint()
                        + (tolerated == null || tolerated.isEmpty() ? "" : ", tolerating " + tolerated));
    }

    /** The time-outs of deliveries to a partner. */
    public void timeouts(Actor admin, String isil, Duration connect, Duration response) {
        admin.requireNetworkWide("change a partner's time-outs");
        profileOf(repository.library(isil)).timeouts(connect, response);
        CACHE.clear();
    }

    /** A partner's system moved (or is pointed elsewhere while it is away); its credentials stay. */
    public void moveEndpoint(Actor admin, String isil, String endpoint) {
        admin.requireNetworkWide("move a partner's ISO 18626 endpoint");
        PartnerProfile profile = profileOf(repository.library(isil));
        String before = profile.endpoint().toString();
        profile.moveTo(endpoint, profile.schemaVersion());
        CACHE.clear();
        audit.record(admin, "LIBRARY", isil, "PARTNER_ENDPOINT", null, null, before + " -> " + profile.endpoint());
    }

    /** A library hosted here answers new requests at once without staff, or leaves them to its staff. */
    public void answerNewRequestsAutomatically(Actor staff, String isil, boolean on) {
        Library library = repository.library(isil);
        staff.requireSpeaksForOneOf("change how new requests are answered", library.agencyId());
        boolean before = library.answersNewRequestsAutomatically();
        library.answerNewRequestsAutomatically(on);
        CACHE.clear();
        audit.record(staff, "LIBRARY", library.agencyId().value(), "AUTO_RESPONDER", before ? "ON" : "OFF",
                on ? "ON" : "OFF", null);
    }

    /** How to reach a library over ISO 18626, as one value read in one go (no credentials in clear). */
    public record Partner(long libraryId, AgencyId agency, boolean hosted, URI endpoint, SchemaVersion version,
                          String outboundAccountId, String outboundCodeEncrypted, String inboundAccountId,
                          String inboundCodeHash, Duration connectTimeout, Duration responseTimeout,
                          Set<Deviation> tolerated) {

        @Override
        public String toString() {
            return "Partner[" + agency.value() + (hosted ? ", hosted here" : " at " + endpoint) + "]";
        }
    }

    /** The library with the agency id in the directory, and how to reach it; empty when the network has none. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Partner> partner(AgencyId agency) {
        Cached cached = CACHE.get(agency);
        if (cached != null && cached.until() > System.nanoTime()) {
            return Optional.of(cached.partner());
        }
        Optional<Partner> found = lookUp(agency);
        found.ifPresent(partner -> CACHE.put(agency, new Cached(partner, System.nanoTime() + CACHED_NANOS)));
        return found;
    }

    /**
     * What each message in and out asks: kept for a few seconds (a change made here is seen at once; one made by
     * another server sharing the database, within {@value #CACHED_SECONDS} seconds).
     */
    private static final java.util.Map<AgencyId, Cached> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHED_SECONDS = 5;
    private static final long CACHED_NANOS = CACHED_SECONDS * 1_000_000_000L;

    private record Cached(Partner partner, long until) {
    }

    private Optional<Partner> lookUp(AgencyId agency) {
        Optional<Library> found = em.createQuery("""
                        SELECT l FROM Library l WHERE l.agencyId.type = :type AND l.agencyId.value = :value""",
                        Library.class)
                .setParameter("type", agency.type()).setParameter("value", agency.value())
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Library library = found.get();
        if (library.isHosted()) {
            return Optional.of(new Partner(library.id(), library.agencyId(), true, null, null, null, null, null, null,
                    null, null, Set.of()));
        }
        PartnerProfile profile = em.find(PartnerProfile.class, library.id());
        if (profile == null) {
            return Optional.of(new Partner(library.id(), library.agencyId(), false, null, null, null, null, null, null,
                    null, null, Set.of()));
        }
        return Optional.of(new Partner(library.id(), library.agencyId(), false, profile.endpoint(),
                profile.schemaVersion(), profile.outboundAccountId(), profile.outboundCodeEncrypted(),
                profile.inboundAccountId(), profile.inboundCodeHash(), profile.connectTimeout(),
                profile.responseTimeout(), profile.tolerated()));
    }

    private PartnerProfile profileOf(Library library) {
        PartnerProfile profile = em.find(PartnerProfile.class, library.id());
        if (profile == null) {
            throw new org.openill.domain.NotFoundException(library.agencyId().value()
                    + " is hosted here or has no partner profile");
        }
        return profile;
    }
}

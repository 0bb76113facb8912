package org.openill.infrastructure.demo;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.application.AgreementService;
import org.openill.application.NetworkAdministration;
import org.openill.application.PartnerDirectory;
import org.openill.domain.library.PartnerProfile;
import org.openill.infrastructure.security.SecretBox;

import java.time.LocalDate;
import java.util.Set;
import java.util.logging.Logger;

/** Loads the demonstration network in one transaction of its own, unless it is there already. */
@Stateless
public class DemoNetworkLoader {

    private static final Logger LOG = Logger.getLogger(DemoNetworkLoader.class.getName());

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private NetworkAdministration admin;

    @EJB
    private AgreementService agreements;

    @EJB
    private PartnerDirectory directory;

    @EJB
    private org.openill.application.reader.ReaderSignIn signIn;

    @EJB
    private org.openill.application.staff.StaffSignIn staffSignIn;

    /**
     * Adds the demo partner hosted elsewhere (ZZ-EXT) to a demo network that lacks it (one loaded before it
     * existed), and from then on the demo libraries North and South answer new requests without staff (East's
     * office answers by hand). When ZZ-EXT is there but our security code for it cannot be read with this server's
     * key (the key file was lost), the published demo credentials are stored again.
     *
     * @return true when ZZ-EXT was added now
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean addExternalPartnerIfAbsent() {
        if (libraries(DemoNetwork.NORTH) == 0) {
            return false; // no demo network
        }
        if (libraries(DemoNetwork.EXTERNAL) > 0) {
            directory.partner(org.openill.domain.library.AgencyId.isil(DemoNetwork.EXTERNAL))
                    .filter(partner -> partner.outboundCodeEncrypted() != null && SecretBox.ofServer()
                            .decrypt(partner.outboundCodeEncrypted()).isEmpty())
                    .ifPresent(unreadable -> directory.hostElsewhere(DemoNetwork.ACTOR, DemoNetwork.EXTERNAL,
                            DemoNetwork.EXTERNAL_ENDPOINT, PartnerProfile.SchemaVersion.V1_2,
                            new PartnerDirectory.Credentials(DemoNetwork.EXTERNAL_ACCOUNT, DemoNetwork.EXTERNAL_SECRET),
                            new PartnerDirectory.Credentials(DemoNetwork.EXTERNAL_ACCOUNT, DemoNetwork.EXTERNAL_SECRET),
                            Set.of()));
            return false;
        }
        new DemoNetwork(admin, agreements, LocalDate.now(), 18626L, em::flush).externalPartner(directory);
        LOG.info("Demo partner " + DemoNetwork.EXTERNAL + " added (ISO 18626 1.2 at " + DemoNetwork.EXTERNAL_ENDPOINT
                + ")");
        return true;
    }

    /**
     * Gives the demo readers who have none the published demo PIN ({@link DemoNetwork#READER_PIN}), also in a demo
     * network loaded before readers signed in.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void givePinsToDemoReaders() {
        int given = signIn.givePinWhereNone(DemoNetwork.ACTOR,
                java.util.List.of(DemoNetwork.NORTH, DemoNetwork.SOUTH, DemoNetwork.EAST), DemoNetwork.READER_PIN);
        if (given > 0) {
            LOG.info("Demo readers without a PIN got the demo PIN: " + given);
        }
    }

    /**
     * Opens the demo staff accounts, once: an ILL_STAFF and an ILL_ADMIN for each demo library ({@code nul-staff},
     * {@code nul-admin}, {@code scl-...}, {@code ecl-...}) and the network administrator {@code network-admin}, all
     * with the published password {@link DemoNetwork#STAFF_PASSWORD}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void openDemoStaffAccounts() {
        if (libraries(DemoNetwork.NORTH) == 0 || staffSignIn.exists("network-admin")) {
            return;
        }
        String[][] offices = {{"nul", DemoNetwork.NORTH, "North"}, {"scl", DemoNetwork.SOUTH, "South"},
            {"ecl", DemoNetwork.EAST, "East"}};
        for (String[] office : offices) {
            staffSignIn.open(DemoNetwork.ACTOR, office[0] + "-staff", office[2] + " ILL Office",
                    org.openill.domain.staff.StaffRole.ILL_STAFF, office[1], DemoNetwork.STAFF_PASSWORD);
            staffSignIn.open(DemoNetwork.ACTOR, office[0] + "-admin", office[2] + " ILL Administrator",
                    org.openill.domain.staff.StaffRole.ILL_ADMIN, office[1], DemoNetwork.STAFF_PASSWORD);
        }
        staffSignIn.open(DemoNetwork.ACTOR, "network-admin", "Network Administrator",
                org.openill.domain.staff.StaffRole.NETWORK_ADMIN, null, DemoNetwork.STAFF_PASSWORD);
        LOG.info("Demo staff accounts opened: nul-staff, nul-admin, scl-staff, scl-admin, ecl-staff, ecl-admin, "
                + "network-admin");
    }

    /** The demo libraries North and South answer new requests without staff from now on; East's staff answer. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void answerNewRequestsAutomatically() {
        directory.answerNewRequestsAutomatically(DemoNetwork.ACTOR, DemoNetwork.NORTH, true);
        directory.answerNewRequestsAutomatically(DemoNetwork.ACTOR, DemoNetwork.SOUTH, true);
    }

    private long libraries(String isil) {
        return em.createQuery("SELECT COUNT(l) FROM Library l WHERE l.agencyId.type = 'ISIL' "
                + "AND l.agencyId.value = :value", Long.class).setParameter("value", isil).getSingleResult();
    }

    /**
     * Loads the demonstration network unless it is there already.
     *
     * @return true when it was loaded now, false when it was present
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean loadIfAbsent() {
        long present = em.createQuery("SELECT COUNT(l) FROM Library l WHERE l.agencyId.type = 'ISIL' "
                + "AND l.agencyId.value = :value", Long.class)
                .setParameter("value", DemoNetwork.NORTH).getSingleResult();
        if (present > 0) {
            LOG.info("Demo data already present");
            return false;
        }
        long started = System.nanoTime();
        DemoNetwork.Counts counts = new DemoNetwork(admin, agreements, LocalDate.now(), 18626L, () -> {
            em.flush();
            em.clear();
        }).build();
        LOG.info(() -> "Demo data loaded in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + counts);
        return true;
    }
}

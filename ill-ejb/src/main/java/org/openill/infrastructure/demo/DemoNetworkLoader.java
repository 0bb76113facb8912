package org.openill.infrastructure.demo;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.application.AgreementService;
import org.openill.application.NetworkAdministration;

import java.time.LocalDate;
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

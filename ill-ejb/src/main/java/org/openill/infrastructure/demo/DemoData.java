package org.openill.infrastructure.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.application.AgreementService;
import org.openill.application.NetworkAdministration;

import java.time.LocalDate;
import java.util.logging.Logger;

/**
 * Loads the demonstration network (three libraries, readers, a union catalogue of over 5,000 records, partner
 * agreements) once, when the database has none of it. Set ill.demo-data=false (system property) or
 * ILL_DEMO_DATA=false to start with an empty network.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private NetworkAdministration admin;

    @EJB
    private AgreementService agreements;

    @PostConstruct
    void loadAtStartup() {
        String setting = System.getProperty("ill.demo-data", System.getenv().getOrDefault("ILL_DEMO_DATA", "true"));
        if (Boolean.parseBoolean(setting)) {
            loadIfAbsent();
        } else {
            LOG.info("Demo data disabled");
        }
    }

    /**
     * Loads the demonstration network unless it is there already.
     *
     * @return true when it was loaded now, false when it was present
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
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

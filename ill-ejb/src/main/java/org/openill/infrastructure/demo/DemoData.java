package org.openill.infrastructure.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.logging.Logger;

/**
 * Loads the demonstration network (three libraries, readers, a union catalogue of over 5,000 records, partner
 * agreements) once, when the database has none of it, and then its activity: a few hundred requests between the
 * demo libraries in every state ({@link DemoActivity}), in the background. Set ill.demo-data=false (system property)
 * or ILL_DEMO_DATA=false to start with an empty network, ill.demo-activity=false or ILL_DEMO_ACTIVITY=false for the
 * network without requests.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @EJB
    private DemoNetworkLoader loader;

    @EJB
    private DemoActivity activity;

    /** How many demo requests are played once the network is there (ten for each state aimed at). */
    static final int DEMO_REQUESTS = 10 * DemoActivity.Goal.values().length;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the network commits before its activity starts
    void loadAtStartup() {
        if (!DemoSettings.demoData()) {
            LOG.info("Demo data disabled");
            return;
        }
        loader.loadIfAbsent();
        boolean externalAdded = loader.addExternalPartnerIfAbsent();
        loader.givePinsToDemoReaders();
        loader.openDemoStaffAccounts();
        if (Boolean.parseBoolean(System.getProperty("ill.demo-activity",
                System.getenv().getOrDefault("ILL_DEMO_ACTIVITY", "true")))) {
            // the server is ready meanwhile; the requests appear as played, and then the demo libraries North and
            // South answer new requests without staff (once: an administrator may turn that off again)
            activity.playInBackground(DEMO_REQUESTS, externalAdded);
        }
    }

    /**
     * Loads the demonstration network unless it is there already (without its activity).
     *
     * @return true when it was loaded now, false when it was present
     */
    public boolean loadIfAbsent() {
        return loader.loadIfAbsent();
    }
}

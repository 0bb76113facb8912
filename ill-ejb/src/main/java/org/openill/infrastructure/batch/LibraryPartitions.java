package org.openill.infrastructure.batch;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import java.util.List;
import java.util.Properties;

/**
 * One partition per library hosted here: a step of the loan reconciliation works each library's loans apart, in
 * parallel (one per core, see THREADS), and restarts only the partitions a crash interrupted.
 */
@Named
@Dependent
public class LibraryPartitions implements PartitionMapper {

    /**
     * Partitions running at once: one per core (at least two). A chunk's records are done together, so its work is
     * computing in this server more than waiting for the database; more partitions than cores only contend (measured
     * with bench/loan-reconciliation.sh: four or eight at once on two cores were slower than two).
     */
    static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    @EJB
    ReconciliationWork work;

    @Override
    public PartitionPlan mapPartitions() {
        List<Long> libraries = work.hostedLibraries();
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(libraries.size());
        plan.setThreads(Math.max(1, Math.min(THREADS, libraries.size())));
        Properties[] properties = new Properties[libraries.size()];
        for (int i = 0; i < libraries.size(); i++) {
            properties[i] = new Properties();
            properties[i].setProperty("libraryId", String.valueOf(libraries.get(i)));
        }
        plan.setPartitionProperties(properties);
        return plan;
    }
}

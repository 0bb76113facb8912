package org.openill.infrastructure.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.FeeSettlement;

import java.time.LocalDate;

/**
 * Nets the fees of the period (job parameters {@code from} and {@code until}, days of UTC) into settlement statements:
 * one set-based statement in one transaction, so a crash leaves either all of the period's statements or none, and a
 * restart or a second run settles no fee twice.
 */
@Named
@Dependent
public class SettleFees extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String from;

    @Inject
    @BatchProperty
    String until;

    @Inject
    JobContext job;

    @EJB
    FeeSettlement settlement;

    @Override
    public String process() {
        int fees = settlement.settle(LocalDate.parse(from), LocalDate.parse(until), job.getExecutionId());
        return fees + " fee(s) settled for " + from + " to " + until;
    }
}

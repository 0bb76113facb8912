package org.openill.infrastructure.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;

/**
 * Flags the records stuck for longer than their agreement's response time for the staff who must act, and clears the
 * flags of records that moved on: set-based statements in one transaction (ReconciliationWork.flagStuck).
 */
@Named
@Dependent
public class FlagStuck extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String asOf;

    @EJB
    ReconciliationWork work;

    @Override
    public String process() {
        return work.flagStuck(Instant.parse(asOf)) + " record(s) flagged for staff";
    }
}

package org.openill.infrastructure.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/** Expires every partner agreement past its last day (by its lender's date), one at a time; none twice. */
@Named
@Dependent
public class ExpireAgreements extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ExpireAgreements.class.getName());

    @Inject
    @BatchProperty
    String asOf;

    @EJB
    ReconciliationWork work;

    @Override
    public String process() {
        List<Long> ended = work.agreementsPastTheirEnd(Instant.parse(asOf));
        int expired = 0;
        for (long id : ended) {
            try {
                work.expireAgreement(id);
                expired++;
            } catch (RuntimeException failed) {
                LOG.warning(() -> "Agreement #" + id + " could not be expired: " + failed);
            }
        }
        return expired + " agreement(s) expired";
    }
}

package org.openill.infrastructure.batch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconciliationWorkTest {

    @Test
    void theDisagreementsTheStatusStepLooksForAreThoseOfTheOneRule() {
        String pairs = ReconciliationWork.disagreements();
        assertTrue(pairs.contains("'SHIPPED_BACK/LOAN_COMPLETED'"), "a completion we missed");
        assertTrue(pairs.contains("'REQUEST_RECEIVED/LOANED'"), "a shipment we missed");
        assertTrue(pairs.contains("'LOANED/OVERDUE'"), "an overdue we missed");
        assertFalse(pairs.contains("'SHIPPED_BACK/RETURN_SHIPPED'"), "both sides see the return on its way");
        assertFalse(pairs.contains("'LOANED/LOANED'"));
        assertFalse(pairs.contains("CANCEL_REQUESTED"), "a cancellation asked awaits the lender's answer");
    }

    @Test
    void eachStepIsNamedAsTheJobNamesIt() {
        assertEquals(ReconciliationStep.DUE_SOON, ReconciliationStep.named("due-soon"));
        assertEquals(ReconciliationStep.STATUS, ReconciliationStep.named("status"));
        assertEquals(org.openill.domain.request.RequestAction.MARK_OVERDUE, ReconciliationStep.OVERDUE.failureStep());
        assertEquals(null, ReconciliationStep.REMIND.failureStep(), "a failed reminder is tried again the next night");
    }
}

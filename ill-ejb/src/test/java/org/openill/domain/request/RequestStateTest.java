package org.openill.domain.request;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.domain.request.RequestState.*;

/** The sets of states other rules count with, written out independently of how the enum derives them. */
class RequestStateTest {

    @Test
    void aRequestIsOutstandingAgainstItsAgreementFromBeingAskedUntilTheItemIsBack() {
        // a cancellation asked still holds the lender's slot until it answers; a held or forwarded item is still out
        assertEquals(EnumSet.of(REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY, CONDITIONS_PROPOSED,
                AWAITING_READER_CONSENT, RETRY_POSSIBLE, CANCEL_REQUESTED, LOANED, OVERDUE, RECALLED, RETURN_HELD,
                SHIPPED_BACK, SHIPPED_FORWARD), OUTSTANDING);
    }

    @Test
    void beforeALenderIsAskedAndOnceFinishedNothingIsOutstanding() {
        for (RequestState state : EnumSet.of(NEW, VALIDATED, AWAITING_ROUTING)) {
            assertFalse(OUTSTANDING.contains(state), state.name());
        }
        for (RequestState state : RequestState.values()) {
            assertTrue(!state.isFinal() || !OUTSTANDING.contains(state), state.name());
        }
    }

    @Test
    void theLenderHasToActWhenAskedOrWhenItPromised() {
        assertEquals(EnumSet.of(REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY, RETRY_POSSIBLE), AWAITING_LENDER);
        assertTrue(OUTSTANDING.containsAll(AWAITING_LENDER));
    }

    @Test
    void ourStateAgreesWithTheLendersStatusItLeadsToAndOurOwnStepsAgreeWithAnything() {
        org.junit.jupiter.api.Assertions.assertTrue(RequestState.LOANED.agreesWithLender("Loaned"));
        org.junit.jupiter.api.Assertions.assertTrue(RequestState.SHIPPED_BACK.agreesWithLender("Loaned"),
                "the lender's record of a return on its way still says Loaned");
        org.junit.jupiter.api.Assertions.assertFalse(RequestState.SHIPPED_BACK.agreesWithLender("LoanCompleted"),
                "the lender checked the item in: we missed its LoanCompleted");
        org.junit.jupiter.api.Assertions.assertFalse(RequestState.REQUEST_RECEIVED.agreesWithLender("Loaned"));
        org.junit.jupiter.api.Assertions.assertFalse(RequestState.LOANED.agreesWithLender("Overdue"));
        org.junit.jupiter.api.Assertions.assertTrue(RequestState.CONDITIONS_PROPOSED.agreesWithLender("RetryPossible"));
        org.junit.jupiter.api.Assertions.assertTrue(RequestState.CANCEL_REQUESTED.agreesWithLender("Loaned"));
        org.junit.jupiter.api.Assertions.assertTrue(RequestState.LOAN_COMPLETED.agreesWithLender("Loaned"));
    }
}

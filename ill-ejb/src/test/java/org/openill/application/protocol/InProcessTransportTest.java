package org.openill.application.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InProcessTransportTest {

    @Test
    void aMessageTheReceivingLibraryCouldNotApplyNowStaysDueInsteadOfBeingRefused() {
        Iso18626Inbox failing = new Iso18626Inbox() {
            @Override
            public String receive(String xml) {
                throw new TryAgainLater("The request could not be applied now", new IllegalStateException("db down"));
            }
        };

        DeliveryOutcome outcome = new InProcessTransport(failing).deliver("<ISO18626Message/>");

        DeliveryOutcome.Unreachable later = assertInstanceOf(DeliveryOutcome.Unreachable.class, outcome);
        assertTrue(later.why().contains("could not be applied now"), later.why());
    }
}

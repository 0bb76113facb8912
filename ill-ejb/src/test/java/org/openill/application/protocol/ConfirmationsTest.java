package org.openill.application.protocol;

import org.junit.jupiter.api.Test;
import org.openill.domain.library.AgencyId;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.infrastructure.iso18626.Iso18626Messages;
import org.openill.infrastructure.iso18626.Iso18626Messages.Confirmation;
import org.openill.infrastructure.iso18626.Iso18626Messages.MessageError;
import org.openill.infrastructure.iso18626.Iso18626Messages.TransactionIds;
import org.openill.iso18626.v2021.TypeAction;
import org.openill.iso18626.v2021.TypeErrorType;
import org.openill.iso18626.v2021.TypeReasonForMessage;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the receiver's answer to a delivery means: confirmed OK, confirmed ERROR and why, or no confirmation at all. */
class ConfirmationsTest {

    private static final TransactionIds IDS = TransactionIds.of(AgencyId.isil("ZZ-NUL"), AgencyId.isil("ZZ-EXT"),
            "NUL-7");
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void anOkConfirmationConfirmsTheDelivery() {
        String answer = Iso18626Codec.toXml(Iso18626Messages.requestConfirmation(Confirmation.ok(IDS, NOW, NOW)));

        DeliveryOutcome.Confirmed confirmed = assertInstanceOf(DeliveryOutcome.Confirmed.class,
                Confirmations.outcome(answer));

        assertTrue(confirmed.ok());
        assertNull(confirmed.error());
        assertEquals(answer, confirmed.confirmation());
    }

    @Test
    void anOkConfirmationOfALenderOrBorrowerMessageConfirmsTooAndSoDoesA12One() {
        String lender = Iso18626Codec.toXml(Iso18626Messages.supplyingAgencyMessageConfirmation(
                Confirmation.ok(IDS, NOW, NOW), TypeReasonForMessage.STATUS_CHANGE));
        String borrower = Iso18626Codec.toXml(Iso18626Messages.requestingAgencyMessageConfirmation(
                Confirmation.ok(IDS, NOW, NOW), TypeAction.RECEIVED));

        for (String answer : new String[] {lender, borrower, Iso18626Codec.confirmationAsVersion12(borrower)}) {
            DeliveryOutcome.Confirmed confirmed = assertInstanceOf(DeliveryOutcome.Confirmed.class,
                    Confirmations.outcome(answer), answer);
            assertTrue(confirmed.ok(), answer);
        }
    }

    @Test
    void anErrorConfirmationIsConfirmedNotOkWithItsErrorTypeAndValue() {
        String answer = Iso18626Codec.toXml(Iso18626Messages.requestingAgencyMessageConfirmation(
                Confirmation.error(IDS, NOW, NOW, new MessageError(TypeErrorType.UNRECOGNISED_DATA_VALUE,
                        "No request NUL-7")), TypeAction.NOTIFICATION));

        DeliveryOutcome.Confirmed confirmed = assertInstanceOf(DeliveryOutcome.Confirmed.class,
                Confirmations.outcome(answer));

        assertFalse(confirmed.ok());
        assertEquals("UnrecognisedDataValue: No request NUL-7", confirmed.error());
        assertEquals(answer, confirmed.confirmation());
    }

    @Test
    void aMessageThatIsNoConfirmationIsUndeliverable() {
        String notification = Iso18626Codec.toXml(Iso18626Messages.requestingAgencyMessage(
                IDS.withSupplyingAgencyRequestId("EXT-1"), NOW, TypeAction.NOTIFICATION, "hello"));

        DeliveryOutcome.Undeliverable refused = assertInstanceOf(DeliveryOutcome.Undeliverable.class,
                Confirmations.outcome(notification));

        assertTrue(refused.why().contains("requestingAgencyMessage"), refused.why());
    }

    @Test
    void anAnswerThatIsNoIso18626MessageIsUndeliverable() {
        for (String garbage : new String[] {"", "OK", "<html><body>Welcome</body></html>", "<ISO18626Message"}) {
            DeliveryOutcome.Undeliverable refused = assertInstanceOf(DeliveryOutcome.Undeliverable.class,
                    Confirmations.outcome(garbage), garbage);
            assertTrue(refused.why().startsWith("The answer is no ISO 18626 confirmation"), refused.why());
        }
    }

    @Test
    void aLongAnswerIsAbbreviatedInTheReason() {
        String page = "<html><body>" + "Service unavailable. ".repeat(50) + "</body></html>";

        DeliveryOutcome.Undeliverable refused = assertInstanceOf(DeliveryOutcome.Undeliverable.class,
                Confirmations.outcome(page));

        assertTrue(refused.why().endsWith(" ..."), refused.why());
        assertTrue(refused.why().length() < 300, refused.why());
    }
}

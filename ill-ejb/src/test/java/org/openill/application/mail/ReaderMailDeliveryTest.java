package org.openill.application.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReaderMailDeliveryTest {

    @Test
    void aMailThatFailedWaitsAMinuteThenTwiceAsLongEachTimeUpToAnHour() {
        assertEquals(Duration.ofMinutes(1), ReaderMailDelivery.pauseAfter(1));
        assertEquals(Duration.ofMinutes(2), ReaderMailDelivery.pauseAfter(2));
        assertEquals(Duration.ofMinutes(32), ReaderMailDelivery.pauseAfter(6));
        assertEquals(Duration.ofHours(1), ReaderMailDelivery.pauseAfter(7));
        assertEquals(Duration.ofHours(1), ReaderMailDelivery.pauseAfter(1000));
    }

    @Test
    void withoutAnSmtpHostNothingIsSent() {
        String before = System.getProperty("ill.smtp.host");
        try {
            System.setProperty("ill.smtp.host", "");
            assertEquals(false, MailSettings.configured()); // the property, when set, comes before the environment
            System.setProperty("ill.smtp.host", "smtp.example.org");
            assertEquals(true, MailSettings.configured());
        } finally {
            if (before == null) {
                System.clearProperty("ill.smtp.host");
            } else {
                System.setProperty("ill.smtp.host", before);
            }
        }
    }
}

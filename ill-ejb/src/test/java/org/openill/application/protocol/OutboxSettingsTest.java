package org.openill.application.protocol;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How long the outbox waits before trying an unreachable partner again, and for how long it keeps trying. */
class OutboxSettingsTest {

    private static final List<String> SETTINGS = List.of("ill.outbox.first-pause", "ill.outbox.longest-pause",
            "ill.outbox.retry-for");

    private final Map<String, String> before = new HashMap<>();

    @BeforeEach
    void clearSettings() {
        for (String name : SETTINGS) {
            before.put(name, System.getProperty(name));
            System.clearProperty(name);
        }
    }

    @AfterEach
    void restoreSettings() {
        before.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void pausesDoubleFromThirtySeconds() {
        assertEquals(Duration.ofSeconds(30), OutboxSettings.pauseAfter(1));
        assertEquals(Duration.ofSeconds(60), OutboxSettings.pauseAfter(2));
        assertEquals(Duration.ofSeconds(120), OutboxSettings.pauseAfter(3));
        assertEquals(Duration.ofSeconds(30 * 64), OutboxSettings.pauseAfter(7));
    }

    @Test
    void noAttemptYetPausesAsLongAsTheFirst() {
        assertEquals(Duration.ofSeconds(30), OutboxSettings.pauseAfter(0));
        assertEquals(Duration.ofSeconds(30), OutboxSettings.pauseAfter(-3));
    }

    @Test
    void pausesStopGrowingAtOneHour() {
        assertEquals(Duration.ofHours(1), OutboxSettings.pauseAfter(8), "30 s x 128 would be 64 min");
        assertEquals(Duration.ofHours(1), OutboxSettings.pauseAfter(30));
        assertEquals(Duration.ofHours(1), OutboxSettings.pauseAfter(Integer.MAX_VALUE));
    }

    @Test
    void messagesAreTriedForADayByDefault() {
        assertEquals(Duration.ofHours(24), OutboxSettings.retryFor());
    }

    @Test
    void theFirstPauseIsASetting() {
        System.setProperty("ill.outbox.first-pause", "PT10S");

        assertEquals(Duration.ofSeconds(10), OutboxSettings.pauseAfter(1));
        assertEquals(Duration.ofSeconds(40), OutboxSettings.pauseAfter(3));
        assertEquals(Duration.ofHours(1), OutboxSettings.pauseAfter(30));
    }

    @Test
    void theLongestPauseIsASetting() {
        System.setProperty("ill.outbox.longest-pause", "PT1M");

        assertEquals(Duration.ofSeconds(30), OutboxSettings.pauseAfter(1));
        assertEquals(Duration.ofSeconds(60), OutboxSettings.pauseAfter(2));
        assertEquals(Duration.ofSeconds(60), OutboxSettings.pauseAfter(3));
    }

    @Test
    void theTimeMessagesAreTriedForIsASetting() {
        System.setProperty("ill.outbox.retry-for", " PT2H ");

        assertEquals(Duration.ofHours(2), OutboxSettings.retryFor());
    }

    @Test
    void settingsThatAreNoDurationFallBackToTheDefaults() {
        for (String bad : List.of("30 seconds", "30", "", "   ", "P1Y")) {
            System.setProperty("ill.outbox.first-pause", bad);
            System.setProperty("ill.outbox.longest-pause", bad);
            System.setProperty("ill.outbox.retry-for", bad);

            assertEquals(Duration.ofSeconds(30), OutboxSettings.pauseAfter(1), bad);
            assertEquals(Duration.ofHours(1), OutboxSettings.pauseAfter(10), bad);
            assertEquals(Duration.ofHours(24), OutboxSettings.retryFor(), bad);
        }
    }
}

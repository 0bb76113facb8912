package org.openill.application.protocol;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * How long the outbox tries a message again while its receiver cannot be reached, and how long it pauses between
 * attempts: system properties {@code ill.outbox.retry-for} (24 h), {@code ill.outbox.first-pause} (30 s) and
 * {@code ill.outbox.longest-pause} (1 h), ISO 8601 durations.
 */
public final class OutboxSettings {

    private static final Logger LOG = Logger.getLogger(OutboxSettings.class.getName());

    private OutboxSettings() {
    }

    /** The time a message is tried again for while its receiver cannot be reached. */
    public static Duration retryFor() {
        return setting("ill.outbox.retry-for", Duration.ofHours(24));
    }

    /** The pause after the given number of failed attempts: doubling from the first pause up to the longest. */
    public static Duration pauseAfter(int attempts) {
        Duration first = setting("ill.outbox.first-pause", Duration.ofSeconds(30));
        Duration longest = setting("ill.outbox.longest-pause", Duration.ofHours(1));
        Duration pause = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return pause.compareTo(longest) > 0 ? longest : pause;
    }

    private static Duration setting(String name, Duration otherwise) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Duration.parse(value.strip());
        } catch (java.time.format.DateTimeParseException bad) {
            LOG.warning(() -> name + "=" + value + " is no ISO 8601 duration (like PT30S); using " + otherwise);
            return otherwise;
        }
    }
}

package org.openill.infrastructure.iso18626;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * An ISO 18626 date and time (xs:dateTime) as an {@link Instant}; the generated message classes use it for every
 * timestamp, due date and retry date. We write UTC ({@code 2026-03-02T10:15:00Z}). A partner's time without an offset
 * is read as UTC: the schema allows it, and UTC is the only reading that does not depend on our own server's zone.
 */
public class DateTimeAdapter extends XmlAdapter<String, Instant> {

    @Override
    public Instant unmarshal(String text) {
        if (text == null) {
            return null;
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.trim(), OffsetDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // The schema check has already refused such a value; this is the message JAXB reports if it has not.
            throw new IllegalArgumentException("'" + text + "' is not an ISO 18626 date and time", e);
        }
    }

    @Override
    public String marshal(Instant moment) {
        return moment == null ? null : DateTimeFormatter.ISO_INSTANT.format(moment);
    }
}

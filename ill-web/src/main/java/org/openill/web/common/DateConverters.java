package org.openill.web.common;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Dates and instants as the page's language writes them (shown only, never read back). */
public final class DateConverters {

    private DateConverters() {
    }

    /** A day, e.g. "12 Dec 2026" or "2026年12月12日". */
    @FacesConverter("illDate")
    public static class Day implements Converter<LocalDate> {
        @Override
        public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
            throw new ConverterException("A day is shown, not entered, here");
        }

        @Override
        public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
            return value == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(context.getViewRoot().getLocale()).format(value);
        }
    }

    /** A moment, to the minute, in the server's time zone. */
    @FacesConverter("illInstant")
    public static class Moment implements Converter<Instant> {
        @Override
        public Instant getAsObject(FacesContext context, UIComponent component, String value) {
            throw new ConverterException("A moment is shown, not entered, here");
        }

        @Override
        public String getAsString(FacesContext context, UIComponent component, Instant value) {
            return value == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(context.getViewRoot().getLocale()).format(value.atZone(ZoneId.systemDefault()));
        }
    }
}

package org.openill.application.report;

import org.openill.domain.InvalidInputException;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * The length of a cooperation report's period: a calendar month, quarter or year (days of UTC). A period is named by
 * its first day; any day in it gives that first day.
 */
public enum ReportPeriod {
    MONTH, QUARTER, YEAR;

    /** The first day of the period holding the day. */
    public LocalDate firstDayOf(LocalDate day) {
        return switch (this) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day after the period that starts on the day. */
    public LocalDate after(LocalDate first) {
        return switch (this) {
            case MONTH -> first.plusMonths(1);
            case QUARTER -> first.plusMonths(3);
            case YEAR -> first.plusYears(1);
        };
    }

    /** The first day of the period before the one that starts on the day. */
    public LocalDate previous(LocalDate first) {
        return switch (this) {
            case MONTH -> first.minusMonths(1);
            case QUARTER -> first.minusMonths(3);
            case YEAR -> first.minusYears(1);
        };
    }

    /** The period named in words or by a job parameter ("month", "QUARTER", ...). */
    public static ReportPeriod named(String name) {
        if (name != null) {
            for (ReportPeriod period : values()) {
                if (period.name().equalsIgnoreCase(name.strip())) {
                    return period;
                }
            }
        }
        throw new InvalidInputException("period", "A report's period is a month, a quarter or a year, not " + name);
    }
}

package org.openill.application.report;

import org.junit.jupiter.api.Test;
import org.openill.domain.InvalidInputException;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportPeriodTest {

    @Test
    void aDayNamesItsMonthQuarterAndYearAndThePeriodsBeforeAndAfter() {
        LocalDate day = LocalDate.of(2026, 8, 17);
        assertEquals(LocalDate.of(2026, 8, 1), ReportPeriod.MONTH.firstDayOf(day));
        assertEquals(LocalDate.of(2026, 7, 1), ReportPeriod.QUARTER.firstDayOf(day));
        assertEquals(LocalDate.of(2026, 1, 1), ReportPeriod.YEAR.firstDayOf(day));
        assertEquals(LocalDate.of(2026, 9, 1), ReportPeriod.MONTH.after(LocalDate.of(2026, 8, 1)));
        assertEquals(LocalDate.of(2026, 10, 1), ReportPeriod.QUARTER.after(LocalDate.of(2026, 7, 1)));
        assertEquals(LocalDate.of(2027, 1, 1), ReportPeriod.YEAR.after(LocalDate.of(2026, 1, 1)));
        assertEquals(LocalDate.of(2025, 12, 1), ReportPeriod.MONTH.previous(LocalDate.of(2026, 1, 1)));
        assertEquals(LocalDate.of(2025, 10, 1), ReportPeriod.QUARTER.previous(LocalDate.of(2026, 1, 1)));
        assertEquals(LocalDate.of(2025, 1, 1), ReportPeriod.YEAR.previous(LocalDate.of(2026, 1, 1)));
        assertEquals(LocalDate.of(2026, 10, 1), ReportPeriod.QUARTER.firstDayOf(LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aPeriodIsNamedInAnyCaseAndAnythingElseIsRefusedWithItsField() {
        assertEquals(ReportPeriod.QUARTER, ReportPeriod.named(" quarter "));
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ReportPeriod.named("week"));
        assertEquals("period", refused.field());
    }
}

package org.openill.application.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCsvTest {

    private static CooperationReports.Figure figure(boolean current, String partner, int received, int filled,
                                                    int madeFilled) {
        return new CooperationReports.Figure(current, "ZZ-A", "Library A", partner, partner == null ? null : "Library B",
                10, madeFilled, 1, new BigDecimal("48.5"), new BigDecimal("90.0"), received, filled, 2, filled - 1, 1,
                new BigDecimal("20.0"), null);
    }

    @Test
    void theFiguresCarryTheirDerivedRatesAndTextIsQuotedAndDefused() {
        CooperationReports.Report report = new CooperationReports.Report(7, ReportPeriod.MONTH,
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 9, 1), null, null,
                Instant.parse("2026-11-01T03:30:00Z"));
        CooperationReports.Contents contents = new CooperationReports.Contents(report,
                List.of(figure(true, null, 8, 6, 4), figure(true, "ZZ-B", 3, 1, 0)),
                List.of(new CooperationReports.Unfilled(true, "ZZ-A", "ZZ-B", "Other: \"fragile\", rebinding", 2)),
                List.of(new CooperationReports.Fee(true, "ZZ-A", "ZZ-B", "EUR", new BigDecimal("12.50"), 3)),
                List.of(new CooperationReports.Busiest("TITLE", null, 1, "=HYPERLINK(\"x\")", 5)));
        String[] lines = ReportCsv.of(contents).split("\r\n", -1);
        assertEquals("report,period_kind,from,until,previous_from,scope", lines[0]);
        assertEquals("7,MONTH,2026-10-01,2026-10-31,2026-09-01,network", lines[1]);
        assertEquals(String.join(",", ReportCsv.FIGURE_COLUMNS), lines[3]);
        // 6 of 8 filled: 75.0 %; lent 6 against borrowed 4: +2, ratio 1.50
        assertEquals("current,ZZ-A,,10,4,1,48.5,90.0,8,6,2,75.0,5,1,20.0,,2,1.50", lines[4]);
        // nothing borrowed: no ratio
        assertEquals("current,ZZ-A,ZZ-B,10,0,1,48.5,90.0,3,1,2,33.3,0,1,20.0,,1,", lines[5]);
        assertTrue(List.of(lines).contains("current,ZZ-A,ZZ-B,\"Other: \"\"fragile\"\", rebinding\",2"));
        assertTrue(List.of(lines).contains("current,ZZ-A,ZZ-B,EUR,12.50,3"));
        assertTrue(List.of(lines).contains("title,network,1,\"'=HYPERLINK(\"\"x\"\")\",5"), String.join("\n", lines));
    }

    @Test
    void aFillRateRoundsHalfUpAndIsAbsentWhenNothingWasAsked() {
        assertEquals(new BigDecimal("66.7"), figure(true, null, 3, 2, 0).fillRate());
        assertEquals(null, figure(true, null, 0, 0, 0).fillRate());
        assertEquals(-4, figure(true, null, 0, 0, 4).balance());
    }
}

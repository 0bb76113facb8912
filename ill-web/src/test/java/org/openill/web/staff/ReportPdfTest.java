package org.openill.web.staff;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.openill.application.report.CooperationReports;
import org.openill.application.report.ReportPeriod;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPdfTest {

    private static CooperationReports.Figure figure(boolean current, String isil, String partner, int received,
                                                    int filled) {
        return new CooperationReports.Figure(current, isil, "Library " + isil, partner, partner == null ? null : "P",
                4, 2, 1, new BigDecimal("30.5"), new BigDecimal("70.0"), received, filled, 1, filled, 0,
                new BigDecimal("12.0"), new BigDecimal("40.0"));
    }

    private static final CooperationReports.Contents ONE_LIBRARY = new CooperationReports.Contents(
            new CooperationReports.Report(3, ReportPeriod.QUARTER, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30),
                    LocalDate.of(2026, 4, 1), "ZZ-NUL", "North University Library", Instant.parse("2026-10-01T04:30:00Z")),
            List.of(figure(true, "ZZ-NUL", null, 8, 6), figure(true, "ZZ-NUL", "ZZ-SCL", 5, 4),
                    figure(true, "ZZ-NUL", "ZZ-EAST", 3, 2), figure(false, "ZZ-NUL", null, 4, 1)),
            List.of(new CooperationReports.Unfilled(true, "ZZ-NUL", "ZZ-SCL", "NotHeld", 2)),
            List.of(new CooperationReports.Fee(true, "ZZ-NUL", "ZZ-SCL", "EUR", new BigDecimal("7.50"), 3)),
            List.of(new CooperationReports.Busiest("TITLE", "ZZ-NUL", 1, "Thermodynamics of Tea", 4),
                    new CooperationReports.Busiest("SUBJECT", "ZZ-NUL", 1, "Geology", 3)));

    @Test
    void theReportPrintsItsPeriodChartsAndEveryTable() throws Exception {
        byte[] pdf = ReportPdf.of(ONE_LIBRARY);
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        String all = text.toString();
        assertTrue(all.contains("Cooperation report: quarter 2026-07-01 to 2026-09-30"), all);
        assertTrue(all.contains("North University Library (ZZ-NUL)"), all);
        assertTrue(all.contains("Lent and borrowed (filled)"), all);
        assertTrue(all.contains("Turnaround (hours from the request to its receipt)"), all);
        assertTrue(all.contains("Time to ship (hours from the lender being asked to shipping)"), all);
        assertTrue(all.contains("ZZ-NUL / ZZ-SCL"), all);
        assertTrue(all.contains("75.0 (25.0)"), "fill rate beside the period before: " + all);
        assertTrue(all.contains("NotHeld"), all);
        assertTrue(all.contains("7.50"), all);
        assertTrue(all.contains("Thermodynamics of Tea"), all);
        assertTrue(all.contains("Geology"), all);
    }

    @Test
    void chineseTitlesAmongTheBusiestArePrintedInAChineseFont() throws Exception {
        CooperationReports.Contents chinese = new CooperationReports.Contents(ONE_LIBRARY.report(),
                ONE_LIBRARY.figures(), List.of(), List.of(),
                List.of(new CooperationReports.Busiest("TITLE", "ZZ-NUL", 1, "红楼梦", 4)));
        byte[] pdf = ReportPdf.of(chinese);
        PdfReader reader = new PdfReader(pdf);
        boolean found = false;
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            found |= SlipsPdfTest.containsChinese(reader, page, "红楼梦");
        }
        assertTrue(found, "the title's characters are in the report");
    }

    @Test
    void oneLibrarysChartsHaveABarPerPartnerAndTheNetworksABarPerLibrary() {
        assertEquals(List.of("ZZ-SCL", "ZZ-EAST"), ReportPdf.bars(ONE_LIBRARY).stream().map(ReportPdf::label).toList());
        CooperationReports.Contents network = new CooperationReports.Contents(ONE_LIBRARY.report(),
                List.of(figure(true, "ZZ-NUL", null, 8, 6), figure(true, "ZZ-SCL", null, 5, 4),
                        figure(true, "ZZ-NUL", "ZZ-SCL", 5, 4)), List.of(), List.of(), List.of());
        assertEquals(List.of("ZZ-NUL", "ZZ-SCL"), ReportPdf.bars(network).stream().map(ReportPdf::label).toList());
    }
}

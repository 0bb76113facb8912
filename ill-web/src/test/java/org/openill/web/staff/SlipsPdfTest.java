package org.openill.web.staff;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.openill.application.IncomingRequest;
import org.openill.application.staff.StaffDesk;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlipsPdfTest {

    private static final StaffDesk.Slip SLIP = new StaffDesk.Slip(4711, "Thermodynamics of Tea", "Earl Grey", "LOAN",
            null, "South City Library", "1 Harbour Road, South City", "North University Library",
            "5 College Lane, North Town", "ZZ-NUL", "Reader 7", LocalDate.of(2026, 12, 24),
            List.of(new IncomingRequest.SuppliableCopy(4711, "SCL-B-0042", "QC311 .G7", "Main stacks", "AVAILABLE")));

    @Test
    void aPickSlipSaysWhereOnTheShelvesTheItemIsAndForWhom() throws Exception {
        String text = text(SlipsPdf.pickSlips(List.of(SLIP, SLIP)));
        assertTrue(text.contains("ILL pick slip #4711"), text);
        assertTrue(text.contains("Thermodynamics of Tea"), text);
        assertTrue(text.contains("Main stacks QC311 .G7 barcode SCL-B-0042"), text);
        assertTrue(text.contains("For: North University Library (ZZ-NUL)"), text);
        assertTrue(text.contains("Due back: 2026-12-24"), text);
    }

    @Test
    void aShippingLabelNamesTheReceivingLibraryAndItsAddress() throws Exception {
        byte[] pdf = SlipsPdf.labels(List.of(SLIP, SLIP, SLIP));
        String text = text(pdf);
        assertTrue(text.contains("North University Library"), text);
        assertTrue(text.contains("5 College Lane, North Town"), text);
        assertTrue(text.contains("ILL ZZ-NUL request #4711"), text);
        assertTrue(text.contains("From: South City Library, 1 Harbour Road, South City"), text);
        assertEquals(1, new PdfReader(pdf).getNumberOfPages(), "three labels fit on a page");
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        return text.toString().replaceAll("\\s+", " ");
    }
}

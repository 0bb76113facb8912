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

    @Test
    void aChineseTitleIsPrintedInAChineseFontAndItsLatinPartInTheSlipsOwn() throws Exception {
        StaffDesk.Slip chinese = new StaffDesk.Slip(4712, "红楼梦 (Dream of the Red Chamber)", "Cao, Xueqin", "LOAN",
                null, "South City Library", "1 Harbour Road, South City", "北方大学图书馆", "5 College Lane, North Town",
                "ZZ-NUL", "Reader 8", null, List.of());
        for (byte[] pdf : List.of(SlipsPdf.pickSlips(List.of(chinese)), SlipsPdf.labels(List.of(chinese)))) {
            assertTrue(fontsOfFirstPage(pdf).contains("STSongStd-Light-UniGB-UCS2-H"),
                    fontsOfFirstPage(pdf).toString());
            assertTrue(containsChinese(pdf, "红楼梦"), "the title's characters are on the page");
            assertTrue(text(pdf).contains("(Dream of the Red Chamber)"), text(pdf));
        }
        assertTrue(containsChinese(SlipsPdf.labels(List.of(chinese)), "北方大学图书馆"), "the receiving library's name");
    }

    /** The names of the fonts the first page uses. */
    static List<String> fontsOfFirstPage(byte[] pdf) throws Exception {
        com.lowagie.text.pdf.PdfDictionary fonts = new PdfReader(pdf).getPageN(1)
                .getAsDict(com.lowagie.text.pdf.PdfName.RESOURCES).getAsDict(com.lowagie.text.pdf.PdfName.FONT);
        List<String> names = new java.util.ArrayList<>();
        for (com.lowagie.text.pdf.PdfName key : fonts.getKeys()) {
            com.lowagie.text.pdf.PdfDictionary font = fonts.getAsDict(key);
            names.add(com.lowagie.text.pdf.PdfName.decodeName(font.getAsName(com.lowagie.text.pdf.PdfName.BASEFONT)
                    .toString()));
        }
        return names;
    }

    /** Whether the first page shows the characters, written as the Chinese font's Unicode encoding writes them. */
    static boolean containsChinese(byte[] pdf, String characters) throws Exception {
        return containsChinese(new PdfReader(pdf), 1, characters);
    }

    /** Whether the page shows the characters, written as the Chinese font's Unicode encoding writes them. */
    static boolean containsChinese(PdfReader reader, int page, String characters) throws Exception {
        byte[] content = reader.getPageContent(page);
        byte[] wanted = characters.getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        outer:
        for (int at = 0; at + wanted.length <= content.length; at++) {
            for (int i = 0; i < wanted.length; i++) {
                if (content[at + i] != wanted[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
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

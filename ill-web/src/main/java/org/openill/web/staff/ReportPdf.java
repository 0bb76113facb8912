package org.openill.web.staff;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.openill.application.report.CooperationReports;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A cooperation report as PDF (OpenPDF, A4 landscape): the period and scope, four bar charts drawn as vectors (what
 * each library or partner lent and borrowed; fill rate this period beside the period before; turnaround and time to
 * ship, median and 90th percentile), then the tables of the report.
 */
public final class ReportPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Color FIRST = new Color(0x2e, 0x7d, 0x32);
    private static final Color SECOND = new Color(0x1d, 0x4e, 0xd8);

    private ReportPdf() {
    }

    /** The report as one viewer sees it; the bars are per partner when it is one library's view, else per library. */
    public static byte[] of(CooperationReports.Contents contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.open();
            CooperationReports.Report report = contents.report();
            document.add(PdfText.paragraph("Cooperation report: " + report.kind().name().toLowerCase() + " "
                    + report.from() + " to " + report.until(), TITLE));
            document.add(PdfText.paragraph((report.scopeIsil() == null ? "The network" : report.scopeName() + " ("
                    + report.scopeIsil() + ")") + "; compared with the period from " + report.previousFrom()
                    + ". Hours: median / 90th percentile.", TEXT));
            List<CooperationReports.Figure> bars = bars(contents);
            PdfPTable charts = new PdfPTable(2);
            charts.setWidthPercentage(100);
            charts.setSpacingBefore(10);
            charts.addCell(chartCell(writer, "Lent and borrowed (filled)", bars,
                    f -> f.filled(), "lent", f -> f.madeFilled(), "borrowed", contents));
            charts.addCell(chartCell(writer, "Fill rate (%), this period and the one before", bars,
                    f -> rate(f), "this period", f -> rate(contents.previousOf(f)), "before", contents));
            charts.addCell(chartCell(writer, "Turnaround (hours from the request to its receipt)", bars,
                    f -> hours(f.turnaroundMedianHours()), "median", f -> hours(f.turnaroundP90Hours()), "90th percentile",
                    contents));
            charts.addCell(chartCell(writer, "Time to ship (hours from the lender being asked to shipping)", bars,
                    f -> hours(f.shipMedianHours()), "median", f -> hours(f.shipP90Hours()), "90th percentile", contents));
            document.add(charts);
            document.add(PdfText.paragraph("Libraries", HEADING));
            document.add(figures(contents.libraries(true), contents, false));
            if (!contents.pairs(true).isEmpty()) {
                document.add(PdfText.paragraph("Partners", HEADING));
                document.add(figures(contents.pairs(true), contents, true));
            }
            document.add(PdfText.paragraph("Requests not filled, by reason", HEADING));
            PdfPTable unfilled = table(new float[]{2, 2, 5, 1}, "Lender", "Borrower", "Reason", "Requests");
            contents.unfilled().stream().filter(CooperationReports.Unfilled::current).forEach(u -> row(unfilled,
                    u.lenderIsil(), u.borrowerIsil(), u.reason(), String.valueOf(u.requests())));
            document.add(unfilled);
            document.add(PdfText.paragraph("Fees posted", HEADING));
            PdfPTable fees = table(new float[]{2, 2, 1, 2, 1}, "Owed to", "Owed by", "Currency", "Amount", "Fees");
            contents.fees().stream().filter(CooperationReports.Fee::current).forEach(f -> row(fees, f.creditorIsil(),
                    f.debtorIsil(), f.currency(), f.amount().toPlainString(), String.valueOf(f.fees())));
            document.add(fees);
            for (String kind : List.of("TITLE", "SUBJECT")) {
                document.add(PdfText.paragraph(kind.equals("TITLE") ? "Most requested titles"
                        : "Most requested subjects", HEADING));
                PdfPTable busiest = table(new float[]{2, 1, 8, 1}, "Library", "Rank", "Name", "Requests");
                contents.busiest(kind).forEach(b -> row(busiest, b.isil() == null ? "network" : b.isil(),
                        String.valueOf(b.rank()), b.name(), String.valueOf(b.requests())));
                document.add(busiest);
            }
        } catch (Exception failed) {
            throw new IllegalStateException("The report could not be written as PDF", failed);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    /** Per partner in one library's view (one library row), else per library. */
    static List<CooperationReports.Figure> bars(CooperationReports.Contents contents) {
        List<CooperationReports.Figure> libraries = contents.libraries(true);
        return libraries.size() == 1 && !contents.pairs(true).isEmpty() ? contents.pairs(true) : libraries;
    }

    /** A bar's label: the partner's ISIL in one library's view, else the library's. */
    static String label(CooperationReports.Figure figure) {
        return figure.isPair() ? figure.partnerIsil() : figure.isil();
    }

    private static double hours(BigDecimal hours) {
        return hours == null ? 0 : hours.doubleValue();
    }

    private static double rate(CooperationReports.Figure figure) {
        BigDecimal rate = figure == null ? null : figure.fillRate();
        return rate == null ? 0 : rate.doubleValue();
    }

    private static PdfPCell chartCell(PdfWriter writer, String title, List<CooperationReports.Figure> bars,
                                      ToDoubleFunction<CooperationReports.Figure> first, String firstName,
                                      ToDoubleFunction<CooperationReports.Figure> second, String secondName,
                                      CooperationReports.Contents contents) throws Exception {
        float width = 360;
        float height = 180;
        PdfTemplate chart = writer.getDirectContent().createTemplate(width, height);
        BaseFont font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false);
        double max = 1;
        for (CooperationReports.Figure figure : bars) {
            max = Math.max(max, Math.max(first.applyAsDouble(figure), second.applyAsDouble(figure)));
        }
        float left = 30;
        float bottom = 30;
        float plotHeight = height - bottom - 20;
        float slot = bars.isEmpty() ? 0 : (width - left - 10) / bars.size();
        chart.setColorStroke(Color.GRAY);
        chart.moveTo(left, bottom);
        chart.lineTo(width - 5, bottom);
        chart.moveTo(left, bottom);
        chart.lineTo(left, height - 15);
        chart.stroke();
        chart.beginText();
        chart.setFontAndSize(font, 7);
        chart.showTextAligned(PdfContentByte.ALIGN_RIGHT, format(max), left - 3, height - 22, 0);
        chart.showTextAligned(PdfContentByte.ALIGN_RIGHT, "0", left - 3, bottom - 2, 0);
        chart.endText();
        for (int i = 0; i < bars.size(); i++) {
            CooperationReports.Figure figure = bars.get(i);
            float x = left + i * slot + slot * 0.15f;
            float bar = slot * 0.35f;
            bar(chart, x, bottom, bar, (float) (first.applyAsDouble(figure) / max * plotHeight), FIRST);
            bar(chart, x + bar, bottom, bar, (float) (second.applyAsDouble(figure) / max * plotHeight), SECOND);
            chart.beginText();
            chart.setColorFill(Color.BLACK);
            chart.setFontAndSize(font, 7);
            chart.showTextAligned(PdfContentByte.ALIGN_CENTER, label(figure), x + bar, bottom - 10, 0);
            chart.endText();
        }
        legend(chart, font, FIRST, firstName, left, 6);
        legend(chart, font, SECOND, secondName, left + 90, 6);
        PdfPCell cell = new PdfPCell();
        cell.setBorder(0);
        cell.addElement(PdfText.paragraph(title, HEADING));
        Image image = Image.getInstance(chart);
        image.setAlignment(Element.ALIGN_LEFT);
        cell.addElement(new Chunk(image, 0, 0, true));
        return cell;
    }

    private static void bar(PdfTemplate chart, float x, float y, float width, float height, Color colour) {
        if (height <= 0) {
            return;
        }
        chart.setColorFill(colour);
        chart.rectangle(x, y, width, height);
        chart.fill();
    }

    private static void legend(PdfTemplate chart, BaseFont font, Color colour, String name, float x, float y) {
        bar(chart, x, y, 8, 8, colour);
        chart.beginText();
        chart.setColorFill(Color.BLACK);
        chart.setFontAndSize(font, 7);
        chart.showTextAligned(PdfContentByte.ALIGN_LEFT, name, x + 11, y + 1, 0);
        chart.endText();
    }

    private static PdfPTable figures(List<CooperationReports.Figure> figures, CooperationReports.Contents contents,
                                     boolean pairs) {
        PdfPTable table = table(new float[]{2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 2, 1, 1},
                pairs ? "Library / partner" : "Library", "Made", "Filled", "Unfilled", "Turnaround h",
                "Received", "Filled", "Unfilled", "Fill rate % (before)", "Loans", "Copies", "To ship h", "Balance",
                "Lent:borrowed");
        for (CooperationReports.Figure f : figures) {
            CooperationReports.Figure before = contents.previousOf(f);
            row(table, pairs ? f.isil() + " / " + f.partnerIsil() : f.isil(), String.valueOf(f.made()),
                    String.valueOf(f.madeFilled()), String.valueOf(f.madeUnfilled()),
                    hours(f.turnaroundMedianHours(), f.turnaroundP90Hours()), String.valueOf(f.received()),
                    String.valueOf(f.filled()), String.valueOf(f.unfilled()),
                    text(f.fillRate()) + " (" + (before == null ? "–" : text(before.fillRate())) + ")",
                    String.valueOf(f.loans()), String.valueOf(f.copies()),
                    hours(f.shipMedianHours(), f.shipP90Hours()), String.valueOf(f.balance()), text(f.lendRatio()));
        }
        return table;
    }

    private static String hours(BigDecimal median, BigDecimal p90) {
        return text(median) + " / " + text(p90);
    }

    private static String text(BigDecimal value) {
        return value == null ? "–" : value.toPlainString();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(10);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(PdfText.phrase(header, HEAD));
            cell.setBackgroundColor(new Color(0xee, 0xee, 0xee));
            table.addCell(cell);
        }
        return table;
    }

    private static void row(PdfPTable table, String... values) {
        for (String value : values) {
            table.addCell(PdfText.phrase(value, TEXT));
        }
    }
}

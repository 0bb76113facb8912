package org.openill.web.staff;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.openill.application.IncomingRequest;
import org.openill.application.staff.StaffDesk;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Pick slips (where each requested item stands on the shelves, one slip per request, to put in the book) and shipping
 * labels (to whom it goes, from whom; two to a row) as PDF, printed with OpenPDF.
 */
public final class SlipsPdf {

    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font BIG = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);

    private SlipsPdf() {
    }

    /** One pick slip per request, three to an A4 page. */
    public static byte[] pickSlips(List<StaffDesk.Slip> slips) {
        return write(document -> {
            PdfPTable table = new PdfPTable(1);
            table.setWidthPercentage(100);
            for (StaffDesk.Slip slip : slips) {
                PdfPCell cell = new PdfPCell();
                cell.setPadding(10);
                cell.setMinimumHeight(240);
                cell.setBorder(Rectangle.BOX);
                cell.addElement(PdfText.paragraph("ILL pick slip  #" + slip.id() + "  (" + slip.serviceType()
                        + ")", HEADING));
                cell.addElement(PdfText.paragraph(slip.title(), BIG));
                line(cell, "Author", slip.authors());
                line(cell, "Part", slip.partRequested());
                line(cell, "For", slip.toName() + " (" + slip.toAgency() + ")");
                line(cell, "Patron", slip.reader());
                if (slip.copies().isEmpty()) {
                    cell.addElement(PdfText.paragraph(
                            "No copy may be sent: none on the shelf, or only in reference rooms.", TEXT));
                }
                for (IncomingRequest.SuppliableCopy copy : slip.copies()) {
                    line(cell, "Copy", String.join("  ", nonNull(copy.location()), nonNull(copy.callNumber()),
                            "barcode " + copy.barcode()));
                }
                line(cell, "Due back", slip.dueDate() == null ? null
                        : slip.dueDate().format(DateTimeFormatter.ISO_LOCAL_DATE));
                table.addCell(cell);
            }
            document.add(table);
        });
    }

    /** One shipping label per request, two to a row. */
    public static byte[] labels(List<StaffDesk.Slip> slips) {
        return write(document -> {
            PdfPTable table = new PdfPTable(2);
            table.setWidthPercentage(100);
            for (StaffDesk.Slip slip : slips) {
                PdfPCell cell = new PdfPCell();
                cell.setPadding(12);
                cell.setMinimumHeight(180);
                cell.addElement(PdfText.paragraph("To", SMALL));
                cell.addElement(PdfText.paragraph(nonNull(slip.toName()), BIG));
                cell.addElement(PdfText.paragraph(nonNull(slip.toAddress()), TEXT));
                cell.addElement(PdfText.paragraph("ILL " + nonNull(slip.toAgency()) + "  request #" + slip.id(),
                        HEADING));
                cell.addElement(PdfText.paragraph(" ", SMALL));
                cell.addElement(PdfText.paragraph("From: " + nonNull(slip.fromName()) + ", "
                        + nonNull(slip.fromAddress()), SMALL));
                cell.addElement(PdfText.paragraph(slip.title(), SMALL));
                table.addCell(cell);
            }
            table.completeRow();
            document.add(table);
        });
    }

    private static void line(PdfPCell cell, String label, String value) {
        if (value != null && !value.isBlank()) {
            Phrase phrase = new Phrase(TEXT.getCalculatedLeading(1.5f));
            phrase.add(PdfText.phrase(label + ": ", SMALL));
            phrase.add(PdfText.phrase(value, TEXT));
            Paragraph paragraph = new Paragraph(phrase);
            paragraph.setAlignment(Element.ALIGN_LEFT);
            cell.addElement(paragraph);
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private interface Content {
        void write(Document document) throws Exception;
    }

    private static byte[] write(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            content.write(document);
        } catch (Exception failed) {
            throw new IllegalStateException("The PDF could not be written", failed);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}

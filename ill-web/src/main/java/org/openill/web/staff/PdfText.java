package org.openill.web.staff;

import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;

/**
 * Text in the PDFs staff print, in the scripts the network's titles and names are written in: Latin in the document's
 * own font, Chinese characters in Adobe's STSong (the PDF names the font and PDF readers supply it, as they do for
 * Helvetica: nothing is embedded), each character in the first of the two that has it.
 */
final class PdfText {

    /** Adobe's Chinese font with the Unicode encoding (OpenPDF carries its metrics and character map). */
    private static final BaseFont CHINESE = chinese();

    private PdfText() {
    }

    /**
     * The text as a phrase in the font, its Chinese characters in STSong of the same size and style, its lines as far
     * apart as the font's own text's (one and a half times its size).
     */
    static Phrase phrase(String text, Font font) {
        FontSelector selector = new FontSelector();
        selector.addFont(font);
        selector.addFont(new Font(CHINESE, font.getSize(), font.getStyle(), font.getColor()));
        Phrase phrase = selector.process(text == null ? "" : text);
        phrase.setLeading(font.getCalculatedLeading(1.5f));
        return phrase;
    }

    /** The text as a paragraph, as {@link #phrase} writes it. */
    static Paragraph paragraph(String text, Font font) {
        return new Paragraph(phrase(text, font));
    }

    private static BaseFont chinese() {
        try {
            return BaseFont.createFont("STSongStd-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (Exception missing) {
            throw new IllegalStateException("OpenPDF's Chinese font metrics are missing", missing);
        }
    }
}

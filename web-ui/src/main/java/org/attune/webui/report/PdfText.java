package org.attune.webui.report;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Text as a PDF standard font can show it: a character it has no glyph for becomes "?" rather than an error. */
final class PdfText {

    private PdfText() {}

    static String printable(String text, PDFont font) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            // Tabs, line breaks and the narrow spaces dates are formatted with ("7:40\u202fPM") are plain spaces here.
            var s = Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? " " : new String(Character.toChars(cp));
            try {
                font.encode(s);
                out.append(s);
            } catch (IOException | IllegalArgumentException noGlyph) {
                out.append('?');
            }
        });
        return out.toString();
    }

    static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }
}

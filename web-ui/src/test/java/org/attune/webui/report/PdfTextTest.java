package org.attune.webui.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfTextTest {

    final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void narrowSpacesOfFormattedTimesBecomePlainSpacesAndAGlyphTheFontLacksBecomesAQuestionMark() {
        assertThat(PdfText.printable("7:40\u202fPM\tand\u00a0more", font)).isEqualTo("7:40 PM and more");
        assertThat(PdfText.printable("Café — “quiet”", font)).isEqualTo("Café — “quiet”");
        assertThat(PdfText.printable("walk 海", font)).isEqualTo("walk ?");
        assertThat(PdfText.printable(null, font)).isEmpty();
    }
}

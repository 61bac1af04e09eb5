package org.attune.content.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.attune.kit.crisis.CrisisLineProperties;
import org.attune.kit.crisis.CrisisLineProperties.Kind;
import org.attune.kit.crisis.CrisisLineProperties.Line;
import org.attune.kit.crisis.CrisisLineProperties.Region;
import org.attune.kit.crisis.CrisisLines;
import org.junit.jupiter.api.Test;

class CrisisLinesMarkdownTest {

    static CrisisLinesMarkdown markdown(Map<String, Region> regions) {
        return new CrisisLinesMarkdown(new CrisisLines(new CrisisLineProperties(null, regions)));
    }

    @Test
    void the_placeholders_become_every_regions_lines_with_the_fallback_last() {
        var body = markdown(null).render("Now:\n\n{{crisis-lines}}\n\nAt home:\n\n{{domestic-abuse-lines}}\n");

        assertThat(body)
                .contains(
                        "**In the United States**\n\n- **988 Suicide & Crisis Lifeline \\(call or text\\):** [988](tel:988),"
                                + " any time, day or night ([988lifeline.org](https://988lifeline.org))")
                .contains("- **Emergency services:** [999](tel:999) / [112](tel:112), any time, day or night")
                .contains("- **Women's Aid National Freephone Helpline:** [1800 341 900](tel:1800341900)")
                .contains("**Anywhere else**\n\n- **Emergency services:** your local emergency number")
                .contains("[findahelpline.com](https://findahelpline.com)");
        assertThat(body.indexOf("**Anywhere else**")).isGreaterThan(body.indexOf("**In the European Union**"));
        var atHome = body.substring(body.indexOf("At home:"));
        assertThat(atHome).contains("0808 2000 247").doesNotContain("988").doesNotContain("In the European Union");
    }

    @Test
    void configured_words_are_shown_as_written_never_read_as_markdown() {
        var body = markdown(Map.of(
                        "XX",
                        new Region(
                                "[a link](javascript:x)",
                                null,
                                List.of(new Line("*Line* <b>", "123", null, null, Kind.CRISIS)))))
                .render("{{crisis-lines}}");

        assertThat(body).contains("In \\[a link\\]\\(javascript:x\\)").contains("\\*Line\\* \\<b\\>");
    }

    @Test
    void a_piece_without_placeholders_is_left_as_it_is() {
        assertThat(markdown(null).render("## Just words")).isEqualTo("## Just words");
        assertThat(markdown(null).render(null)).isNull();
    }
}

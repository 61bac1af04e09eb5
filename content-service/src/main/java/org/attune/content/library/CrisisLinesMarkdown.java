package org.attune.content.library;

import java.util.List;
import java.util.function.Function;
import org.attune.kit.crisis.CrisisLineProperties.Line;
import org.attune.kit.crisis.CrisisLines;
import org.springframework.stereotype.Component;

/**
 * Fills a piece's crisis-line placeholders from the one crisis-line configuration, when the piece is read: so the
 * library never states a number the deployment does not. {@value #URGENT} becomes every region's crisis and
 * emergency lines, {@value #DOMESTIC_ABUSE} every region's domestic-abuse lines; a region without such a line is left
 * out, the fallback region comes last as "anywhere else".
 */
@Component
public class CrisisLinesMarkdown {

    static final String URGENT = "{{crisis-lines}}";
    static final String DOMESTIC_ABUSE = "{{domestic-abuse-lines}}";

    private final CrisisLines crisisLines;

    CrisisLinesMarkdown(CrisisLines crisisLines) {
        this.crisisLines = crisisLines;
    }

    public String render(String body) {
        if (body == null || !(body.contains(URGENT) || body.contains(DOMESTIC_ABUSE))) {
            return body;
        }
        return body.replace(URGENT, regions(CrisisLines.RegionLines::urgent))
                .replace(DOMESTIC_ABUSE, regions(CrisisLines.RegionLines::domesticAbuse));
    }

    private String regions(Function<CrisisLines.RegionLines, List<Line>> which) {
        var markdown = new StringBuilder();
        for (var region : crisisLines.all()) {
            var lines = which.apply(region);
            if (lines.isEmpty()) {
                continue;
            }
            if (!markdown.isEmpty()) {
                markdown.append("\n\n");
            }
            markdown.append("**")
                    .append(region.fallback() ? "Anywhere else" : "In " + escape(region.name()))
                    .append("**\n\n");
            for (var line : lines) {
                markdown.append("- ").append(line(line)).append('\n');
            }
        }
        return markdown.toString().strip();
    }

    /** "**Name:** [number](tel:…), hours ([site](url))", a number a phone can dial as a link. */
    static String line(Line line) {
        var text = new StringBuilder("**").append(escape(line.name())).append(":** ");
        var numbers = line.dialable();
        if (!numbers.isEmpty()) {
            text.append(String.join(
                    " / ",
                    numbers.stream()
                            .map(n -> "[" + escape(n) + "](tel:" + n.replaceAll("[^+0-9]", "") + ")")
                            .toList()));
        } else if (line.url() != null) {
            text.append("[")
                    .append(escape(line.contact()))
                    .append("](")
                    .append(line.url())
                    .append(")");
        } else {
            text.append(escape(line.contact()));
        }
        if (line.hours() != null && !line.hours().isBlank()) {
            text.append(", ").append(escape(line.hours()));
        }
        if (!numbers.isEmpty() && line.url() != null) {
            text.append(" ([")
                    .append(escape(line.url().replaceFirst("^https?://(www\\.)?", "")))
                    .append("](")
                    .append(line.url())
                    .append("))");
        }
        return text.toString();
    }

    /** Configured words are shown as written, never read as Markdown. */
    static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]()#<>!|~])", "\\\\$1");
    }
}

package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import org.attune.kit.crisis.CrisisLineProperties.Line;
import org.attune.kit.crisis.CrisisLines;

/**
 * The crisis lines of the person's region (from their browser's country; the fallback region's when it is unknown),
 * each number a link a phone can dial. A browser's country is only a guess, so the other lines follow: the fallback
 * region's beside a known region, every region's by name when the country is unknown. Domestic-abuse lines sit apart,
 * folded, and plainly: Attune is not an emergency service.
 */
public class CrisisLinesPanel extends Div {

    final UnorderedList resources;
    final UnorderedList elsewhere;
    final Paragraph notAnEmergencyService;

    public CrisisLinesPanel(CrisisLines crisis) {
        this(crisis, ClientTime.browserLocale());
    }

    public CrisisLinesPanel(CrisisLines crisis, Locale locale) {
        addClassName("attune-crisis");
        var own = crisis.forLocale(locale);
        resources = list(own.urgent(), null);
        resources.addClassName("attune-crisis-lines");
        resources.setId("crisis-lines");
        add(resources);

        elsewhere = new UnorderedList();
        elsewhere.addClassName("attune-crisis-lines");
        var domestic = new UnorderedList();
        domestic.addClassName("attune-crisis-lines");
        if (own.fallback()) {
            for (var region : crisis.all()) {
                if (!region.fallback()) {
                    region.urgent().forEach(line -> elsewhere.add(item(line, region.name())));
                }
                region.domesticAbuse()
                        .forEach(line -> domestic.add(item(line, region.fallback() ? null : region.name())));
            }
        } else {
            crisis.fallback().urgent().stream()
                    .filter(line -> !own.urgent().contains(line))
                    .forEach(line -> elsewhere.add(item(line, null)));
            own.domesticAbuse().forEach(line -> domestic.add(item(line, null)));
        }
        if (elsewhere.getChildren().findAny().isPresent()) {
            add(new Paragraph(getTranslation("checkin.crisis.elsewhere")), elsewhere);
        }
        if (domestic.getChildren().findAny().isPresent()) {
            var atHome = new Details(getTranslation("crisis.domestic.title"));
            atHome.setId("crisis-domestic-abuse");
            atHome.add(new Paragraph(getTranslation("crisis.domestic.intro")), domestic);
            add(atHome);
        }
        notAnEmergencyService = new Paragraph(getTranslation("help.not-emergency"));
        notAnEmergencyService.addClassName("attune-notice");
        notAnEmergencyService.setId("not-an-emergency-service");
        add(notAnEmergencyService);
    }

    /** For the public components API: the id stays stable for end-to-end tests. */
    public CrisisLinesPanel withId(String id) {
        setId(id);
        return this;
    }

    private static UnorderedList list(List<Line> lines, String region) {
        var list = new UnorderedList();
        lines.forEach(line -> list.add(item(line, region)));
        return list;
    }

    /** One line: its name (and region), each number as a link a phone can dial, when it answers, its site. */
    private static ListItem item(Line line, String region) {
        var item = new ListItem();
        var name = new Span(line.name() + (region == null ? "" : " (" + region + ")") + ":");
        name.addClassName("attune-crisis-name");
        item.add(name, new Text(" "));
        var numbers = line.dialable();
        if (numbers.isEmpty()) {
            item.add(line.url() == null ? new Text(line.contact()) : external(line.url(), line.contact()));
        }
        for (int i = 0; i < numbers.size(); i++) {
            if (i > 0) {
                item.add(new Text(" / "));
            }
            item.add(new Anchor("tel:" + numbers.get(i).replaceAll("[^+0-9]", ""), numbers.get(i)));
        }
        if (line.hours() != null && !line.hours().isBlank()) {
            item.add(new Text(", " + line.hours()));
        }
        if (!numbers.isEmpty() && line.url() != null) {
            item.add(
                    new Text(" ("),
                    external(line.url(), line.url().replaceFirst("^https?://(www\\.)?", "")),
                    new Text(")"));
        }
        return item;
    }

    private static Anchor external(String url, String text) {
        var link = new Anchor(url, text, AnchorTarget.BLANK);
        link.getElement().setAttribute("rel", "noopener noreferrer");
        return link;
    }
}

package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import org.attune.webui.checkin.CrisisProperties;

/**
 * The crisis lines for the person's region (from their browser's country, else the configured default), each number
 * a link a phone can dial; the default lines not already shown below them, since a browser's country is only a
 * guess; and plainly, that Attune is not an emergency service.
 */
public class CrisisLines extends Div {

    final UnorderedList resources;
    final UnorderedList elsewhere;
    final Paragraph notAnEmergencyService;

    public CrisisLines(CrisisProperties crisis) {
        this(crisis, ClientTime.browserLocale());
    }

    public CrisisLines(CrisisProperties crisis, Locale locale) {
        addClassName("attune-crisis");
        var own = crisis.linesFor(locale);
        resources = list(own);
        resources.addClassName("attune-crisis-lines");
        resources.setId("crisis-lines");
        var others = crisis.linesFor((String) null).stream()
                .filter(line -> !own.contains(line))
                .toList();
        elsewhere = list(others);
        elsewhere.addClassName("attune-crisis-lines");
        notAnEmergencyService = new Paragraph(getTranslation("help.not-emergency"));
        notAnEmergencyService.addClassName("attune-notice");
        notAnEmergencyService.setId("not-an-emergency-service");
        add(resources);
        if (!others.isEmpty()) {
            add(new Paragraph(getTranslation("checkin.crisis.elsewhere")), elsewhere);
        }
        add(notAnEmergencyService);
    }

    /** For the public components API: the id stays stable for end-to-end tests. */
    public CrisisLines withId(String id) {
        setId(id);
        return this;
    }

    private static UnorderedList list(List<CrisisProperties.Line> lines) {
        var list = new UnorderedList();
        for (var line : lines) {
            list.add(item(line));
        }
        return list;
    }

    /** One line: its name, then each number as a link a phone can dial, then what the line is for. */
    private static ListItem item(CrisisProperties.Line line) {
        var item = new ListItem();
        var name = new Span(line.name() + ":");
        name.addClassName("attune-crisis-name");
        item.add(name, new Text(" "));
        var numbers = line.dialable();
        for (int i = 0; i < numbers.size(); i++) {
            if (i > 0) {
                item.add(new Text(" / "));
            }
            item.add(new Anchor("tel:" + numbers.get(i).replace(" ", ""), numbers.get(i)));
        }
        if (line.detail() != null && !line.detail().isBlank()) {
            item.add(new Text(" — " + line.detail()));
        }
        return item;
    }
}

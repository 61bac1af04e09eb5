package org.attune.webui.library.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.attune.webui.library.Content;
import org.attune.webui.library.LibraryGateway;
import org.attune.webui.library.Reply;
import org.attune.webui.security.Caller;

/**
 * The client's library: what their therapist assigned, what the service suggests (dismissable), and every piece with
 * search and kind / length filters.
 */
@Route("library")
@RolesAllowed("CLIENT")
class LibraryView extends Main implements HasDynamicTitle {

    /** Length filters; the service has no length filter, so it applies to the fetched pieces. */
    enum Length {
        ANY(0, Integer.MAX_VALUE),
        SHORT(0, 3),
        MEDIUM(4, 10),
        LONG(11, Integer.MAX_VALUE);

        final int min;
        final int max;

        Length(int min, int max) {
            this.min = min;
            this.max = max;
        }

        boolean fits(int minutes) {
            return minutes >= min && minutes <= max;
        }
    }

    final Div assigned = new Div();
    final Div suggested = new Div();
    final TextField search = new TextField();
    final Select<Content.Kind> kind = new Select<>();
    final Select<Length> length = new Select<>();
    final Div results = new Div();
    final Paragraph resultStatus = new Paragraph();
    final Button more = new Button();

    private final LibraryGateway library;
    private final Caller caller;
    private final List<Content.Summary> loaded = new ArrayList<>();
    private int nextPage;

    LibraryView(LibraryGateway library) {
        this.library = library;
        this.caller = Caller.current().orElseThrow();
        addClassNames("attune-page", "attune-library");

        search.setLabel(getTranslation("library.search.label"));
        search.setPlaceholder(getTranslation("library.search.placeholder"));
        search.setId("library-search");
        search.setClearButtonVisible(true);
        search.setMaxLength(200);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.addValueChangeListener(e -> reload());

        kind.setLabel(getTranslation("library.filter.kind"));
        kind.setId("library-kind");
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("library.filter.kind.any"));
        kind.setItems(Content.Kind.values());
        kind.setItemLabelGenerator(
                k -> k == null ? getTranslation("library.filter.kind.any") : LibraryText.kind(this, k));
        kind.addValueChangeListener(e -> reload());

        length.setLabel(getTranslation("library.filter.length"));
        length.setId("library-duration");
        length.setItems(Length.values());
        length.setItemLabelGenerator(
                l -> getTranslation("library.filter.length." + l.name().toLowerCase()));
        length.setValue(Length.ANY);
        length.addValueChangeListener(e -> showResults());

        more.setText(getTranslation("library.more"));
        more.setId("library-more");
        more.addClickListener(e -> loadPage());
        more.setVisible(false);

        assigned.setId("library-assigned");
        suggested.setId("library-suggested");
        results.setId("library-results");
        results.addClassName("attune-library-list");
        resultStatus.getElement().setAttribute("aria-live", "polite");

        var filters = new Div(search, kind, length);
        filters.addClassName("attune-library-filters");

        add(
                new H1(getTranslation("library.title")),
                new Paragraph(getTranslation("library.intro")),
                assigned,
                suggested,
                new Section(new H2(getTranslation("library.all.title")), filters, resultStatus, results, more));

        showAssignments();
        showRecommendations();
        reload();
    }

    private void showAssignments() {
        assigned.removeAll();
        var reply = library.myAssignments(caller);
        if (reply.status() == Reply.Status.UNAVAILABLE) {
            assigned.add(
                    new H2(getTranslation("library.assigned.title")),
                    note(getTranslation("library.assigned.unavailable")));
            return;
        }
        var open = reply.asOptional().orElse(List.of());
        if (open.isEmpty()) {
            // Nothing assigned is the usual case; no heading, no empty box.
            assigned.setVisible(false);
            return;
        }
        assigned.setVisible(true);
        assigned.add(new H2(getTranslation("library.assigned.title")));
        for (var a : open) {
            var card = card(a.slug(), a.title(), null, null);
            card.setId("assigned-" + a.slug());
            if (a.note() != null && !a.note().isBlank()) {
                card.add(new Paragraph(getTranslation("library.assigned.note", a.note())));
            }
            var when = new Paragraph(
                    a.completed()
                            ? getTranslation("library.assigned.tried", LibraryText.date(this, a.completedAt()))
                            : getTranslation("library.assigned.when", LibraryText.date(this, a.assignedAt())));
            when.addClassName("attune-library-meta");
            card.add(when);
            assigned.add(card);
        }
    }

    private void showRecommendations() {
        suggested.removeAll();
        var reply = library.recommendations(caller);
        if (reply.status() == Reply.Status.UNAVAILABLE) {
            suggested.setVisible(true);
            suggested.add(
                    new H2(getTranslation("library.suggested.title")),
                    note(getTranslation("library.suggested.unavailable")));
            return;
        }
        var items = reply.asOptional().orElse(List.of());
        suggested.setVisible(!items.isEmpty());
        if (items.isEmpty()) {
            return;
        }
        suggested.add(
                new H2(getTranslation("library.suggested.title")),
                new Paragraph(getTranslation("library.suggested.intro")));
        for (var r : items) {
            var card = card(r.slug(), r.title(), r.reason(), null);
            card.setId("recommendation-" + r.id());
            if (!r.pinned()) {
                var dismiss = new Button(getTranslation("library.suggested.dismiss"));
                dismiss.setId("dismiss-" + r.id());
                dismiss.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                dismiss.getElement()
                        .setAttribute("aria-label", getTranslation("library.suggested.dismiss-label", r.title()));
                dismiss.addClickListener(e -> dismiss(r));
                card.add(dismiss);
            }
            suggested.add(card);
        }
    }

    private void dismiss(Content.Recommendation r) {
        var reply = library.dismiss(caller, r.id());
        if (reply.isOk() || reply.status() == Reply.Status.NOT_FOUND) {
            showRecommendations();
        } else {
            suggested.add(note(getTranslation("library.suggested.dismiss-failed")));
        }
    }

    private void reload() {
        loaded.clear();
        nextPage = 0;
        loadPage();
    }

    private void loadPage() {
        var reply = library.browse(caller, search.getValue(), kind.getValue(), nextPage);
        if (!reply.isOk()) {
            results.removeAll();
            more.setVisible(false);
            resultStatus.setText(
                    reply.status() == Reply.Status.INVALID
                            ? getTranslation("library.search.invalid")
                            : getTranslation("library.unavailable"));
            return;
        }
        loaded.addAll(reply.value().items());
        nextPage++;
        more.setVisible(loaded.size() < reply.value().total());
        showResults();
    }

    private void showResults() {
        results.removeAll();
        var selected = length.getValue() == null ? Length.ANY : length.getValue();
        var shown = loaded.stream().filter(s -> selected.fits(s.minutes())).toList();
        for (var piece : shown) {
            var card = card(piece.slug(), piece.title(), piece.summary(), "content-" + piece.slug());
            card.setId("piece-" + piece.slug());
            results.add(card);
        }
        if (shown.isEmpty()) {
            boolean filtered = !search.isEmpty() || kind.getValue() != null || selected != Length.ANY;
            resultStatus.setText(getTranslation(filtered ? "library.empty.filtered" : "library.empty"));
        } else {
            resultStatus.setText(getTranslation("library.count", shown.size()));
        }
    }

    /** One piece as a card: its title links to the piece, with kind, length and a line about it. */
    private Div card(String slug, String title, String line, String linkId) {
        var link = new RouterLink(title, PieceView.class, new RouteParameters("slug", slug));
        if (linkId != null) {
            link.setId(linkId);
        }
        var heading = new H3(link);
        var card = new Div(heading);
        card.addClassName("attune-library-card");
        loaded.stream().filter(s -> s.slug().equals(slug)).findFirst().ifPresent(s -> card.add(meta(s)));
        if (line != null && !line.isBlank()) {
            card.add(new Paragraph(line));
        }
        return card;
    }

    private Component meta(Content.Summary s) {
        var meta = new Span(LibraryText.kind(this, s.kind())
                + (s.minutes() > 0 ? " · " + LibraryText.minutes(this, s.minutes()) : ""));
        meta.addClassName("attune-library-meta");
        return meta;
    }

    private static Paragraph note(String text) {
        var p = new Paragraph(text);
        p.addClassName("attune-library-note");
        return p;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.page-title");
    }
}

package org.attune.webui.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.UUID;
import org.attune.webui.library.Content;
import org.attune.webui.library.LibraryGateway;
import org.attune.webui.library.Reply;
import org.attune.webui.security.Caller;

/**
 * The therapist's view of what they assigned to one client and whether the client tried it, with the library to
 * assign from. Needs the client's sharing of content activity; without it the panel says so and shows nothing else.
 * Made by {@link AssignContentPanels#create(UUID)}.
 */
public class AssignContentPanel extends Section {

    final Div assignments = new Div();
    final Div picker = new Div();
    final TextField search = new TextField();
    final TextArea note = new TextArea();
    final Div pieces = new Div();
    final Paragraph status = new Paragraph();
    final Paragraph notShared = new Paragraph();
    /**
     * The library's pieces are listed only once asked for (or searched): a list of buttons and links for every piece
     * in every open dashboard was most of the page's memory.
     */
    final Button browse = new Button();

    private final LibraryGateway library;
    private final Caller therapist;
    private final UUID clientId;

    AssignContentPanel(LibraryGateway library, Caller therapist, UUID clientId) {
        this.library = library;
        this.therapist = therapist;
        this.clientId = clientId;
        addClassName("attune-library-assign");
        setId("assign-content");

        assignments.setId("assign-current");
        status.setId("assign-status");
        status.getElement().setAttribute("aria-live", "polite");
        notShared.setId("assign-not-shared");
        notShared.setText(getTranslation("library.assign.not-shared"));
        notShared.setVisible(false);

        search.setId("assign-search");
        search.setLabel(getTranslation("library.assign.search"));
        search.setClearButtonVisible(true);
        search.setMaxLength(200);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.addValueChangeListener(e -> showPieces());
        browse.setId("assign-browse");
        browse.setText(getTranslation("library.assign.browse"));
        browse.addThemeVariants(ButtonVariant.TERTIARY);
        browse.addClickListener(e -> showPieces());
        note.setId("assign-note");
        note.setLabel(getTranslation("library.assign.note"));
        note.setHelperText(getTranslation("library.assign.note.help"));
        note.setMaxLength(1000);
        note.setWidthFull();
        pieces.setId("assign-pieces");
        pieces.addClassName("attune-library-list");
        picker.add(new H3(getTranslation("library.assign.pick")), note, search, browse, pieces);

        add(new H2(getTranslation("library.assign.title")), notShared, status, assignments, picker);
        refresh();
    }

    /** Reloads the client's assignments and the library. */
    public void refresh() {
        status.setText("");
        var reply = library.assignmentsOf(therapist, clientId);
        if (reply.status() == Reply.Status.NOT_SHARED) {
            showNotShared();
            return;
        }
        notShared.setVisible(false);
        assignments.setVisible(true);
        picker.setVisible(true);
        showAssignments(reply);
        if (!browse.isVisible()) {
            showPieces();
        }
    }

    private void showNotShared() {
        notShared.setVisible(true);
        assignments.removeAll();
        assignments.setVisible(false);
        pieces.removeAll();
        picker.setVisible(false);
    }

    private void showAssignments(Reply<java.util.List<Content.Assignment>> reply) {
        assignments.removeAll();
        if (!reply.isOk()) {
            assignments.add(new Paragraph(getTranslation("library.assign.current.unavailable")));
            return;
        }
        if (reply.value().isEmpty()) {
            assignments.add(new Paragraph(getTranslation("library.assign.current.empty")));
            return;
        }
        for (var a : reply.value()) {
            var row = new Div();
            row.setId("assignment-" + a.id());
            row.addClassName("attune-library-card");
            row.add(new H3(new RouterLink(a.title(), PieceView.class, new RouteParameters("slug", a.slug()))));
            var when = new Span(getTranslation("library.assign.current.when", LibraryText.date(this, a.assignedAt())));
            when.addClassName("attune-library-meta");
            row.add(when);
            if (a.note() != null && !a.note().isBlank()) {
                row.add(new Paragraph(getTranslation("library.assigned.note", a.note())));
            }
            row.add(new Paragraph(
                    a.completed()
                            ? getTranslation("library.assign.current.tried", LibraryText.date(this, a.completedAt()))
                            : getTranslation("library.assign.current.not-yet")));
            assignments.add(row);
        }
    }

    private void showPieces() {
        browse.setVisible(false);
        pieces.removeAll();
        var reply = library.browse(therapist, search.getValue(), null, 0);
        if (!reply.isOk()) {
            pieces.add(new Paragraph(getTranslation("library.unavailable")));
            return;
        }
        if (reply.value().items().isEmpty()) {
            pieces.add(new Paragraph(getTranslation("library.empty.filtered")));
            return;
        }
        for (var piece : reply.value().items()) {
            var assign = new Button(getTranslation("library.assign.action"));
            assign.setId("assign-" + piece.slug());
            assign.addThemeVariants(ButtonVariant.SMALL);
            assign.getElement()
                    .setAttribute("aria-label", getTranslation("library.assign.action-label", piece.title()));
            assign.addClickListener(e -> assign(piece));
            var meta = new Span(LibraryText.kind(this, piece.kind())
                    + (piece.minutes() > 0 ? " · " + LibraryText.minutes(this, piece.minutes()) : ""));
            meta.addClassName("attune-library-meta");
            var row = new Div(
                    new RouterLink(piece.title(), PieceView.class, new RouteParameters("slug", piece.slug())),
                    meta,
                    assign);
            row.addClassName("attune-library-assign-row");
            pieces.add(row);
        }
    }

    private void assign(Content.Summary piece) {
        note.setInvalid(false);
        var reply = library.assign(therapist, clientId, piece.slug(), note.getValue());
        switch (reply.status()) {
            case OK -> {
                note.clear();
                showAssignments(library.assignmentsOf(therapist, clientId));
                status.setText(getTranslation("library.assign.done", piece.title()));
            }
            case NOT_SHARED -> showNotShared();
            case INVALID -> {
                var message = reply.fieldErrors().get("note");
                if (message != null) {
                    note.setErrorMessage(getTranslation("library.assign.note.invalid"));
                    note.setInvalid(true);
                } else {
                    status.setText(getTranslation("library.assign.failed"));
                }
            }
            case NOT_FOUND -> status.setText(getTranslation("library.assign.gone"));
            case UNAVAILABLE -> status.setText(getTranslation("library.assign.failed"));
        }
    }
}

package org.attune.webui.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.attune.webui.library.Content;
import org.attune.webui.library.LibraryGateway;
import org.attune.webui.library.ReflectionAnswers;
import org.attune.webui.library.Reply;
import org.attune.webui.security.Caller;

/**
 * One piece of the library: its steps and pacing for exercises, its body rendered safely from Markdown, under a
 * reflection a place for the client's own private words, and for a client "I tried this" with an optional word on how
 * it felt — never a score. Therapists may open it to preview what
 * they assign.
 */
@Route("library/:slug")
@RolesAllowed({"CLIENT", "THERAPIST"})
class PieceView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final H1 title = new H1();
    final Span duration = new Span();
    final Div content = new Div();
    final Button triedThis = new Button();
    final Div feeling = new Div();
    final Paragraph feedback = new Paragraph();

    private final LibraryGateway library;
    private final ReflectionAnswers answers;
    private final Caller caller;
    private Content.Piece piece;

    PieceView(LibraryGateway library, ReflectionAnswers answers) {
        this.library = library;
        this.answers = answers;
        this.caller = Caller.current().orElseThrow();
        addClassNames("attune-page", "attune-library-piece");
        title.setId("piece-title");
        duration.setId("piece-duration");
        duration.addClassName("attune-library-meta");
        triedThis.setId("tried-this");
        triedThis.setText(getTranslation("library.piece.tried"));
        triedThis.addThemeVariants(ButtonVariant.PRIMARY);
        triedThis.addClickListener(e -> tried());
        feedback.setId("piece-feedback");
        feedback.getElement().setAttribute("aria-live", "polite");
        feeling.setVisible(false);
        var back = caller.isClient() ? new RouterLink(getTranslation("library.piece.back"), LibraryView.class) : null;
        if (back != null) {
            add(new Paragraph(back));
        }
        add(title, duration, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        var reply = library.piece(caller, slug);
        content.removeAll();
        if (!reply.isOk()) {
            piece = null;
            title.setText(getTranslation(
                    reply.status() == Reply.Status.NOT_FOUND
                            ? "library.piece.not-found"
                            : "library.piece.unavailable"));
            duration.setText("");
            content.add(new Paragraph(getTranslation(
                    reply.status() == Reply.Status.NOT_FOUND
                            ? "library.piece.not-found.text"
                            : "library.piece.unavailable.text")));
            return;
        }
        piece = reply.value();
        show(piece);
        if (caller.isClient()) {
            library.engage(caller, piece.slug(), Content.Engagement.OPENED);
        }
    }

    private void show(Content.Piece p) {
        title.setText(p.title());
        duration.setText(LibraryText.kind(this, p.kind())
                + (p.minutes() > 0 ? " · " + LibraryText.minutes(this, p.minutes()) : ""));
        if (p.summary() != null && !p.summary().isBlank()) {
            var summary = new Paragraph(p.summary());
            summary.addClassName("attune-library-summary");
            content.add(summary);
        }
        if (p.breathing() != null && p.breathing().cycles() > 0) {
            var b = p.breathing();
            var pacing = new Paragraph(getTranslation(
                    "library.piece.breathing", b.inhaleSeconds(), b.holdSeconds(), b.exhaleSeconds(), b.cycles()));
            pacing.setId("piece-breathing");
            content.add(pacing);
        }
        if (!p.steps().isEmpty()) {
            var steps = new OrderedList();
            steps.setId("piece-steps");
            steps.addClassName("attune-library-steps");
            for (var step : p.steps()) {
                var item = new ListItem();
                if (step.title() != null && !step.title().isBlank()) {
                    var name = new Span(step.title());
                    name.addClassName("attune-library-step-title");
                    item.add(name);
                }
                item.add(new Paragraph(step.text()));
                if (step.seconds() != null && step.seconds() > 0) {
                    var seconds = new Span(getTranslation("library.piece.step-seconds", step.seconds()));
                    seconds.addClassName("attune-library-meta");
                    item.add(seconds);
                }
                steps.add(item);
            }
            content.add(new H2(getTranslation("library.piece.steps")), steps);
        }
        var body = new MarkdownView(p.markdownBody());
        body.setId("piece-body");
        content.add(body);
        if (p.reviewedBy() != null && !p.reviewedBy().isBlank()) {
            var reviewed = new Paragraph(getTranslation("library.piece.reviewed", p.reviewedBy()));
            reviewed.addClassName("attune-library-meta");
            content.add(reviewed);
        }
        if (caller.isClient() && p.kind() == Content.Kind.REFLECTION) {
            content.add(new ReflectionAnswerSection(answers, caller, p.slug()));
        }
        if (caller.isClient()) {
            triedThis.setEnabled(true);
            var helped = feelingButton("felt-helpful", "library.piece.felt.helpful", Content.Engagement.HELPFUL);
            var notHelped =
                    feelingButton("felt-not-helpful", "library.piece.felt.not-helpful", Content.Engagement.NOT_HELPFUL);
            feeling.removeAll();
            feeling.add(new Paragraph(getTranslation("library.piece.felt.question")), helped, notHelped);
            feeling.addClassName("attune-library-feeling");
            feeling.setVisible(false);
            var practice = new Div(triedThis, feeling, feedback);
            practice.addClassName("attune-library-practice");
            content.add(practice);
        }
    }

    private Button feelingButton(String id, String key, Content.Engagement engagement) {
        var button = new Button(getTranslation(key));
        button.setId(id);
        button.addClickListener(e -> felt(engagement));
        return button;
    }

    private void tried() {
        var reply = library.engage(caller, piece.slug(), Content.Engagement.COMPLETED);
        if (reply.isOk()) {
            triedThis.setEnabled(false);
            feedback.setText(getTranslation("library.piece.tried.thanks"));
            feeling.setVisible(true);
        } else {
            feedback.setText(getTranslation("library.piece.save-failed"));
        }
    }

    private void felt(Content.Engagement engagement) {
        var reply = library.engage(caller, piece.slug(), engagement);
        if (reply.isOk()) {
            feeling.setVisible(false);
            feedback.setText(getTranslation("library.piece.felt.thanks"));
        } else {
            feedback.setText(getTranslation("library.piece.save-failed"));
        }
    }

    @Override
    public String getPageTitle() {
        return piece == null
                ? getTranslation("library.page-title")
                : getTranslation("library.piece.page-title", piece.title());
    }
}

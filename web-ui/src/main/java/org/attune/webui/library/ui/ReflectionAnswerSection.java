package org.attune.webui.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.attune.webui.library.ReflectionAnswers;
import org.attune.webui.library.Reply;
import org.attune.webui.security.Caller;

/**
 * The client's own few lines under a reflection. Kept private unless they choose "Share with my therapist"; a shared
 * answer is readable only while they share notes with that therapist. Nothing here is required or counted.
 */
class ReflectionAnswerSection extends Section {

    static final boolean PRIVATE = false;
    static final boolean SHARED = true;

    final TextArea text = new TextArea();
    final RadioButtonGroup<Boolean> sharing = new RadioButtonGroup<>();
    final Button save = new Button();
    final Button remove = new Button();
    final Paragraph status = new Paragraph();

    private final ReflectionAnswers answers;
    private final Caller caller;
    private final String slug;

    ReflectionAnswerSection(ReflectionAnswers answers, Caller caller, String slug) {
        this.answers = answers;
        this.caller = caller;
        this.slug = slug;
        setId("reflection-answer");
        addClassName("attune-reflection-answer");
        text.setId("reflection-text");
        text.setLabel(getTranslation("library.answer.label"));
        text.setHelperText(getTranslation("library.answer.helper"));
        text.setMaxLength(ReflectionAnswers.MAX_LENGTH);
        text.setWidthFull();
        text.setMinRows(4);
        sharing.setId("reflection-sharing");
        sharing.setLabel(getTranslation("library.answer.sharing"));
        sharing.setItems(PRIVATE, SHARED);
        sharing.setItemLabelGenerator(
                shared -> getTranslation(shared ? "library.answer.share" : "library.answer.private"));
        sharing.setHelperText(getTranslation("library.answer.sharing.helper"));
        sharing.setValue(PRIVATE);
        save.setId("reflection-save");
        save.setText(getTranslation("library.answer.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        remove.setId("reflection-remove");
        remove.setText(getTranslation("library.answer.remove"));
        remove.addThemeVariants(ButtonVariant.TERTIARY);
        remove.addClickListener(e -> remove());
        remove.setVisible(false);
        status.setId("reflection-status");
        status.getElement().setAttribute("aria-live", "polite");
        add(new H2(getTranslation("library.answer.title")), text, sharing, save, remove, status);
        load();
    }

    private void load() {
        var reply = answers.answer(caller, slug);
        switch (reply.status()) {
            case OK -> {
                text.setValue(reply.value().text());
                sharing.setValue(reply.value().shared());
                remove.setVisible(true);
            }
            case NOT_FOUND -> {
                // Nothing written yet: an empty page, private.
            }
            default -> status.setText(getTranslation("library.answer.unavailable"));
        }
    }

    private void save() {
        var words = text.getValue() == null ? "" : text.getValue().strip();
        if (words.isEmpty()) {
            status.setText(getTranslation("library.answer.empty"));
            return;
        }
        var reply = answers.save(caller, slug, words, Boolean.TRUE.equals(sharing.getValue()));
        if (reply.isOk()) {
            remove.setVisible(true);
            status.setText(getTranslation(
                    reply.value().shared() ? "library.answer.saved.shared" : "library.answer.saved.private"));
        } else {
            status.setText(getTranslation(
                    reply.status() == Reply.Status.INVALID ? "library.answer.invalid" : "library.piece.save-failed"));
        }
    }

    private void remove() {
        var reply = answers.remove(caller, slug);
        if (reply.isOk() || reply.status() == Reply.Status.NOT_FOUND) {
            text.clear();
            sharing.setValue(PRIVATE);
            remove.setVisible(false);
            status.setText(getTranslation("library.answer.removed"));
        } else {
            status.setText(getTranslation("library.piece.save-failed"));
        }
    }
}

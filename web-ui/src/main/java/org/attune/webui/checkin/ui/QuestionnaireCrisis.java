package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.attune.kit.crisis.CrisisLines;

/**
 * The crisis lines above a questionnaire, from the moment an answer holds a safety flag (PHQ-9's question 9 above 0)
 * to the result, and also when the answers could not be sent. The words say what the screen knows: which answer it
 * was, and whether an alert can have gone out yet.
 */
class QuestionnaireCrisis extends Div {

    enum Reason {
        /** An answer to the question about self-harm. */
        SELF_HARM,
        /** A total in the most severe range, without such an answer. */
        SEVERE
    }

    enum Sending {
        /** Still answering: nothing has been sent. */
        ANSWERING,
        /** The answers did not reach Attune: no alert has gone out. */
        NOT_SENT,
        /** Stored: a therapist with safety alerts shared will be told. */
        SENT
    }

    private final CrisisLines crisis;

    QuestionnaireCrisis(CrisisLines crisis) {
        this.crisis = crisis;
        setId("crisis-resources");
        addClassName("attune-checkin-crisis-first");
        setVisible(false);
    }

    void show(Reason reason, Sending sending) {
        removeAll();
        add(new H2(getTranslation("checkin.questionnaires.crisis.title")));
        add(new Paragraph(getTranslation(
                reason == Reason.SELF_HARM
                        ? "checkin.questionnaires.crisis.intro"
                        : "checkin.questionnaires.crisis.intro.severe")));
        add(new CrisisLinesPanel(crisis));
        var state = new Paragraph(getTranslation(
                switch (sending) {
                    case ANSWERING -> "checkin.questionnaires.crisis.before";
                    case NOT_SENT -> "checkin.questionnaires.crisis.not-sent";
                    // A severe total alone must not be called "this answer": only the self-harm item is one.
                    case SENT ->
                        reason == Reason.SELF_HARM
                                ? "checkin.questionnaires.crisis.alert"
                                : "checkin.questionnaires.crisis.alert.severe-band";
                }));
        state.setId("crisis-alert-state");
        var plan = new Anchor("safety-plan", getTranslation("checkin.questionnaires.crisis.plan"));
        plan.setId("crisis-safety-plan");
        add(state, new Paragraph(plan));
        setVisible(true);
    }

    void hide() {
        removeAll();
        setVisible(false);
    }
}

package org.attune.webui.operator.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attune.webui.operator.OperatorDesk;
import org.attune.webui.security.Caller;

/** Therapists whose professional registration waits for a check, each with Verify and Decline. */
class WaitingTherapistsSection extends Section {

    final Div list = new Div();
    final Paragraph empty = new Paragraph();
    final List<Button> verifyButtons = new ArrayList<>();
    final List<Button> declineButtons = new ArrayList<>();

    private final OperatorDesk desk;
    private final Caller operator;
    private final Runnable afterChange;

    WaitingTherapistsSection(OperatorDesk desk, Caller operator, Runnable afterChange) {
        this.desk = desk;
        this.operator = operator;
        this.afterChange = afterChange;
        setId("waiting-therapists");
        empty.setText(getTranslation("operator.waiting.empty"));
        add(new H2(getTranslation("operator.waiting.title")), empty, list);
        refresh();
    }

    void refresh() {
        list.removeAll();
        verifyButtons.clear();
        declineButtons.clear();
        var waiting = desk.waitingTherapists(operator);
        empty.setVisible(waiting.isEmpty());
        for (var therapist : waiting) {
            list.add(row(therapist));
        }
    }

    private Div row(OperatorDesk.WaitingTherapist therapist) {
        var who = new Paragraph(therapist.displayName() + " · " + therapist.email());
        var registration = new Paragraph(getTranslation(
                "operator.waiting.registration",
                therapist.body(),
                therapist.number(),
                Locale.of("", therapist.country()).getDisplayCountry(Locale.ENGLISH)));
        var verify = new Button(getTranslation("operator.waiting.verify"), e -> {
            desk.verify(operator, therapist.accountId());
            refresh();
            afterChange.run();
        });
        verify.addThemeVariants(ButtonVariant.PRIMARY);
        var decline = new Button(getTranslation("operator.waiting.decline"), e -> {
            desk.decline(operator, therapist.accountId());
            refresh();
            afterChange.run();
        });
        verifyButtons.add(verify);
        declineButtons.add(decline);
        var row = new Div(who, registration, new Span(verify, decline));
        row.addClassName("attune-card");
        return row;
    }
}

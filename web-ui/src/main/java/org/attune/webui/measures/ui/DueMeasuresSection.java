package org.attune.webui.measures.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.function.Consumer;
import org.attune.webui.measures.DueMeasure;
import org.attune.webui.measures.MeasuresGateway;
import org.attune.webui.measures.MeasuresGateway.Change;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.security.Caller;

/**
 * The questionnaires the client's therapist scheduled. On Today only the ones due now (and nothing at all when none
 * is); on Questionnaires also what comes next and what the client paused. Pausing, resuming and declining are one tap
 * each and ask no reason. Nothing counts windows that went by unanswered: a closed one simply is not listed.
 */
public class DueMeasuresSection extends Section {

    /** Where "Answer now" leads when the section is not on the questionnaires page itself. */
    public static final String QUESTIONNAIRES_ROUTE = "questionnaires";

    public static final String START_PARAMETER = "start";

    final Div items = new Div();
    final Paragraph status = new Paragraph();

    private final MeasuresGateway gateway;
    private final boolean everything;
    private final Consumer<String> answer;

    /**
     * @param everything also upcoming and paused measures (the questionnaires page), or only the due ones (Today)
     * @param answer starts the questionnaire with this code; null to go to the questionnaires page for it
     */
    public DueMeasuresSection(MeasuresGateway gateway, boolean everything, Consumer<String> answer) {
        this.gateway = gateway;
        this.everything = everything;
        this.answer = answer;
        setId("due-measures");
        addClassName("attune-measures");
        items.setId("due-measures-items");
        status.setId("due-measures-status");
        status.getElement().setAttribute("aria-live", "polite");
        add(new H2(getTranslation("measures.client.title")), status, items);
        refresh();
    }

    public final void refresh() {
        items.removeAll();
        var caller = Caller.current().filter(Caller::isClient);
        var measures = caller.flatMap(gateway::mine).orElse(List.of()).stream()
                .filter(m -> everything || m.state() == DueMeasure.State.DUE)
                .toList();
        setVisible(!measures.isEmpty() || !status.getText().isEmpty());
        var time = UserTime.of(this);
        for (var m : measures) {
            items.add(card(m, time));
        }
    }

    private Div card(DueMeasure m, UserTime time) {
        var card = new Div();
        card.setId("measure-" + m.id());
        card.addClassName("attune-measure");
        card.add(new H3(m.title()));
        switch (m.state()) {
            case DUE -> {
                card.add(new Paragraph(getTranslation("measures.client.due", time.date(m.openUntil()))));
                var start = new Button(getTranslation("measures.client.answer"), e -> answer(m.code()));
                start.setId("measure-answer-" + m.code());
                start.addThemeVariants(ButtonVariant.PRIMARY);
                start.getElement()
                        .setAttribute("aria-label", getTranslation("measures.client.answer") + ": " + m.title());
                card.add(start, change(m, Change.PAUSE), change(m, Change.DECLINE));
            }
            case UPCOMING -> {
                card.add(new Paragraph(getTranslation("measures.client.next", time.date(m.nextDue()))));
                card.add(change(m, Change.PAUSE), change(m, Change.DECLINE));
            }
            case PAUSED -> {
                card.add(new Paragraph(getTranslation("measures.client.paused")));
                card.add(change(m, Change.RESUME), change(m, Change.DECLINE));
            }
        }
        return card;
    }

    private Button change(DueMeasure m, Change change) {
        var name = change.name().toLowerCase(java.util.Locale.ROOT);
        var button = new Button(getTranslation("measures.client." + name), e -> apply(m, change));
        button.setId("measure-" + name + "-" + m.id());
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.getElement().setAttribute("aria-label", getTranslation("measures.client." + name) + ": " + m.title());
        return button;
    }

    private void apply(DueMeasure m, Change change) {
        var caller = Caller.current().filter(Caller::isClient);
        boolean done = caller.isPresent() && gateway.change(caller.get(), m.id(), change);
        status.setText(
                done
                        ? getTranslation(
                                "measures.client." + change.name().toLowerCase(java.util.Locale.ROOT) + ".done")
                        : getTranslation("measures.client.unavailable"));
        refresh();
    }

    private void answer(String code) {
        if (answer != null) {
            answer.accept(code);
            return;
        }
        UI.getCurrent().navigate(QUESTIONNAIRES_ROUTE, QueryParameters.of(START_PARAMETER, code));
    }
}

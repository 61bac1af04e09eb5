package org.attune.webui.progress.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.attune.webui.progress.Goal;
import org.attune.webui.progress.GoalsGateway;
import org.attune.webui.progress.GoalsGateway.Change;
import org.attune.webui.security.Caller;

/**
 * The client's shared goals beside their measures: the goal lines, and for each goal a rating for this week (a second
 * one this week replaces the first), rewording, archiving and deleting. Goals are the client's words; nothing here
 * counts what was not done.
 */
public class GoalsPanel extends Section {

    static final int MAX_ACTIVE = 3;

    final GoalsOverview overview = new GoalsOverview();
    final Paragraph status = new Paragraph();
    final Div list = new Div();
    final TextField newGoal = new TextField();
    final Button add = new Button();
    final Div archived = new Div();

    private final GoalsGateway goals;
    private final Caller client;
    private final Supplier<LocalDate[]> period;
    private final Supplier<UserTime> time;

    public GoalsPanel(GoalsGateway goals, Caller client, Supplier<LocalDate[]> period, Supplier<UserTime> time) {
        this.goals = goals;
        this.client = client;
        this.period = period;
        this.time = time;
        setId("goals");
        addClassName("attune-progress-section");
        status.setId("goals-status");
        status.getElement().setAttribute("role", "status");
        status.addClassName("attune-notice");
        status.setVisible(false);
        newGoal.setId("goal-new");
        newGoal.setLabel(getTranslation("goals.new.label"));
        newGoal.setHelperText(getTranslation("goals.new.help"));
        newGoal.setMaxLength(200);
        add.setId("goal-add");
        add.setText(getTranslation("goals.new.add"));
        add.addClickListener(e -> create());
        list.setId("goal-list");
        archived.setId("goal-archived");
        add(new H2(getTranslation("goals.title")), new Paragraph(getTranslation("goals.intro")), status);
        add(overview, list, newGoal, add, archived);
    }

    /** Reads the goals again and shows them. */
    public void load() {
        var loaded = goals.own(client);
        list.removeAll();
        archived.removeAll();
        if (loaded.isEmpty()) {
            say("goals.unavailable");
            overview.removeAll();
            return;
        }
        var all = loaded.get();
        var range = period.get();
        overview.show(all, range[0], range[1], time.get(), false);
        var active = all.stream().filter(Goal::active).toList();
        for (int i = 0; i < active.size(); i++) {
            list.add(row(active.get(i), i + 1));
        }
        boolean room = active.size() < MAX_ACTIVE;
        newGoal.setVisible(room);
        add.setVisible(room);
        var old = all.stream().filter(g -> !g.active()).toList();
        if (!old.isEmpty()) {
            archived.add(new H3(getTranslation("goals.archived.title")));
            old.forEach(g -> archived.add(archivedRow(g)));
        }
    }

    private Div row(Goal goal, int number) {
        var row = new Div();
        row.addClassName("attune-goal");
        row.getElement().setAttribute("data-goal", goal.id());
        var words = new TextField(getTranslation("goals.legend", number));
        words.setValue(goal.text());
        words.setMaxLength(200);
        words.addClassName("goal-words");
        var reword = new Button(
                getTranslation("goals.reword"),
                e -> apply(goals.edit(client, goal.id(), words.getValue()), "goals.reworded"));
        reword.addClassName("goal-reword");
        var rating = new IntegerField(getTranslation("goals.rating.label"));
        rating.setMin(0);
        rating.setMax(10);
        rating.setStepButtonsVisible(true);
        rating.setHelperText(getTranslation("goals.rating.help"));
        rating.addClassName("goal-rating");
        if (goal.latest() != null) {
            rating.setValue(goal.latest());
        }
        var rate = new Button(getTranslation("goals.rating.save"), e -> rate(goal, rating.getValue()));
        rate.addThemeVariants(ButtonVariant.PRIMARY);
        rate.addClassName("goal-rate");
        var archive = new Button(
                getTranslation("goals.archive"), e -> apply(goals.archive(client, goal.id()), "goals.archived"));
        archive.addClassName("goal-archive");
        row.add(words, reword, rating, rate, archive, deleteButton(goal));
        return row;
    }

    private Div archivedRow(Goal goal) {
        var row = new Div();
        row.addClassName("attune-goal-archived");
        row.getElement().setAttribute("data-goal", goal.id());
        var restore = new Button(
                getTranslation("goals.restore"), e -> apply(goals.restore(client, goal.id()), "goals.restored"));
        restore.addClassName("goal-restore");
        row.add(new Span(goal.text()), restore, deleteButton(goal));
        return row;
    }

    /** Deleting cannot be undone, so the first press only asks; the second deletes. */
    private Button deleteButton(Goal goal) {
        var delete = new Button(getTranslation("goals.delete"));
        delete.addClassName("goal-delete");
        delete.addThemeVariants(ButtonVariant.TERTIARY);
        delete.addClickListener(e -> {
            if ("asked".equals(delete.getElement().getAttribute("data-state"))) {
                apply(goals.delete(client, goal.id()), "goals.deleted");
            } else {
                delete.getElement().setAttribute("data-state", "asked");
                delete.setText(getTranslation("goals.delete.confirm"));
            }
        });
        return delete;
    }

    private void create() {
        var text = newGoal.getValue() == null ? "" : newGoal.getValue().strip();
        if (text.isEmpty()) {
            say("goals.new.empty");
            return;
        }
        var change = goals.create(client, text);
        if (change instanceof Change.Done) {
            newGoal.clear();
        }
        apply(change, "goals.added");
    }

    private void rate(Goal goal, Integer value) {
        if (value == null || value < 0 || value > 10) {
            say("goals.rating.invalid");
            return;
        }
        apply(goals.rate(client, goal.id(), value), "goals.rated");
    }

    private void apply(Change change, String doneKey) {
        switch (change) {
            case Change.Done done -> {
                load();
                say(doneKey);
            }
            case Change.Refused refused -> {
                load();
                say("goals.refused");
            }
            case Change.Invalid invalid -> say("goals.invalid");
            case Change.Unavailable unavailable -> say("goals.unavailable");
        }
    }

    private void say(String key) {
        status.setText(getTranslation(key));
        status.setVisible(true);
    }
}

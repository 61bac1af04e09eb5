package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attune.webui.checkin.CheckInEntry;
import org.attune.webui.checkin.CheckinGateway;
import org.attune.webui.checkin.FeedbackEntry;
import org.attune.webui.report.SessionReports;
import org.attune.webui.report.ui.ClientReportSection;
import org.attune.webui.security.Caller;

/**
 * "Bring to session": the client picks check-ins (and their notes) and session checks from the last seven days and
 * gets a summary to show their therapist or print, or downloads a session report (PDF) of a longer period. Nothing
 * is shared by this page; it only gathers.
 */
@Route("bring-to-session")
@RolesAllowed("CLIENT")
class BringToSessionView extends Main implements HasDynamicTitle {

    static final int DAYS = 7;

    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    final LocalDate from;
    final LocalDate to;

    final Section picker = new Section();
    final Section summary = new Section();
    final Map<String, Checkbox> checkInChoices = new LinkedHashMap<>();
    final Map<String, Checkbox> noteChoices = new LinkedHashMap<>();
    final Map<String, Checkbox> feedbackChoices = new LinkedHashMap<>();
    final Button showSummary;
    List<CheckInEntry> checkIns = List.of();
    List<FeedbackEntry> feedback = List.of();

    final ClientReportSection report;

    BringToSessionView(CheckinGateway checkins, SessionReports reports, Clock clock) {
        addClassNames("attune-page", "attune-bring");
        zone = ClientTime.zone();
        locale = ClientTime.displayLocale();
        dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
        date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        to = LocalDate.now(clock.withZone(zone));
        from = to.minusDays(DAYS - 1);

        picker.setId("bring-picker");
        picker.addClassName("attune-bring-picker");
        summary.setId("bring-summary");
        summary.addClassName("attune-bring-summary");
        summary.setVisible(false);

        var caller = Caller.current().orElseThrow();
        picker.add(new Paragraph(getTranslation("checkin.bring.intro")));

        picker.add(new H2(getTranslation("checkin.bring.checkins")));
        var foundCheckIns = checkins.checkIns(caller, from, to);
        if (foundCheckIns.isEmpty()) {
            picker.add(unavailable("bring-checkins-unavailable"));
        } else if (foundCheckIns.get().isEmpty()) {
            picker.add(new Paragraph(getTranslation("checkin.bring.checkins.none")));
        } else {
            checkIns = foundCheckIns.get();
            for (var entry : checkIns) {
                picker.add(checkInChoice(entry));
            }
        }

        picker.add(new H2(getTranslation("checkin.bring.feedback")));
        var foundFeedback = checkins.feedback(caller, from, to);
        if (foundFeedback.isEmpty()) {
            picker.add(unavailable("bring-feedback-unavailable"));
        } else if (foundFeedback.get().isEmpty()) {
            picker.add(new Paragraph(getTranslation("checkin.bring.feedback.none")));
        } else {
            feedback = foundFeedback.get();
            for (var entry : feedback) {
                var box = new Checkbox(feedbackLabel(entry));
                box.setId("bring-feedback-" + entry.id());
                feedbackChoices.put(entry.id(), box);
                picker.add(new Div(box));
            }
        }

        showSummary = new Button(getTranslation("checkin.bring.show"), e -> showSummary());
        showSummary.setId("bring-summary-show");
        showSummary.addThemeVariants(ButtonVariant.PRIMARY);
        picker.add(showSummary);

        report = new ClientReportSection(reports, caller, clock);
        add(new H1(getTranslation("checkin.bring.title")), picker, summary, report);
    }

    private Paragraph unavailable(String id) {
        var text = new Paragraph(getTranslation("checkin.bring.unavailable"));
        text.setId(id);
        return text;
    }

    private Div checkInChoice(CheckInEntry entry) {
        var box = new Checkbox(checkInLabel(entry));
        box.setId("bring-checkin-" + entry.id());
        checkInChoices.put(entry.id(), box);
        var row = new Div(box);
        row.addClassName("attune-bring-choice");
        if (entry.note() != null && !entry.note().isBlank()) {
            var note = new Checkbox(getTranslation("checkin.bring.include-note"));
            note.setId("bring-note-" + entry.id());
            note.addClassName("attune-bring-note-choice");
            note.addValueChangeListener(e -> {
                if (e.getValue()) {
                    box.setValue(true);
                }
            });
            box.addValueChangeListener(e -> {
                if (!e.getValue()) {
                    note.setValue(false);
                }
            });
            noteChoices.put(entry.id(), note);
            row.add(note);
        }
        return row;
    }

    private String when(CheckInEntry entry) {
        if (entry.recordedAt() != null) {
            return dateTime.format(entry.recordedAt());
        }
        return entry.localDate() == null ? "" : date.format(entry.localDate());
    }

    private String checkInLabel(CheckInEntry entry) {
        return getTranslation(
                "checkin.bring.checkin.label",
                when(entry),
                entry.mood(),
                entry.window() == null ? "" : getTranslation("checkin.window." + entry.window() + ".short"),
                entry.energy());
    }

    private String feedbackLabel(FeedbackEntry entry) {
        String day = entry.sessionDate() != null
                ? date.format(entry.sessionDate())
                : entry.recordedAt() == null ? "" : dateTime.format(entry.recordedAt());
        return getTranslation("checkin.bring.feedback.label", day, entry.total(), entry.maxTotal());
    }

    void showSummary() {
        summary.removeAll();
        summary.add(new H2(getTranslation("checkin.bring.summary.title")));
        summary.add(new Paragraph(getTranslation("checkin.bring.summary.range", date.format(from), date.format(to))));
        var chosenCheckIns = checkIns.stream()
                .filter(c -> checkInChoices.get(c.id()).getValue())
                .toList();
        var chosenFeedback = feedback.stream()
                .filter(f -> feedbackChoices.get(f.id()).getValue())
                .toList();
        if (chosenCheckIns.isEmpty() && chosenFeedback.isEmpty()) {
            var nothing = new Paragraph(getTranslation("checkin.bring.summary.nothing"));
            nothing.setId("bring-summary-nothing");
            summary.add(nothing);
        }
        if (!chosenCheckIns.isEmpty()) {
            summary.add(new H2(getTranslation("checkin.bring.checkins")));
            var list = new UnorderedList();
            list.setId("bring-summary-checkins");
            for (var entry : chosenCheckIns) {
                list.add(checkInSummary(entry));
            }
            summary.add(list);
        }
        if (!chosenFeedback.isEmpty()) {
            summary.add(new H2(getTranslation("checkin.bring.feedback")));
            var list = new UnorderedList();
            list.setId("bring-summary-feedback");
            for (var entry : chosenFeedback) {
                var item = new ListItem(new Span(feedbackLabel(entry)));
                var ratings = new ArrayList<String>();
                addRating(ratings, "checkin.feedback.heard", entry.heard());
                addRating(ratings, "checkin.feedback.goals", entry.goals());
                addRating(ratings, "checkin.feedback.approach", entry.approach());
                addRating(ratings, "checkin.feedback.overall", entry.overall());
                if (!ratings.isEmpty()) {
                    item.add(new Paragraph(String.join(" · ", ratings)));
                }
                if (entry.rupture()) {
                    item.add(new Paragraph(getTranslation("checkin.bring.feedback.rupture")));
                }
                if (entry.text() != null && !entry.text().isBlank()) {
                    var text = new Paragraph(entry.text());
                    text.addClassName("attune-bring-note");
                    item.add(text);
                }
                list.add(item);
            }
            summary.add(list);
        }
        var print = new Button(
                getTranslation("checkin.bring.print"),
                e -> UI.getCurrent().getPage().executeJs("window.print()"));
        print.setId("bring-print");
        print.addThemeVariants(ButtonVariant.PRIMARY);
        var edit = new Button(getTranslation("checkin.bring.edit"), e -> {
            summary.setVisible(false);
            picker.setVisible(true);
        });
        edit.setId("bring-edit");
        var buttons = new Div(print, edit);
        buttons.addClassNames("attune-checkin-buttons", "attune-bring-noprint");
        summary.add(buttons);
        picker.setVisible(false);
        summary.setVisible(true);
    }

    private void addRating(List<String> ratings, String key, Integer value) {
        if (value != null) {
            ratings.add(getTranslation(key) + ": " + value);
        }
    }

    private ListItem checkInSummary(CheckInEntry entry) {
        var item = new ListItem(new Span(checkInLabel(entry)));
        var details = new ArrayList<String>();
        if (!entry.emotions().isEmpty()) {
            details.add(getTranslation("checkin.bring.emotions", String.join(", ", entry.emotions())));
        }
        if (entry.sleepHours() != null) {
            details.add(getTranslation("checkin.bring.sleep", entry.sleepHours()));
        }
        if (!entry.tags().isEmpty()) {
            details.add(getTranslation(
                    "checkin.bring.tags",
                    String.join(
                            ", ",
                            entry.tags().stream()
                                    .map(t -> getTranslation("checkin.tag." + t))
                                    .toList())));
        }
        if (!details.isEmpty()) {
            item.add(new Paragraph(String.join(" · ", details)));
        }
        var note = noteChoices.get(entry.id());
        if (note != null && note.getValue()) {
            var text = new Paragraph(entry.note());
            text.addClassName("attune-bring-note");
            item.add(text);
        }
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("checkin.bring.page-title");
    }
}

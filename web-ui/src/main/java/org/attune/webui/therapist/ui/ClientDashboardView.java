package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.webui.library.ui.AssignContentPanel;
import org.attune.webui.library.ui.AssignContentPanels;
import org.attune.webui.live.LiveUpdates;
import org.attune.webui.measures.ui.MeasuresPanels;
import org.attune.webui.progress.ProgressRange;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.report.SessionReports;
import org.attune.webui.safety.ui.SafetyPlanPanels;
import org.attune.webui.therapist.SafetyFlagItem;

/**
 * One client's shared picture for their therapist: safety flags to acknowledge, rupture signals with a repair
 * prompt, the same progress charts the client sees (only the shared parts), goals and scheduled measures, the session
 * rhythm, assigned content and (under NOTES) the reflection answers the client chose to share.
 * Reachable only with an active grant; otherwise the same friendly "not shared with you" whether or not the client
 * exists. Follows live: a signal refreshes only the sections it is about, so a check-in reaches the page after one
 * narrow read; the page closes at once when the client stops sharing. It keeps the client's id, the classes shared
 * and its components, never the services' answers.
 */
@Route("clients/:clientId")
@RolesAllowed("THERAPIST")
class ClientDashboardView extends LiveView implements HasDynamicTitle, BeforeEnterObserver {

    final H1 title = new H1();
    final LastCheckInLine lastCheckIn = new LastCheckInLine();
    final Paragraph status = new Paragraph();
    final NotSharedNotice notShared = new NotSharedNotice();
    final Div content = new Div();
    final SafetyFlagsSection flags = new SafetyFlagsSection(this::acknowledge);
    final FeedbackSection feedback = new FeedbackSection();
    final ProgressPart progressPart = new ProgressPart(this::rangeChosen);
    final GoalsSection goals = new GoalsSection();
    final MeasuresSection measures;
    final SafetyPlanSection safetyPlan;
    final ReportLinkSection report;
    final ScheduleSection schedule = new ScheduleSection();
    final AssignmentsSection assignments = new AssignmentsSection();
    final SharedReflectionsSection reflections = new SharedReflectionsSection();
    final Div assign = new Div();
    private final AssignContentPanels assignPanels;
    private UUID assignPanelClient;

    private final DashboardPresenter presenter;
    private final Clock clock;
    private UserTime time;
    private UUID clientId;
    /** What the page shows now: null while it shows nothing of the client. */
    private volatile Set<DataClass> shown;

    private String name = "";
    private volatile ProgressRange chosen = ProgressRange.FOUR_WEEKS;

    ClientDashboardView(
            DashboardPresenter presenter,
            LiveUpdates live,
            AssignContentPanels assignPanels,
            SafetyPlanPanels safetyPlanPanels,
            SessionReports reports,
            MeasuresPanels measuresPanels,
            Clock clock) {
        super(live);
        this.presenter = presenter;
        this.assignPanels = assignPanels;
        this.safetyPlan = new SafetyPlanSection(safetyPlanPanels);
        this.measures = new MeasuresSection(measuresPanels);
        this.report = new ReportLinkSection(reports);
        this.clock = clock;
        addClassNames("attune-page", "attune-therapist-dashboard");
        time = UserTime.of(this);
        title.setId("dashboard-title");
        status.setId("dashboard-status");
        status.addClassName("attune-notice");
        status.getElement().setAttribute("role", "status");
        status.setVisible(false);
        // The "assign content" component of the library feature is plugged in here.
        assign.setId("dashboard-assign");
        assign.addClassName("attune-therapist-assign");
        add(notShared, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        clientId = event.getRouteParameters()
                .get("clientId")
                .flatMap(DashboardPresenter::uuid)
                .orElse(null);
        time = UserTime.of(this);
        reload();
    }

    private void rangeChosen(ProgressRange range) {
        if (clientId != null) {
            chosen = range;
            reload();
        }
    }

    UUID clientId() {
        return clientId;
    }

    private LocalDate[] period() {
        var today = time.today(clock);
        return new LocalDate[] {chosen.from(today), today};
    }

    private Optional<DashboardPresenter.Snapshot> load() {
        var period = period();
        return presenter.load(caller, clientId, period[0], period[1]);
    }

    /** Reads and shows everything now, in the UI. */
    void reload() {
        show(load());
    }

    void show(Optional<DashboardPresenter.Snapshot> loaded) {
        if (loaded.isEmpty()) {
            showNotShared();
            return;
        }
        var snapshot = loaded.get();
        var classes = snapshot.classes();
        var period = period();
        name = snapshot.clientName();
        notShared.setVisible(false);
        content.setVisible(true);
        content.removeAll();
        title.setText(name);
        content.add(new RouterLink(getTranslation("therapist.back"), ClientsView.class), title, status);
        content.add(SharedClassesNote.shares(classes));
        lastCheckIn.show(classes, snapshot.summary(), time);
        report.showFor(caller, clientId, time, this::period);
        content.add(new Paragraph(lastCheckIn), report);
        if (classes.contains(DataClass.SAFETY_ALERTS)) {
            content.add(section("therapist.flags.title", flags));
            flags.show(snapshot.flags(), time);
            safetyPlan.showFor(caller, clientId);
            content.add(safetyPlan);
        }
        if (classes.contains(DataClass.SESSION_FEEDBACK)) {
            content.add(section("therapist.feedback.title", feedback));
            feedback.show(snapshot.feedback(), time);
        }
        if (classes.stream().anyMatch(DashboardPresenter.PROGRESS_CLASSES::contains)) {
            content.add(section("therapist.progress.title", progressPart));
            progressPart.show(snapshot.progress(), time);
        }
        if (classes.contains(DataClass.INSTRUMENT_SCORES)) {
            goals.show(snapshot.goals(), period[0], period[1], time);
            measures.showFor(caller, clientId);
            content.add(goals, measures);
        }
        schedule.show(snapshot.schedule(), time, clock.instant());
        content.add(section("therapist.schedule.title", schedule));
        if (classes.contains(DataClass.CONTENT_ACTIVITY)) {
            content.add(section("therapist.assignments.title", assignments));
            assignments.show(snapshot.assignments(), time);
            if (!clientId.equals(assignPanelClient)) {
                assign.removeAll();
                AssignContentPanel panel = assignPanels.create(caller, clientId);
                assignPanelClient = clientId;
                assign.add(panel);
            }
            content.add(assign);
        }
        if (snapshot.reflections().isPresent()) {
            content.add(section("therapist.reflections.title", reflections));
            reflections.show(snapshot.reflections().get(), time);
        }
        var notSharedNote = SharedClassesNote.notShared(classes);
        if (notSharedNote != null) {
            content.add(notSharedNote);
        }
        shown = classes;
    }

    private void showNotShared() {
        name = "";
        shown = null;
        content.removeAll();
        content.setVisible(false);
        notShared.setVisible(true);
    }

    void acknowledge(SafetyFlagItem flag) {
        if (presenter.sharedClasses(caller, clientId).isEmpty()) {
            showNotShared();
            return;
        }
        if (presenter.acknowledge(caller, clientId, flag.id())) {
            notice(getTranslation("therapist.flags.acked"));
            flags.show(presenter.flags(caller, clientId), time);
        } else {
            notice(getTranslation("therapist.flags.ack-failed"));
        }
    }

    private Section section(String titleKey, Component body) {
        var section = new Section(new H2(getTranslation(titleKey)), body);
        section.addClassName("attune-therapist-section");
        return section;
    }

    private void notice(String text) {
        status.setText(text);
        status.setVisible(true);
    }

    /** The client stopped sharing: close at once and go back to the list, which says so without naming anyone. */
    void close() {
        showNotShared();
        getUI().ifPresent(ui -> ui.navigate(ClientsView.class, QueryParameters.of(ClientsView.ENDED_PARAMETER, "1")));
    }

    @Override
    protected void onSignal(LiveUpdates.Signal signal) {
        if (clientId == null || !clientId.equals(signal.clientId())) {
            return;
        }
        var classes = shown;
        if (classes == null
                || signal.kind() == LiveUpdates.Kind.SHARING_STARTED
                || signal.kind() == LiveUpdates.Kind.SHARING_ENDED) {
            // A grant changed (or nothing is shown yet): re-check it; an ended one closes the page.
            var snapshot = load();
            inUi(() -> {
                if (snapshot.isEmpty()) {
                    close();
                } else {
                    show(snapshot);
                }
            });
            return;
        }
        // A data signal reaches only a therapist whose active grant covers its class (LiveUpdates checks): the
        // section it is about is refreshed, the first-seen part pushed before the slower chart read.
        var period = period();
        switch (signal.kind()) {
            case CHECK_IN -> {
                var summary = presenter.summary(caller, clientId);
                inUi(() -> lastCheckIn.show(classes, summary, time));
                refreshProgress(classes, period);
            }
            case SAFETY_FLAG -> {
                var read = presenter.flags(caller, clientId);
                inUi(() -> flags.show(read, time));
            }
            case SESSION_FEEDBACK -> {
                var read = presenter.feedback(caller, clientId);
                inUi(() -> feedback.show(read, time));
                refreshProgress(classes, period);
            }
            case QUESTIONNAIRE -> {
                var read = presenter.goals(caller, clientId, classes);
                inUi(() -> {
                    goals.show(read, period[0], period[1], time);
                    measures.refresh();
                });
                refreshProgress(classes, period);
            }
            default -> {
                // Sharing changes are handled above.
            }
        }
    }

    private void refreshProgress(Set<DataClass> classes, LocalDate[] period) {
        var read = presenter.progress(caller, clientId, classes, period[0], period[1]);
        inUi(() -> progressPart.show(read, time));
    }

    @Override
    protected void onPoll() {
        var snapshot = load();
        if (snapshot.isEmpty() && clientId != null && !notShared.isVisible()) {
            close();
        } else {
            show(snapshot);
        }
    }

    @Override
    public String getPageTitle() {
        return name == null || name.isEmpty()
                ? getTranslation("therapist.dashboard.page-title.empty")
                : getTranslation("therapist.dashboard.page-title", name);
    }
}

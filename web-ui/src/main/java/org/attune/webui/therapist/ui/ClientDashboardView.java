package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.attune.events.DataClass;
import org.attune.webui.account.Account;
import org.attune.webui.account.Accounts;
import org.attune.webui.consent.Grant;
import org.attune.webui.consent.Grants;
import org.attune.webui.library.ReflectionAnswers;
import org.attune.webui.library.ReflectionAnswers.SharedAnswer;
import org.attune.webui.library.Reply;
import org.attune.webui.library.ui.AssignContentPanel;
import org.attune.webui.library.ui.AssignContentPanels;
import org.attune.webui.live.LiveUpdates;
import org.attune.webui.measures.ui.MeasuresPanel;
import org.attune.webui.measures.ui.MeasuresPanels;
import org.attune.webui.progress.Goal;
import org.attune.webui.progress.GoalsGateway;
import org.attune.webui.progress.ProgressData;
import org.attune.webui.progress.ProgressGateway;
import org.attune.webui.progress.ProgressRange;
import org.attune.webui.progress.ui.GoalsOverview;
import org.attune.webui.progress.ui.ProgressCharts;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.report.SessionReports;
import org.attune.webui.report.ui.SessionReportLink;
import org.attune.webui.safety.ui.SafetyPlanPanels;
import org.attune.webui.safety.ui.TherapistSafetyPlanPanel;
import org.attune.webui.therapist.AssignmentItem;
import org.attune.webui.therapist.ClientSchedule;
import org.attune.webui.therapist.ClientSummary;
import org.attune.webui.therapist.FeedbackEntry;
import org.attune.webui.therapist.SafetyFlagItem;
import org.attune.webui.therapist.TherapistGateway;

/**
 * One client's shared picture for their therapist: safety flags to acknowledge, rupture signals with a repair
 * prompt, the same progress charts the client sees (only the shared parts), the session rhythm, assigned content and
 * (under NOTES) the reflection answers the client chose to share.
 * Reachable only with an active grant; otherwise the same friendly "not shared with you" whether or not the client
 * exists. Follows live, and closes at once when the client stops sharing.
 */
@Route("clients/:clientId")
@RolesAllowed("THERAPIST")
class ClientDashboardView extends LiveView implements HasDynamicTitle, BeforeEnterObserver {

    static final Set<DataClass> PROGRESS_CLASSES =
            EnumSet.of(DataClass.MOOD_CHECKINS, DataClass.INSTRUMENT_SCORES, DataClass.SESSION_FEEDBACK);

    final H1 title = new H1();
    final Span lastCheckIn = new Span();
    final Paragraph status = new Paragraph();
    final Div notShared = new Div();
    final Div content = new Div();
    final SafetyFlagsSection flags = new SafetyFlagsSection(this::acknowledge);
    final FeedbackSection feedback = new FeedbackSection();
    final ProgressPart progressPart = new ProgressPart(this::rangeChosen);
    final RadioButtonGroup<ProgressRange> range = progressPart.range;
    final ProgressCharts charts = progressPart.charts;
    final GoalsOverview goals = new GoalsOverview();
    final ScheduleSection schedule = new ScheduleSection();
    final AssignmentsSection assignments = new AssignmentsSection();
    final SharedReflectionsSection reflections = new SharedReflectionsSection();
    final Div assign = new Div();
    private final AssignContentPanels assignPanels;
    private AssignContentPanel assignPanel;
    private UUID assignPanelClient;
    private final SafetyPlanPanels safetyPlanPanels;
    private final MeasuresPanels measuresPanels;
    private MeasuresPanel measuresPanel;
    private UUID measuresClient;
    private TherapistSafetyPlanPanel safetyPlanPanel;
    private UUID safetyPlanClient;
    private final SessionReports reports;
    private SessionReportLink reportLink;
    private UUID reportClient;

    private final Grants grants;
    private final Accounts accounts;
    private final TherapistGateway gateway;
    private final ProgressGateway progress;
    private final GoalsGateway goalsGateway;
    private final ReflectionAnswers answers;
    private final Clock clock;
    private UserTime time;
    private UUID clientId;
    private String name = "";
    private volatile ProgressRange chosen = ProgressRange.FOUR_WEEKS;

    /** Everything the page shows, gathered without touching components (so off the UI thread). */
    record Snapshot(
            Grant grant,
            Optional<ClientSummary> summary,
            Optional<List<SafetyFlagItem>> flags,
            Optional<List<FeedbackEntry>> feedback,
            Optional<ProgressData> progress,
            Optional<List<Goal>> goals,
            Optional<List<AssignmentItem>> assignments,
            ClientSchedule schedule,
            Optional<Reply<List<SharedAnswer>>> reflections) {}

    ClientDashboardView(
            Grants grants,
            Accounts accounts,
            TherapistGateway gateway,
            ProgressGateway progress,
            GoalsGateway goalsGateway,
            ReflectionAnswers answers,
            LiveUpdates live,
            AssignContentPanels assignPanels,
            SafetyPlanPanels safetyPlanPanels,
            SessionReports reports,
            MeasuresPanels measuresPanels,
            Clock clock) {
        super(live);
        this.reports = reports;
        this.measuresPanels = measuresPanels;
        this.assignPanels = assignPanels;
        this.safetyPlanPanels = safetyPlanPanels;
        this.grants = grants;
        this.accounts = accounts;
        this.gateway = gateway;
        this.progress = progress;
        this.goalsGateway = goalsGateway;
        this.answers = answers;
        this.clock = clock;
        addClassNames("attune-page", "attune-therapist-dashboard");
        time = UserTime.of(this);
        title.setId("dashboard-title");
        lastCheckIn.setId("last-checkin");
        status.setId("dashboard-status");
        status.addClassName("attune-notice");
        status.getElement().setAttribute("role", "status");
        status.setVisible(false);
        notShared.setId("dashboard-not-shared");
        notShared.add(
                new H1(getTranslation("therapist.not-shared.title")),
                new Paragraph(getTranslation("therapist.not-shared.text")),
                new RouterLink(getTranslation("therapist.back"), ClientsView.class));
        notShared.setVisible(false);
        // The "assign content" component of the library feature is plugged in here.
        assign.setId("dashboard-assign");
        assign.addClassName("attune-therapist-assign");
        add(notShared, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        clientId = event.getRouteParameters()
                .get("clientId")
                .flatMap(ClientDashboardView::uuid)
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

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The active grant for this client, or empty: then nothing of the client is read. */
    private Optional<Grant> grant() {
        if (clientId == null) {
            return Optional.empty();
        }
        var id = clientId.toString();
        return grants.activeFor(caller).stream()
                .filter(g -> g.clientId().equals(id))
                .findFirst();
    }

    Optional<Snapshot> load() {
        var grant = grant();
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        var classes = grant.get().dataClasses();
        var today = time.today(clock);
        // The eight reads are independent: asked side by side, a live update waits for the slowest, not for the sum.
        try (var reads = Executors.newVirtualThreadPerTaskExecutor()) {
            var summary = reads.submit(() -> gateway.summary(caller, clientId));
            var flags = reads.submit(() -> classes.contains(DataClass.SAFETY_ALERTS)
                    ? gateway.safetyFlags(caller, clientId)
                    : Optional.<List<SafetyFlagItem>>empty());
            var feedback = reads.submit(() -> classes.contains(DataClass.SESSION_FEEDBACK)
                    ? gateway.sessionFeedback(caller, clientId)
                    : Optional.<List<FeedbackEntry>>empty());
            var charts = reads.submit(() -> classes.stream().anyMatch(PROGRESS_CLASSES::contains)
                    ? progress.ofClient(caller, clientId, chosen.from(today), today)
                    : Optional.<ProgressData>empty());
            // Goal ratings are an outcome measure, shared with the questionnaire scores.
            var goals = reads.submit(() -> classes.contains(DataClass.INSTRUMENT_SCORES)
                    ? goalsGateway.ofClient(caller, clientId)
                    : Optional.<List<Goal>>empty());
            var assigned = reads.submit(() -> classes.contains(DataClass.CONTENT_ACTIVITY)
                    ? gateway.assignments(caller, clientId)
                    : Optional.<List<AssignmentItem>>empty());
            // The rhythm belongs to the link itself (any active grant), not to one data class.
            var schedule = reads.submit(() -> gateway.sessionSchedule(caller, clientId));
            var reflections = reads.submit(() -> classes.contains(DataClass.NOTES)
                    ? Optional.of(answers.sharedBy(caller, clientId))
                    : Optional.<Reply<List<SharedAnswer>>>empty());
            return Optional.of(new Snapshot(
                    grant.get(),
                    done(summary),
                    done(flags),
                    done(feedback),
                    done(charts),
                    done(goals),
                    done(assigned),
                    done(schedule),
                    done(reflections)));
        }
    }

    private static <T> T done(Future<T> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the dashboard", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Reads and shows everything now, in the UI. */
    void reload() {
        show(load());
    }

    void show(Optional<Snapshot> loaded) {
        if (loaded.isEmpty()) {
            showNotShared();
            return;
        }
        var snapshot = loaded.get();
        var classes = snapshot.grant().dataClasses();
        name = accounts.byId(snapshot.grant().clientId())
                .map(Account::displayName)
                .orElse("—");
        notShared.setVisible(false);
        content.setVisible(true);
        content.removeAll();
        title.setText(name);
        content.add(new RouterLink(getTranslation("therapist.back"), ClientsView.class), title, status);
        var shares = new Paragraph(getTranslation("therapist.shares", labels(classes)));
        shares.addClassName("attune-therapist-muted");
        content.add(shares);
        lastCheckIn.setText(lastCheckInText(classes, snapshot.summary()));
        content.add(new Paragraph(lastCheckIn), reportLink());
        if (classes.contains(DataClass.SAFETY_ALERTS)) {
            content.add(section("therapist.flags.title", flags));
            flags.show(snapshot.flags(), time);
            // Read once per client, not on every refresh: each read of the plan is logged for the client.
            if (safetyPlanPanel == null || !clientId.equals(safetyPlanClient)) {
                safetyPlanPanel = safetyPlanPanels.create(caller, clientId);
                safetyPlanClient = clientId;
            }
            content.add(section("therapist.plan.title", safetyPlanPanel));
        }
        if (classes.contains(DataClass.SESSION_FEEDBACK)) {
            content.add(section("therapist.feedback.title", feedback));
            feedback.show(snapshot.feedback(), time);
        }
        if (classes.stream().anyMatch(PROGRESS_CLASSES::contains)) {
            content.add(section("therapist.progress.title", progressPart));
            progressPart.show(snapshot.progress(), time);
        }
        if (classes.contains(DataClass.INSTRUMENT_SCORES)) {
            content.add(section("goals.title", goals));
            var today = time.today(clock);
            snapshot.goals()
                    .ifPresentOrElse(
                            list -> goals.show(list, chosen.from(today), today, time, true),
                            () -> goals.showUnavailable());
            if (measuresPanel == null || !clientId.equals(measuresClient)) {
                measuresPanel = measuresPanels.create(caller, clientId);
                measuresClient = clientId;
            } else {
                measuresPanel.refresh();
            }
            content.add(section("measures.therapist.title", measuresPanel));
        }
        schedule.show(snapshot.schedule(), time, clock.instant());
        content.add(section("therapist.schedule.title", schedule));
        if (classes.contains(DataClass.CONTENT_ACTIVITY)) {
            content.add(section("therapist.assignments.title", assignments));
            assignments.show(snapshot.assignments(), time);
            if (assignPanel == null || !clientId.equals(assignPanelClient)) {
                assign.removeAll();
                assignPanel = assignPanels.create(caller, clientId);
                assignPanelClient = clientId;
                assign.add(assignPanel);
            }
            content.add(assign);
        }
        if (snapshot.reflections().isPresent()) {
            content.add(section("therapist.reflections.title", reflections));
            reflections.show(snapshot.reflections().get(), time);
        }
        var notSharedClasses = EnumSet.complementOf(EnumSet.copyOf(classes));
        if (!notSharedClasses.isEmpty()) {
            var note = new Paragraph(getTranslation("therapist.not-shared-classes", labels(notSharedClasses)));
            note.addClassName("attune-therapist-muted");
            content.add(note);
        }
    }

    /** The session report of the period shown, read afresh (and under the grant) each time it is downloaded. */
    private Div reportLink() {
        if (reportLink == null || !clientId.equals(reportClient)) {
            var client = clientId;
            reportLink = new SessionReportLink(
                    "dashboard-report",
                    time,
                    () -> {
                        var today = time.today(clock);
                        return new java.time.LocalDate[] {chosen.from(today), today};
                    },
                    period -> reports.ofClient(caller, client, period[0], period[1]));
            reportClient = clientId;
        }
        var about = new Span(getTranslation("report.therapist.about"));
        about.addClassName("attune-therapist-muted");
        var box = new Div(reportLink, about);
        box.addClassName("attune-report");
        return box;
    }

    private void showNotShared() {
        name = "";
        content.removeAll();
        content.setVisible(false);
        notShared.setVisible(true);
    }

    private String lastCheckInText(Set<DataClass> classes, Optional<ClientSummary> summary) {
        if (!classes.contains(DataClass.MOOD_CHECKINS)) {
            return getTranslation("therapist.last-checkin.not-shared");
        }
        if (summary.isEmpty()) {
            return getTranslation("therapist.last-checkin.unknown");
        }
        var at = summary.get().lastCheckInAt();
        return at == null
                ? getTranslation("therapist.last-checkin.none")
                : getTranslation("therapist.last-checkin", time.dateTime(at));
    }

    void acknowledge(SafetyFlagItem flag) {
        if (grant().isEmpty()) {
            showNotShared();
            return;
        }
        if (gateway.acknowledge(caller, clientId, flag.id())) {
            notice(getTranslation("therapist.flags.acked"));
            flags.show(gateway.safetyFlags(caller, clientId), time);
        } else {
            notice(getTranslation("therapist.flags.ack-failed"));
        }
    }

    private Section section(String titleKey, com.vaadin.flow.component.Component body) {
        var section = new Section(new H2(getTranslation(titleKey)), body);
        section.addClassName("attune-therapist-section");
        return section;
    }

    private String labels(Set<DataClass> classes) {
        return classes.stream()
                .sorted()
                .map(c -> getTranslation("dataclass." + c.name()))
                .collect(Collectors.joining(", "));
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
        // Every signal re-checks the grant first: an ended one closes the page, whatever the signal was.
        var snapshot = load();
        inUi(() -> {
            if (snapshot.isEmpty()) {
                close();
            } else {
                show(snapshot);
            }
        });
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

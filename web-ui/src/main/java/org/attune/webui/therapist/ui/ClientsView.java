package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.attune.webui.consent.Invitations;
import org.attune.webui.live.LiveUpdates;
import org.attune.webui.progress.SvgCharts;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.therapist.AttentionOrder;
import org.attune.webui.therapist.ClientSummary;
import org.attune.webui.therapist.TherapistGateway;

/**
 * A therapist's clients: only those who share with them now, what needs attention first (open safety flags, rupture
 * signals, no check-in for a week, reliable deterioration on a questionnaire). The list follows live: a check-in, questionnaire, shared
 * session check or safety flag of a client refreshes it through server push, and a client who stops sharing
 * disappears at once.
 */
@Route("clients")
@RolesAllowed("THERAPIST")
class ClientsView extends LiveView implements HasDynamicTitle, BeforeEnterObserver {

    static final String ENDED_PARAMETER = "sharing-ended";

    final Div clients = new Div();
    final Paragraph status = new Paragraph();
    final Button invite = new Button();
    final Paragraph invitation = new Paragraph();

    private final Grants grants;
    private final Accounts accounts;
    private final TherapistGateway gateway;
    private final Clock clock;
    private UserTime time;

    /** What the list shows, gathered without touching components so it can be read off the UI thread. */
    record Row(Grant grant, String name, ClientSummary summary, java.util.Set<AttentionOrder.Reason> reasons) {}

    record Snapshot(List<Row> rows, boolean someUnanswered) {}

    ClientsView(
            Grants grants,
            Invitations invitations,
            Accounts accounts,
            TherapistGateway gateway,
            LiveUpdates live,
            Clock clock) {
        super(live);
        this.grants = grants;
        this.accounts = accounts;
        this.gateway = gateway;
        this.clock = clock;
        addClassNames("attune-page", "attune-therapist-clients");
        time = UserTime.of(this);
        clients.setId("client-list");
        status.setId("clients-status");
        status.addClassName("attune-notice");
        status.getElement().setAttribute("role", "status");
        status.setVisible(false);
        invite.setText(getTranslation("clients.invite"));
        invite.setId("clients-invite");
        invite.addClickListener(e -> {
            var issued = invitations.invite(caller);
            invitation.setText(getTranslation("clients.invite.code", issued.code()));
            invitation.setVisible(true);
        });
        invitation.setVisible(false);
        invitation.addClassName("attune-notice");
        var title = new H1(getTranslation("clients.title"));
        title.setId("clients-title");
        add(
                title,
                new Paragraph(getTranslation("clients.intro")),
                status,
                clients,
                invite,
                invitation,
                new Paragraph(new Anchor("help", getTranslation("welcome.help-link"))));
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey(ENDED_PARAMETER)) {
            notice(getTranslation("therapist.sharing-ended"));
        }
    }

    /** Reads and shows the list now, in the UI. */
    void refresh() {
        time = UserTime.of(this);
        show(load());
    }

    Snapshot load() {
        var active = grants.activeFor(caller);
        var entries = new ArrayList<AttentionOrder.Entry>();
        Map<UUID, Grant> byClient = new LinkedHashMap<>();
        boolean unanswered = false;
        // One summary request per client, side by side, so a slow answer does not add up over the list.
        var summaries = new LinkedHashMap<UUID, Future<Optional<ClientSummary>>>();
        try (var parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var grant : active) {
                var clientId = UUID.fromString(grant.clientId());
                byClient.put(clientId, grant);
                summaries.put(clientId, parallel.submit(() -> gateway.summary(caller, clientId)));
            }
        }
        for (var grant : active) {
            var clientId = UUID.fromString(grant.clientId());
            var name = accounts.byId(grant.clientId()).map(Account::displayName).orElse("—");
            ClientSummary summary;
            try {
                summary = summaries.get(clientId).get().orElse(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                summary = null;
            } catch (ExecutionException e) {
                summary = null;
            }
            unanswered |= summary == null;
            entries.add(new AttentionOrder.Entry(clientId, name, summary));
        }
        var rows = AttentionOrder.sort(entries, clock.instant()).stream()
                .map(r -> new Row(
                        byClient.get(r.entry().clientId()),
                        r.entry().name(),
                        r.entry().summary(),
                        r.reasons()))
                .toList();
        return new Snapshot(rows, unanswered);
    }

    void show(Snapshot snapshot) {
        clients.removeAll();
        if (snapshot.rows().isEmpty()) {
            var none = new Paragraph(getTranslation("clients.none"));
            none.setId("clients-none");
            clients.add(none);
        }
        for (var row : snapshot.rows()) {
            clients.add(row(row));
        }
        if (snapshot.someUnanswered()) {
            var note = new Paragraph(getTranslation("therapist.summary-unavailable"));
            note.addClassName("attune-therapist-muted");
            clients.add(note);
        }
    }

    private Div row(Row row) {
        var grant = row.grant();
        var id = grant.clientId();
        var div = new Div();
        div.setId("client-row-" + id);
        div.addClassNames("attune-client", "attune-therapist-row");
        var link = new RouterLink(row.name(), ClientDashboardView.class, new RouteParameters("clientId", id));
        link.setId("client-link-" + id);
        link.addClassName("attune-therapist-name");
        var head = new Div(link);
        head.addClassName("attune-therapist-row-head");
        for (var reason : row.reasons()) {
            var badge = new Span(getTranslation("therapist.reason." + reason.name()));
            badge.addClassNames(
                    "attune-therapist-badge",
                    "attune-therapist-badge-" + reason.name().toLowerCase());
            head.add(badge);
        }
        div.add(head);
        var summary = row.summary();
        var details = new Div();
        details.addClassName("attune-therapist-row-details");
        if (summary != null && summary.moodShared()) {
            var spark =
                    new Svg(SvgCharts.sparkline(getTranslation("therapist.sparkline"), summary.recentMood(), 0, 10));
            spark.setId("sparkline-" + id);
            spark.addClassName("attune-therapist-sparkline");
            var last = new Span(
                    summary.lastCheckInAt() == null
                            ? getTranslation("therapist.last-checkin.none")
                            : getTranslation("therapist.last-checkin", time.dateTime(summary.lastCheckInAt())));
            last.setId("last-checkin-" + id);
            details.add(spark, last);
        } else if (summary == null) {
            var last = new Span(getTranslation("therapist.last-checkin.unknown"));
            last.setId("last-checkin-" + id);
            details.add(last);
        }
        var shares = new Span(getTranslation("clients.shares") + " " + labels(grant.dataClasses()) + " — "
                + getTranslation("sharing.since") + " " + time.date(grant.startsAt()));
        shares.addClassName("attune-therapist-muted");
        details.add(shares);
        div.add(details);
        return div;
    }

    private String labels(java.util.Set<DataClass> classes) {
        return classes.stream()
                .sorted()
                .map(c -> getTranslation("dataclass." + c.name()))
                .collect(Collectors.joining(", "));
    }

    private void notice(String text) {
        status.setText(text);
        status.setVisible(true);
    }

    @Override
    protected void onSignal(LiveUpdates.Signal signal) {
        var snapshot = load();
        inUi(() -> {
            if (signal.kind() == LiveUpdates.Kind.SHARING_ENDED) {
                notice(getTranslation("therapist.sharing-ended"));
            }
            show(snapshot);
        });
    }

    @Override
    protected void onPoll() {
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("clients.page-title");
    }
}

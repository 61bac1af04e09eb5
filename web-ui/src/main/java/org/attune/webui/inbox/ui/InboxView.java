package org.attune.webui.inbox.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.attune.webui.alerts.ClientAlertsGateway;
import org.attune.webui.alerts.ui.RecentAlertsSection;
import org.attune.webui.inbox.InboxGateway;
import org.attune.webui.inbox.InboxGateway.Item;
import org.attune.webui.inbox.InboxGateway.Outcome;
import org.attune.webui.security.Caller;
import org.attune.webui.settings.ReminderChoices;

/**
 * The signed-in person's inbox: reminders and messages, each readable, dismissable and (unless it is about safety)
 * snoozable with one choice; a reminder can also mute its kind or pause all reminders for a week with one tap. Safety
 * messages stand out and stay until dismissed. A client also sees, above them, whether their therapist has seen their
 * recent safety alerts.
 */
@Route("inbox")
@RolesAllowed({"CLIENT", "THERAPIST"})
class InboxView extends Main implements HasDynamicTitle {

    /** Snooze choices in minutes; the service allows 1 to 1440. */
    static final List<Integer> SNOOZE_MINUTES = List.of(60, 180, 1440);

    /** Therapist messages that lead to the client's dashboard; an ended consent has no dashboard to open. */
    static final Set<String> LINKS_TO_CLIENT = Set.of("safety-alert", "safety-alert-escalated", "rupture-signal");

    final Paragraph status = new Paragraph();
    final Div items = new Div();
    final Button more = new Button();
    final Button retry = new Button();

    private final InboxGateway inbox;
    private final ReminderChoices reminderChoices;
    private final Caller caller;
    private final List<Item> loaded = new ArrayList<>();
    private int nextPage;

    InboxView(InboxGateway inbox, ClientAlertsGateway alerts, ReminderChoices reminderChoices) {
        this.inbox = inbox;
        this.reminderChoices = reminderChoices;
        this.caller = Caller.current().orElseThrow();
        addClassNames("attune-page", "attune-inbox");
        status.setId("inbox-status");
        status.getElement().setAttribute("aria-live", "polite");
        items.setId("inbox-items");
        more.setId("inbox-more");
        more.setText(getTranslation("inbox.more"));
        more.addClickListener(e -> loadPage());
        retry.setId("inbox-retry");
        retry.setText(getTranslation("inbox.retry"));
        retry.addClickListener(e -> reload());
        add(new H1(getTranslation("inbox.title")));
        if (caller.isClient()) {
            // Whether the therapist has seen the client's recent safety alerts, above the messages.
            add(new RecentAlertsSection(alerts, caller));
        }
        add(status, items, more, retry);
        reload();
    }

    void reload() {
        loaded.clear();
        nextPage = 0;
        loadPage();
    }

    private void loadPage() {
        var page = inbox.page(caller, nextPage);
        retry.setVisible(page.isEmpty());
        if (page.isEmpty()) {
            more.setVisible(false);
            if (loaded.isEmpty()) {
                items.removeAll();
            }
            status.setText(getTranslation("inbox.unavailable"));
            return;
        }
        loaded.addAll(page.get().items());
        nextPage++;
        more.setVisible(loaded.size() < page.get().total());
        show(page.get().unread());
    }

    private void show(long unread) {
        items.removeAll();
        if (loaded.isEmpty()) {
            status.setText(getTranslation(caller.isTherapist() ? "inbox.empty.therapist" : "inbox.empty.client"));
            return;
        }
        status.setText(unread == 0 ? getTranslation("inbox.all-read") : getTranslation("inbox.unread", unread));
        // Safety first; the service's own order (unread, then newest) otherwise.
        loaded.stream().sorted(Comparator.comparing((Item i) -> !i.urgent())).forEach(item -> items.add(card(item)));
    }

    private Div card(Item item) {
        var card = new Div();
        card.setId("inbox-item-" + item.id());
        card.addClassName("attune-inbox-item");
        if (item.unread()) {
            card.addClassName("attune-inbox-unread");
        }
        if (item.urgent()) {
            card.addClassName("attune-inbox-urgent");
            card.getElement().setAttribute("role", "alert");
            var badge = new Span(getTranslation("inbox.safety"));
            badge.addClassName("attune-inbox-badge");
            card.add(badge);
        }
        card.add(new H2(item.title()));
        if (item.body() != null && !item.body().isBlank()) {
            card.add(new Paragraph(item.body()));
        }
        var meta = new Span((item.unread() ? getTranslation("inbox.new") + " · " : "") + when(item.deliveredAt()));
        meta.addClassName("attune-inbox-meta");
        card.add(meta);

        var actions = new Div();
        actions.addClassName("attune-inbox-actions");
        var dashboard = dashboardOf(item);
        if (item.urgent()) {
            if ("crisis-resources".equals(item.kind()) || caller.isClient()) {
                actions.add(new Anchor("help", getTranslation("inbox.safety.help")));
            } else if (dashboard == null) {
                actions.add(new Anchor("clients", getTranslation("inbox.safety.clients")));
            }
        }
        if (dashboard != null) {
            var open = new Anchor(dashboard, getTranslation("inbox.client.open"));
            open.setId("inbox-client-" + item.id());
            open.getElement().setAttribute("aria-label", getTranslation("inbox.client.open-label", item.title()));
            actions.add(open);
        }
        if (item.unread()) {
            var read = new Button(getTranslation("inbox.read"), e -> act(inbox.markRead(caller, item.id())));
            read.setId("inbox-read-" + item.id());
            read.addThemeVariants(ButtonVariant.TERTIARY);
            read.getElement().setAttribute("aria-label", getTranslation("inbox.read-label", item.title()));
            actions.add(read);
        }
        if (!item.urgent()) {
            var snooze = new Select<Integer>();
            snooze.setId("inbox-snooze-" + item.id());
            snooze.setLabel(getTranslation("inbox.snooze"));
            snooze.setPlaceholder(getTranslation("inbox.snooze.placeholder"));
            snooze.setItems(SNOOZE_MINUTES);
            snooze.setItemLabelGenerator(m -> getTranslation("inbox.snooze." + m));
            snooze.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    act(inbox.snooze(caller, item.id(), e.getValue()));
                    // Still here when it did not work: ready for another try.
                    snooze.clear();
                }
            });
            actions.add(snooze);
        } else {
            var stays = new Span(getTranslation("inbox.safety.stays"));
            stays.addClassName("attune-inbox-meta");
            actions.add(stays);
        }
        var dismiss = new Button(getTranslation("inbox.dismiss"), e -> act(inbox.dismiss(caller, item.id())));
        dismiss.setId("inbox-dismiss-" + item.id());
        dismiss.addThemeVariants(ButtonVariant.TERTIARY);
        dismiss.getElement().setAttribute("aria-label", getTranslation("inbox.dismiss-label", item.title()));
        actions.add(dismiss);
        card.add(actions);
        if (ReminderChoiceButtons.offeredFor(item)) {
            card.add(new ReminderChoiceButtons(item, reminderChoices, caller, status::setText));
        }
        return card;
    }

    /** {@code clients/<id>} for a therapist's safety alert or rupture signal about a client; null otherwise. */
    private String dashboardOf(Item item) {
        if (!caller.isTherapist() || item.clientId() == null || !LINKS_TO_CLIENT.contains(item.kind())) {
            return null;
        }
        try {
            return "clients/" + UUID.fromString(item.clientId());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private void act(Outcome outcome) {
        switch (outcome) {
            case DONE, GONE -> {
                reload();
                if (outcome == Outcome.GONE) {
                    status.setText(getTranslation("inbox.gone"));
                }
            }
            case NOT_ALLOWED -> {
                reload();
                status.setText(getTranslation("inbox.not-allowed"));
            }
            case UNAVAILABLE -> status.setText(getTranslation("inbox.action-failed"));
        }
    }

    private String when(Instant at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale())
                .format(at.atZone(zone()));
    }

    private static ZoneId zone() {
        var ui = UI.getCurrent();
        var details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        try {
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inbox.page-title");
    }
}

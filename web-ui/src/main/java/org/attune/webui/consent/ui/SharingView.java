package org.attune.webui.consent.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.attune.events.DataClass;
import org.attune.kit.web.InvalidRequestException;
import org.attune.webui.account.Account;
import org.attune.webui.account.Accounts;
import org.attune.webui.consent.AccessLogs;
import org.attune.webui.consent.ConsentException;
import org.attune.webui.consent.Grant;
import org.attune.webui.consent.GrantStatus;
import org.attune.webui.consent.Grants;
import org.attune.webui.consent.Invitations;
import org.attune.webui.security.Caller;

/**
 * The client's sharing screen: share with a therapist (by email or invitation code), see who sees what since when,
 * stop any sharing with one click, and see who looked at what.
 */
@Route("sharing")
@RolesAllowed("CLIENT")
class SharingView extends Main implements HasDynamicTitle {

    final EmailField therapistEmail = new EmailField();
    final CheckboxGroup<DataClass> dataClasses = new CheckboxGroup<>();
    final DatePicker endsOn = new DatePicker();
    final Button share = new Button();
    final TextField invitationCode = new TextField();
    final Button acceptInvitation = new Button();
    final Div current = new Div();
    final Div past = new Div();
    final Div accessLog = new Div();

    private final Grants grants;
    private final Invitations invitations;
    private final Accounts accounts;
    private final AccessLogs accessLogs;
    private final Clock clock;
    private final Caller caller;
    private final DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    private final DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM);

    SharingView(Grants grants, Invitations invitations, Accounts accounts, AccessLogs accessLogs, Clock clock) {
        this.grants = grants;
        this.invitations = invitations;
        this.accounts = accounts;
        this.accessLogs = accessLogs;
        this.clock = clock;
        this.caller = Caller.current().orElseThrow();
        addClassName("attune-page");

        therapistEmail.setLabel(getTranslation("sharing.therapist-email"));
        therapistEmail.setWidthFull();
        dataClasses.setLabel(getTranslation("sharing.data-classes"));
        dataClasses.setItems(DataClass.values());
        dataClasses.setItemLabelGenerator(c -> DataClassLabels.label(this, c));
        endsOn.setLabel(getTranslation("sharing.ends"));
        endsOn.setMin(LocalDate.now(clock).plusDays(1));
        endsOn.setClearButtonVisible(true);
        share.setText(getTranslation("sharing.submit"));
        share.addThemeVariants(ButtonVariant.PRIMARY);
        share.addClickListener(e -> shareByEmail());
        invitationCode.setLabel(getTranslation("sharing.invitation.code"));
        acceptInvitation.setText(getTranslation("sharing.invitation.submit"));
        acceptInvitation.addClickListener(e -> acceptInvitation());

        add(
                new H1(getTranslation("sharing.title")),
                new Paragraph(getTranslation("sharing.intro")),
                new H2(getTranslation("sharing.current.title")),
                current,
                new H2(getTranslation("sharing.new.title")),
                therapistEmail,
                dataClasses,
                endsOn,
                share,
                new H2(getTranslation("sharing.invitation.title")),
                invitationCode,
                acceptInvitation,
                new H2(getTranslation("sharing.access.title")),
                accessLog,
                new H2(getTranslation("sharing.past.title")),
                past,
                new Paragraph(new Anchor("help", getTranslation("welcome.help-link"))));
        refresh();
        showAccessLog();
    }

    private void shareByEmail() {
        therapistEmail.setInvalid(false);
        dataClasses.setInvalid(false);
        try {
            grants.grantByEmail(caller, therapistEmail.getValue(), selectedClasses(), endsAt());
            therapistEmail.clear();
            dataClasses.clear();
            endsOn.clear();
            Notification.show(getTranslation("sharing.shared"));
            refresh();
        } catch (InvalidRequestException invalid) {
            showProblems(invalid, therapistEmail);
        } catch (ConsentException refused) {
            therapistEmail.setErrorMessage(refused.getMessage());
            therapistEmail.setInvalid(true);
        }
    }

    private void acceptInvitation() {
        invitationCode.setInvalid(false);
        dataClasses.setInvalid(false);
        try {
            invitations.accept(caller, invitationCode.getValue(), selectedClasses(), endsAt());
            invitationCode.clear();
            dataClasses.clear();
            Notification.show(getTranslation("sharing.shared"));
            refresh();
        } catch (InvalidRequestException invalid) {
            showProblems(invalid, invitationCode);
        } catch (ConsentException refused) {
            invitationCode.setErrorMessage(refused.getMessage());
            invitationCode.setInvalid(true);
        }
    }

    private void showProblems(InvalidRequestException invalid, HasValidationProperties other) {
        for (var problem : invalid.problems()) {
            if (problem.field().equals("dataClasses")) {
                dataClasses.setErrorMessage(capitalise(problem.message()));
                dataClasses.setInvalid(true);
            } else if (problem.field().equals("endsAt")) {
                endsOn.setErrorMessage(capitalise(problem.message()));
                endsOn.setInvalid(true);
            } else {
                other.setErrorMessage(capitalise(problem.message()));
                other.setInvalid(true);
            }
        }
    }

    private Set<DataClass> selectedClasses() {
        var selected = dataClasses.getValue();
        return selected == null || selected.isEmpty() ? Set.of() : EnumSet.copyOf(selected);
    }

    private Instant endsAt() {
        var day = endsOn.getValue();
        return day == null
                ? null
                : day.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    void refresh() {
        current.removeAll();
        past.removeAll();
        var all = grants.list(caller);
        var live = all.stream().filter(Grant::isLive).toList();
        if (live.isEmpty()) {
            current.add(new Paragraph(getTranslation("sharing.none")));
        }
        for (var grant : live) {
            var row = new Div();
            row.addClassName("attune-grant");
            var text = new Span(therapistName(grant) + " — " + DataClassLabels.labels(this, grant.dataClasses()) + " — "
                    + getTranslation("sharing.since") + " " + date(grant.startsAt())
                    + (grant.endsAt() == null
                            ? ""
                            : ", " + getTranslation("sharing.until") + " " + date(grant.endsAt())));
            var revoke = new Button(getTranslation("sharing.revoke"), e -> {
                grants.revoke(caller, grant.id());
                Notification.show(getTranslation("sharing.revoked"));
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.ERROR);
            row.add(text, revoke);
            current.add(row);
        }
        for (var grant :
                all.stream().filter(g -> g.status() == GrantStatus.INACTIVE).toList()) {
            past.add(new Paragraph(therapistName(grant) + " — " + DataClassLabels.labels(this, grant.dataClasses())
                    + " — " + date(grant.startsAt()) + " – " + date(grant.endedAt())));
        }
    }

    private void showAccessLog() {
        accessLog.removeAll();
        var gathered = accessLogs.gather(caller);
        if (gathered.entries().isEmpty()) {
            accessLog.add(new Paragraph(getTranslation("sharing.access.none")));
        }
        for (var entry : gathered.entries()) {
            // web-ui holds the accounts: a reader it no longer knows has erased their account.
            var who = entry.therapistId() == null
                    ? (entry.therapistErased() ? capitalise(getTranslation("sharing.access.erased-therapist")) : "?")
                    : accounts.byId(entry.therapistId())
                            .map(Account::displayName)
                            .orElseGet(() -> capitalise(getTranslation("sharing.access.erased-therapist")));
            var what = entry.dataClass() == null
                    ? "?"
                    : java.util.Arrays.stream(DataClass.values())
                            .filter(c -> c.name().equals(entry.dataClass()))
                            .map(c -> DataClassLabels.label(this, c))
                            .findFirst()
                            .orElse(entry.dataClass());
            accessLog.add(new Paragraph(who + " — " + what + " — " + (entry.at() == null ? "" : time(entry.at()))));
        }
        if (!gathered.unanswered().isEmpty()) {
            var names = gathered.unanswered().stream()
                    .map(s -> s.name().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining(", "));
            var notice = new Paragraph(getTranslation("sharing.access.unanswered", names));
            notice.addClassName("attune-notice");
            accessLog.add(notice);
        }
    }

    private String therapistName(Grant grant) {
        return accounts.byId(grant.therapistId()).map(Account::displayName).orElse("—");
    }

    private String date(Instant instant) {
        return instant == null ? "" : dates.format(instant.atZone(ZoneId.systemDefault()));
    }

    private String time(Instant instant) {
        return times.format(instant.atZone(ZoneId.systemDefault()));
    }

    private static String capitalise(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sharing.page-title");
    }
}

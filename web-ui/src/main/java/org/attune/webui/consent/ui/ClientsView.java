package org.attune.webui.consent.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.attune.webui.account.Account;
import org.attune.webui.account.Accounts;
import org.attune.webui.consent.Grants;
import org.attune.webui.consent.Invitations;
import org.attune.webui.security.Caller;

/**
 * A therapist's clients: only those who share with them now. The list refreshes every few seconds, so a client who
 * stops sharing disappears from an open page without a reload.
 */
@Route("clients")
@RolesAllowed("THERAPIST")
class ClientsView extends Main implements HasDynamicTitle {

    static final int POLL_MILLIS = 3000;

    final Div clients = new Div();
    final Button invite = new Button();
    final Paragraph invitation = new Paragraph();

    private final Grants grants;
    private final Accounts accounts;
    private final Caller caller;

    ClientsView(Grants grants, Invitations invitations, Accounts accounts) {
        this.grants = grants;
        this.accounts = accounts;
        this.caller = Caller.current().orElseThrow();
        addClassName("attune-page");
        invite.setText(getTranslation("clients.invite"));
        invite.addClickListener(e -> {
            var issued = invitations.invite(caller);
            invitation.setText(getTranslation("clients.invite.code", issued.code()));
            invitation.setVisible(true);
        });
        invitation.setVisible(false);
        invitation.addClassName("attune-notice");
        add(
                new H1(getTranslation("clients.title")),
                new Paragraph(getTranslation("clients.intro")),
                clients,
                invite,
                invitation,
                new Paragraph(new Anchor("help", getTranslation("welcome.help-link"))));
        refresh();
    }

    private Registration polling;

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MILLIS);
        polling = event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    void refresh() {
        clients.removeAll();
        var active = grants.activeFor(caller);
        if (active.isEmpty()) {
            clients.add(new Paragraph(getTranslation("clients.none")));
        }
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
        for (var grant : active) {
            var name = accounts.byId(grant.clientId()).map(Account::displayName).orElse("—");
            var row = new Paragraph(name + " — " + getTranslation("clients.shares") + " "
                    + DataClassLabels.labels(this, grant.dataClasses()) + " — " + getTranslation("sharing.since") + " "
                    + dates.format(grant.startsAt().atZone(ZoneId.systemDefault())));
            row.addClassName("attune-client");
            clients.add(row);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("clients.page-title");
    }
}

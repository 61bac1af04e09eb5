package org.attune.webui.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.attune.events.Role;
import org.attune.webui.account.Accounts;
import org.attune.webui.identity.EmailVerification;
import org.attune.webui.identity.ThrottledException;
import org.attune.webui.security.Caller;

/**
 * Where the verification link leads ({@code ?token=…}: one button uses it), and the one page a signed-in account with
 * an unverified email may see (the link can be sent again from here).
 */
@Route(value = VerifyEmailView.ROUTE, autoLayout = false)
@AnonymousAllowed
class VerifyEmailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "verify-email";

    final Paragraph message = new Paragraph();
    final Button confirm = new Button();
    final Button resend = new Button();
    final Paragraph notice = new Paragraph();
    final Anchor next = new Anchor();

    private final EmailVerification verification;
    private final Accounts accounts;
    private final AuthenticationContext authentication;
    private String token;

    VerifyEmailView(EmailVerification verification, Accounts accounts, AuthenticationContext authentication) {
        this.verification = verification;
        this.accounts = accounts;
        this.authentication = authentication;
        addClassName("attune-page");
        confirm.setText(getTranslation("verify.submit"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(e -> confirm());
        resend.setText(getTranslation("verify.resend"));
        resend.addClickListener(e -> resend());
        notice.addClassName("attune-notice");
        message.setId("verify-message");
        confirm.setId("verify-confirm");
        resend.setId("verify-resend");
        notice.setId("verify-notice");
        next.setId("verify-next");
        var signOut = new Button(getTranslation("verify.sign-out"), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        signOut.setVisible(authentication.isAuthenticated());
        add(
                new H1(getTranslation("verify.title")),
                message,
                confirm,
                resend,
                notice,
                new Paragraph(next),
                signOut,
                new Paragraph(new Anchor("help", getTranslation("welcome.help-link"))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("token")
                .orElse(null);
        confirm.setVisible(false);
        resend.setVisible(false);
        notice.setVisible(false);
        next.setVisible(false);
        if (token != null) {
            message.setText(getTranslation("verify.with-link"));
            confirm.setVisible(true);
            return;
        }
        var account = Caller.current().flatMap(caller -> accounts.byId(caller.id()));
        if (account.isEmpty()) {
            message.setText(getTranslation("verify.without-link"));
            showNext("login", "verify.sign-in");
        } else if (account.get().emailVerified()) {
            message.setText(getTranslation("verify.done"));
            showNext(home(account.get().role()), "verify.continue");
        } else {
            message.setText(getTranslation("verify.waiting", account.get().email()));
            resend.setVisible(true);
        }
    }

    private void confirm() {
        confirm.setVisible(false);
        if (verification.verify(token)) {
            message.setText(getTranslation("verify.done"));
            var role = Caller.current().map(Caller::role);
            showNext(
                    role.map(VerifyEmailView::home).orElse("login"),
                    role.isPresent() ? "verify.continue" : "verify.sign-in");
        } else {
            message.setText(getTranslation("verify.invalid"));
            showNext("login", "verify.sign-in");
        }
    }

    private void resend() {
        try {
            Caller.current().ifPresent(caller -> verification.resend(caller.id(), ClientAddress.of()));
            notice.setText(getTranslation("verify.resent"));
        } catch (ThrottledException throttled) {
            notice.setText(getTranslation("account.throttled"));
        }
        notice.setVisible(true);
    }

    private void showNext(String href, String key) {
        next.setHref(href);
        next.setText(getTranslation(key));
        next.setVisible(true);
    }

    private static String home(Role role) {
        return role == Role.THERAPIST ? "clients" : "today";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.page-title");
    }
}

package org.attune.webui.signin.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import java.util.Set;
import org.attune.webui.signin.SignInPolicy;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Someone signed in with their first factor only is taken to the second step from wherever they try to go, except
 * the crisis lines (always one click away) and the sign-in pages. Registered through Vaadin's service-init event,
 * which comes before Vaadin's own view access control, so this runs first.
 */
@Component
class SignInGuard {

    static final Set<String> OPEN_DURING_SIGN_IN = Set.of("second-factor", "help", "login", "passkey-sign-in");

    private final SignInPolicy policy;

    SignInGuard(SignInPolicy policy) {
        this.policy = policy;
    }

    @EventListener
    void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        if (policy.awaitsSecondFactor(SecurityContextHolder.getContext().getAuthentication())
                && !OPEN_DURING_SIGN_IN.contains(event.getLocation().getPath())) {
            event.rerouteTo(SecondFactorView.class);
        }
    }
}

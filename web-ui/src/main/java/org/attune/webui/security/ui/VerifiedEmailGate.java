package org.attune.webui.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Set;
import org.attune.webui.security.AccountSessions;
import org.attune.webui.security.Caller;
import org.springframework.stereotype.Component;

/**
 * A signed-in account whose email is not verified yet sees only the page that verifies it (and can send the link
 * again), plus the pages open to everyone in need: crisis help and password recovery. Every navigation is checked
 * against the stored account, so verifying in another browser opens everything here at once.
 */
@Component
class VerifiedEmailGate implements VaadinServiceInitListener {

    static final String VERIFY_ROUTE = "verify-email";
    private static final Set<String> OPEN = Set.of(VERIFY_ROUTE, "help", "forgot-password", "reset-password");

    private final AccountSessions sessions;

    VerifiedEmailGate(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        if (OPEN.contains(event.getLocation().getFirstSegment())) {
            return;
        }
        Caller.current()
                .filter(caller -> sessions.status(caller) == AccountSessions.Status.UNVERIFIED)
                .ifPresent(caller -> event.forwardTo(VERIFY_ROUTE));
    }
}

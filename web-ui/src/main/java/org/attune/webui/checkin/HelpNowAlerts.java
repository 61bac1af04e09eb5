package org.attune.webui.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.attune.webui.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Raises the safety flag when a client asks for help now, once: opening the page again (a refresh, a second tab)
 * within {@link #REPEAT_WINDOW} of a flag that was stored raises no second one. A flag that could not be stored is
 * tried again on the next opening.
 */
@Component
public class HelpNowAlerts {

    public static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);

    /** What happened to the alert. */
    public enum Result {
        /** The flag was stored just now; a therapist with safety alerts shared will be told. */
        RAISED,
        /** A flag was stored a few minutes ago; no second one. */
        ALREADY_RAISED,
        /** The flag could not be stored: no therapist will be alerted. */
        NOT_RAISED,
        /** Not a client (or not signed in): no flag is raised. */
        NOT_A_CLIENT
    }

    private final CheckinGateway gateway;
    private final Clock clock;
    private final ConcurrentMap<UUID, Raised> raised = new ConcurrentHashMap<>();

    /** One raise; compared by identity, so two at the same instant are still told apart. */
    private static final class Raised {
        final Instant at;

        Raised(Instant at) {
            this.at = at;
        }
    }

    HelpNowAlerts(CheckinGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    public Result raise(Caller caller) {
        if (caller == null || !caller.isClient()) {
            return Result.NOT_A_CLIENT;
        }
        var now = clock.instant();
        raised.values().removeIf(r -> !r.at.plus(REPEAT_WINDOW).isAfter(now));
        // Reserve first, so two tabs opening at once raise one flag between them.
        var mine = new Raised(now);
        if (raised.merge(caller.id(), mine, (earlier, ignored) -> earlier) != mine) {
            return Result.ALREADY_RAISED;
        }
        boolean stored;
        try {
            stored = gateway.raiseHelpNow(caller);
        } catch (RuntimeException e) {
            stored = false;
        }
        if (!stored) {
            raised.remove(caller.id(), mine);
            return Result.NOT_RAISED;
        }
        return Result.RAISED;
    }
}

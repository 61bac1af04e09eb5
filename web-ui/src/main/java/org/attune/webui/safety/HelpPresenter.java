package org.attune.webui.safety;

import java.time.Clock;
import java.util.Optional;
import org.attune.webui.checkin.CheckinGateway;
import org.attune.webui.security.Caller;
import org.springframework.stereotype.Component;

/**
 * What the help page shows a signed-in client besides the crisis lines, and its one action. Opening the page only
 * reads; a safety flag is raised only by {@link #tellTherapist}, once per press, never held back.
 */
@Component
public class HelpPresenter {

    /**
     * Everything the page shows beside the lines; {@code plan} is empty when checkin-service did not answer,
     * {@code recipients} is -1 when the grants could not be read.
     */
    public record HelpPage(Optional<SafetyPlan> plan, long recipients, AlertsSeen seen) {}

    private final SafetyGateway safety;
    private final CheckinGateway checkins;
    private final AlertRecipients recipients;
    private final Clock clock;

    HelpPresenter(SafetyGateway safety, CheckinGateway checkins, AlertRecipients recipients, Clock clock) {
        this.safety = safety;
        this.checkins = checkins;
        this.recipients = recipients;
        this.clock = clock;
    }

    public HelpPage load(Caller client) {
        long count;
        try {
            count = recipients.count(client);
        } catch (RuntimeException unreadable) {
            count = -1;
        }
        return new HelpPage(safety.plan(client), count, seen(client));
    }

    /** Raises a HELP_NOW flag; true when checkin-service stored it (so an alert follows). */
    public boolean tellTherapist(Caller client) {
        try {
            return checkins.raiseHelpNow(client);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The client's safety alerts of the last days and how many a therapist has acknowledged; 0 of 0 if unknown. */
    public AlertsSeen seen(Caller client) {
        var since = clock.instant().minus(AlertsSeen.RECENT);
        return safety.ownFlags(client)
                .map(flags -> {
                    var recent = flags.stream()
                            .filter(f -> f.raisedAt() != null && f.raisedAt().isAfter(since))
                            .toList();
                    return new AlertsSeen(recent.size(), (int) recent.stream()
                            .filter(SafetyGateway.OwnFlag::acknowledged)
                            .count());
                })
                .orElse(new AlertsSeen(0, 0));
    }
}

package org.attune.webui.safety;

import java.time.Clock;
import org.attune.events.DataClass;
import org.attune.webui.consent.Grant;
import org.attune.webui.consent.GrantStatus;
import org.attune.webui.consent.Grants;
import org.attune.webui.security.Caller;
import org.springframework.stereotype.Component;

/** The therapists with an active grant that includes SAFETY_ALERTS, from web-ui's own grants. */
@Component
class GrantAlertRecipients implements AlertRecipients {

    private final Grants grants;
    private final Clock clock;

    GrantAlertRecipients(Grants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public long count(Caller client) {
        var now = clock.instant();
        return grants.list(client).stream()
                .filter(g -> g.status() == GrantStatus.ACTIVE)
                .filter(g -> g.startsAt() == null || !g.startsAt().isAfter(now))
                .filter(g -> g.endsAt() == null || g.endsAt().isAfter(now))
                .filter(g -> g.dataClasses().contains(DataClass.SAFETY_ALERTS))
                .map(Grant::therapistId)
                .distinct()
                .count();
    }
}

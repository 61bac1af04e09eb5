package org.attune.webui.consent;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Revokes grants whose end date has passed ({@code ConsentEndReason.EXPIRED}). */
@Component
class ConsentExpiry {

    private final Grants grants;

    ConsentExpiry(Grants grants) {
        this.grants = grants;
    }

    @Scheduled(fixedDelayString = "${attune.consent.expiry-interval:30s}")
    void run() {
        grants.expire();
    }
}

package org.attune.notification.messaging;

import org.attune.events.AccountErased;
import org.attune.events.AttuneEvent;
import org.attune.events.Topics;
import org.attune.notification.privacy.AccountData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies account lifecycle events once each: an erased account's data is deleted from every collection. */
@Component
class AccountEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AccountEventsListener.class);

    private final AppliedEvents appliedEvents;
    private final AccountData accountData;

    AccountEventsListener(AppliedEvents appliedEvents, AccountData accountData) {
        this.appliedEvents = appliedEvents;
        this.accountData = accountData;
    }

    @KafkaListener(topics = Topics.ACCOUNTS)
    void on(AttuneEvent event) {
        if (!(event instanceof AccountErased erased)) {
            return;
        }
        if (Boolean.TRUE.equals(appliedEvents.seen(erased.eventId()).block())) {
            return;
        }
        // Erasing is idempotent: apply first, remember after, so a crash in between repeats it rather than skips it.
        accountData.erase(erased.clientId().toString()).block();
        if (Boolean.TRUE.equals(
                appliedEvents.firstTime(erased.eventId(), Topics.ACCOUNTS).block())) {
            log.info("Applied AccountErased {}", erased.eventId());
        }
    }
}

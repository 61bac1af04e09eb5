package org.attune.webui.messaging;

import java.time.Duration;
import org.attune.events.AccountErased;
import org.attune.events.AttuneEvent;
import org.attune.events.Topics;
import org.attune.kit.messaging.AppliedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies account lifecycle events once each; the erasure itself lands with the accounts feature. */
@Component
class AccountEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AccountEventsListener.class);

    private final AppliedEvents appliedEvents;

    AccountEventsListener(AppliedEvents appliedEvents) {
        this.appliedEvents = appliedEvents;
    }

    @KafkaListener(topics = Topics.ACCOUNTS)
    void on(AttuneEvent event) {
        if (!(event instanceof AccountErased erased)) {
            return;
        }
        if (Boolean.TRUE.equals(
                appliedEvents.firstTime(erased.eventId(), Topics.ACCOUNTS).block(Duration.ofSeconds(30)))) {
            log.info("Applied AccountErased {}", erased.eventId());
        }
    }
}

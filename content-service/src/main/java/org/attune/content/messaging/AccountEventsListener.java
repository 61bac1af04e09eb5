package org.attune.content.messaging;

import java.time.Duration;
import org.attune.content.privacy.AccountErasure;
import org.attune.events.AccountErased;
import org.attune.events.AttuneEvent;
import org.attune.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies account lifecycle events once each: an erased account leaves nothing behind in this service. */
@Component
class AccountEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AccountEventsListener.class);

    private final AppliedEvents appliedEvents;
    private final AccountErasure erasure;

    AccountEventsListener(AppliedEvents appliedEvents, AccountErasure erasure) {
        this.appliedEvents = appliedEvents;
        this.erasure = erasure;
    }

    @KafkaListener(topics = Topics.ACCOUNTS)
    void on(AttuneEvent event) {
        if (!(event instanceof AccountErased erased)) {
            return;
        }
        if (Boolean.TRUE.equals(appliedEvents
                .applyOnce(erased.eventId(), Topics.ACCOUNTS, erasure.erase(erased.clientId()))
                .block(Duration.ofSeconds(30)))) {
            log.info("Applied AccountErased {}", erased.eventId());
        }
    }
}

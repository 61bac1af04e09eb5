package org.attune.kit.erasure;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.attune.events.AccountErased;
import org.attune.events.AttuneEvent;
import org.attune.events.Topics;
import org.attune.kit.messaging.AppliedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/** Applies account lifecycle events once each: an erased account leaves nothing behind in the service. */
class AccountEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AccountEventsListener.class);

    private final AppliedEvents appliedEvents;
    private final Erasure erasure;

    AccountEventsListener(AppliedEvents appliedEvents, Erasure erasure) {
        this.appliedEvents = appliedEvents;
        this.erasure = erasure;
    }

    @KafkaListener(topics = Topics.ACCOUNTS)
    void on(ConsumerRecord<String, AttuneEvent> record) {
        if (!(record.value() instanceof AccountErased erased)) {
            return;
        }
        var apply = erasure.erase(erased.clientId(), erased.role(), erased.occurredAt());
        if (Boolean.TRUE.equals(appliedEvents
                .applyOnce(erased.eventId(), Topics.ACCOUNTS, apply)
                .block(Duration.ofMinutes(2)))) {
            log.info("Applied AccountErased {}", erased.eventId());
        }
    }
}

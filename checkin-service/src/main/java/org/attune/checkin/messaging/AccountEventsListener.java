package org.attune.checkin.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.attune.checkin.erasure.Erasure;
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
        if (Boolean.TRUE.equals(appliedEvents
                .applyOnce(erased.eventId(), Topics.ACCOUNTS, erasure.erase(erased.clientId(), erased.occurredAt()))
                .block())) {
            log.info("Applied AccountErased {}", erased.eventId());
        }
    }
}

package org.attune.content.recommendation;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.attune.events.AttuneEvent;
import org.attune.events.Topics;
import org.attune.kit.erasure.ConsumedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds check-ins, questionnaire results, session feedback and safety flags to the rules, once per event, and never
 * for an account that was erased (a late or replayed event must not recommend anything to it).
 */
@Component
class RecommendationListener {

    private final RecommendationEngine engine;
    private final ConsumedEvents consumedEvents;

    RecommendationListener(RecommendationEngine engine, ConsumedEvents consumedEvents) {
        this.engine = engine;
        this.consumedEvents = consumedEvents;
    }

    @KafkaListener(
            topics = {Topics.CHECKINS, Topics.QUESTIONNAIRES, Topics.SESSION_FEEDBACK, Topics.SAFETY},
            groupId = "${spring.application.name}.recommendations")
    void on(ConsumerRecord<String, AttuneEvent> record) {
        AttuneEvent event = record.value();
        if (event == null) {
            return; // a tombstone carries no event
        }
        consumedEvents
                .applyOnce(event, record.topic(), engine.consider(event).then())
                .block(Duration.ofSeconds(30));
    }
}

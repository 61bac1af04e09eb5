package org.attune.content.recommendation;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.attune.content.messaging.AppliedEvents;
import org.attune.events.AttuneEvent;
import org.attune.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds check-ins, questionnaire results, session feedback and safety flags to the rules, once per event. */
@Component
class RecommendationListener {

    private final RecommendationEngine engine;
    private final AppliedEvents appliedEvents;

    RecommendationListener(RecommendationEngine engine, AppliedEvents appliedEvents) {
        this.engine = engine;
        this.appliedEvents = appliedEvents;
    }

    @KafkaListener(
            topics = {Topics.CHECKINS, Topics.QUESTIONNAIRES, Topics.SESSION_FEEDBACK, Topics.SAFETY},
            groupId = "${spring.application.name}.recommendations")
    void on(ConsumerRecord<String, AttuneEvent> record) {
        AttuneEvent event = record.value();
        appliedEvents
                .applyOnce(
                        event.eventId(), record.topic(), engine.consider(event).then())
                .block(Duration.ofSeconds(30));
    }
}

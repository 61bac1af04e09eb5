package org.attune.checkin.measures;

import java.time.Duration;
import org.attune.events.AttuneEvent;
import org.attune.events.TimeZoneChosen;
import org.attune.events.Topics;
import org.attune.kit.erasure.ConsumedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns each client's time zone from their reminder settings (notification-service announces every save). */
@Component
class TimeZoneEvents {

    private final ConsumedEvents consumed;
    private final ClientZones zones;

    TimeZoneEvents(ConsumedEvents consumed, ClientZones zones) {
        this.consumed = consumed;
        this.zones = zones;
    }

    @KafkaListener(topics = Topics.NOTIFICATIONS, groupId = "${spring.application.name}.time-zones")
    void on(AttuneEvent event) {
        if (event instanceof TimeZoneChosen chosen) {
            consumed.applyOnce(
                            chosen,
                            Topics.NOTIFICATIONS,
                            zones.remember(chosen.clientId(), chosen.timeZone(), chosen.occurredAt()))
                    .block(Duration.ofSeconds(30));
        }
    }
}

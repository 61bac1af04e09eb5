package org.attune.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.Channel;
import org.attune.events.EventJson;
import org.attune.events.NotificationDelivered;
import org.attune.events.Topics;
import org.attune.notification.support.IntegrationTestBase;
import org.attune.testsupport.EventProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Documents stored before the kit outbox keep their unpublished events, which go out once converted. */
class LegacyOutboxIT extends IntegrationTestBase {

    @Test
    void an_older_outbox_array_is_converted_and_its_events_are_published() throws Exception {
        clock.set(Instant.parse("2026-08-01T12:00:00Z"));
        var client = UUID.randomUUID();
        var pending = UUID.randomUUID().toString();
        var done = UUID.randomUUID().toString();
        var event = new NotificationDelivered(
                UUID.randomUUID(),
                clock.instant(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                client,
                UUID.fromString(pending),
                client,
                "content-assigned",
                Channel.IN_APP);
        mongo.insert(new Document("_id", pending).append("outbox", List.of(EventJson.write(event))), "notifications")
                .block();
        mongo.insert(new Document("_id", done).append("outbox", List.of()), "notifications")
                .block();

        try (var probe = EventProbe.open(bootstrap, Topics.NOTIFICATIONS)) {
            Outboxes.adoptLegacy(mongo, clock.instant()).block(Duration.ofSeconds(10));

            var published = probe.await(
                    NotificationDelivered.class, e -> e.eventId().equals(event.eventId()), Duration.ofSeconds(20));
            assertThat(published).isEqualTo(event);
        }
        await("sent events leave the outbox", () -> {
            var outbox = mongo.findById(pending, Document.class, "notifications")
                    .block()
                    .get("outbox", Document.class);
            return outbox != null && outbox.getList("events", String.class).isEmpty();
        });
        assertThat(mongo.findById(done, Document.class, "notifications").block())
                .doesNotContainKey("outbox");
    }
}

package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.Channel;
import org.attune.events.EventJson;
import org.attune.events.NotificationDelivered;
import org.attune.events.Topics;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.store.DueNotifications;
import org.attune.notification.store.EmailState;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationState;
import org.attune.notification.store.NotificationStore;
import org.attune.notification.support.Fleet;
import org.attune.notification.support.TestMail;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.MutableClock;
import org.attune.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * An instance claims a batch of 100 and dies after its bulk settlement wrote half of them (delivered, events in their
 * outboxes, emails queued) and before it published anything. The surviving instance takes over the other half once the
 * lease ran out and its relay sweeps up the dead one's events: each notification is delivered, announced and emailed
 * exactly once.
 */
class CrashMidBatchIT {

    static final int COUNT = 100;
    static final Instant START = Instant.parse("2027-01-10T12:00:00Z");
    static final Instant DUE = START.plus(Duration.ofHours(1));

    @Test
    void a_batch_cut_short_by_a_crash_is_finished_by_the_other_instance_once_each() throws Exception {
        var database =
                "notification_crash_batch_" + UUID.randomUUID().toString().substring(0, 8);
        var clock = new MutableClock(START);
        try (var probe = EventProbe.open(TestInfrastructure.get().bootstrapServers(), Topics.NOTIFICATIONS);
                var survivor = Fleet.start(
                        database,
                        clock,
                        "--attune.notifications.scheduler.poll-interval=50ms",
                        "--attune.notifications.scheduler.batch-size=20")) {
            var store = survivor.getBean(NotificationStore.class);
            var due = survivor.getBean(DueNotifications.class);
            var preferences = survivor.getBean(PreferencesStore.class);
            var addresses = new HashMap<String, String>();
            for (int i = 0; i < 5; i++) {
                var recipient = UUID.randomUUID().toString();
                addresses.put(recipient, "crash-batch-" + recipient + "@example.org");
                preferences
                        .save(Fleet.emailPreferences(recipient, addresses.get(recipient), START))
                        .block();
            }
            var notifications = Fleet.due(new ArrayList<>(addresses.keySet()), COUNT, DUE.plusSeconds(1));
            var ids = notifications.stream().map(Notification::id).toList();
            store.scheduleAll(notifications).block();

            // The instance that dies: it claims everything and settles the first half in its bulk write.
            var claimed = due.claimAll(ids, DUE, "instance-dead", Duration.ofSeconds(60))
                    .collectList()
                    .block();
            assertThat(claimed).hasSize(COUNT);
            var settled = due.settleAll(
                            "instance-dead",
                            claimed.subList(0, COUNT / 2).stream()
                                    .map(n -> DueNotifications.delivered(
                                            n.id(),
                                            "instance-dead",
                                            DUE,
                                            delivery(n),
                                            addresses.get(n.recipientId()),
                                            NotificationState.DELIVERED))
                                    .toList())
                    .block();
            assertThat(settled).hasSize(COUNT / 2);

            clock.set(DUE.plusSeconds(61));

            var emailsSent =
                    Query.query(Criteria.where("_id").in(ids).and("emailState").is(EmailState.SENT.name()));
            await("every email sent")
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> store.count(emailsSent).block() == COUNT);
            await("no email twice")
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> mails(addresses).size() == COUNT);
            var messageIds = new HashSet<String>();
            mails(addresses).forEach(m -> messageIds.add(TestMail.messageId(m)));
            assertThat(messageIds).as("one email per notification").hasSize(COUNT);

            var deliveredOnce = Query.query(Criteria.where("_id")
                    .in(ids)
                    .and("state")
                    .is(NotificationState.DELIVERED.name())
                    .and("deliveries")
                    .is(1));
            assertThat(store.count(deliveredOnce).block()).isEqualTo(COUNT);
            assertThat(store.count(Query.query(Criteria.where("_id")
                                    .in(ids)
                                    .and("deliveredBy")
                                    .is("instance-dead")))
                            .block())
                    .as("the dead instance's half stays its own")
                    .isEqualTo(COUNT / 2);

            // Sending an email renews its document's outbox grace: the dead instance's event waits until that passed.
            clock.advance(Duration.ofSeconds(30));
            await("every delivery announced once, in the app and by email")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> events(probe, ids, Channel.IN_APP).size() == COUNT
                            && events(probe, ids, Channel.EMAIL).size() == COUNT);
            await("and never again")
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            events(probe, ids, Channel.IN_APP).values().stream().allMatch(e -> e.size() == 1)
                                    && events(probe, ids, Channel.EMAIL).values().stream()
                                            .allMatch(e -> e.size() == 1));
        }
    }

    private static NotificationDelivered delivery(Notification n) {
        return new NotificationDelivered(
                UUID.randomUUID(),
                DUE,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                UUID.fromString(n.clientId()),
                UUID.fromString(n.id()),
                UUID.fromString(n.recipientId()),
                n.kind().wireName(),
                Channel.IN_APP);
    }

    private static List<jakarta.mail.internet.MimeMessage> mails(Map<String, String> addresses) {
        var mails = new ArrayList<jakarta.mail.internet.MimeMessage>();
        addresses.values().forEach(a -> mails.addAll(TestMail.to(a)));
        return mails;
    }

    /** Event ids per notification, of one channel. */
    private static Map<String, Set<UUID>> events(EventProbe probe, List<String> ids, Channel channel) {
        var wanted = new HashSet<>(ids);
        Map<String, Set<UUID>> events = new HashMap<>();
        for (var record : probe.records()) {
            if (record.value() != null
                    && EventJson.read(record.value()) instanceof NotificationDelivered e
                    && e.channel() == channel
                    && wanted.contains(e.notificationId().toString())) {
                events.computeIfAbsent(e.notificationId().toString(), k -> new HashSet<>())
                        .add(e.eventId());
            }
        }
        return events;
    }
}

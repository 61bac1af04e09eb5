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
import org.attune.events.Channel;
import org.attune.events.EventJson;
import org.attune.events.NotificationDelivered;
import org.attune.events.Topics;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.store.EmailState;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationState;
import org.attune.notification.store.NotificationStore;
import org.attune.notification.support.Fleet;
import org.attune.notification.support.TestMail;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Two instances on the same broker and store share 1,000 due notifications; each is delivered exactly once. */
class TwoInstancesIT {

    static final int COUNT = 1_000;

    @Test
    void two_instances_deliver_each_of_a_thousand_due_notifications_exactly_once() throws Exception {
        var database =
                "notification_two_instances_" + UUID.randomUUID().toString().substring(0, 8);
        String[] settings = {
            "--attune.notifications.scheduler.poll-interval=50ms",
            "--attune.notifications.scheduler.batch-size=10",
            "--attune.notifications.scheduler.workers=2"
        };
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        try (var probe = EventProbe.open(TestInfrastructure.get().bootstrapServers(), Topics.NOTIFICATIONS)) {
            instances.add(Fleet.start(database, settings));
            instances.add(Fleet.start(database, settings));
            var store = instances.get(0).getBean(NotificationStore.class);
            var preferences = instances.get(0).getBean(PreferencesStore.class);
            var now = Instant.now();
            var recipients = new ArrayList<String>();
            var addresses = new HashSet<String>();
            for (int i = 0; i < 20; i++) {
                var recipient = UUID.randomUUID().toString();
                var address = "two-" + recipient + "@example.org";
                recipients.add(recipient);
                addresses.add(address);
                preferences
                        .save(Fleet.emailPreferences(recipient, address, now))
                        .block();
            }
            var notifications = Fleet.due(recipients, COUNT, now);
            var ids = notifications.stream().map(Notification::id).collect(java.util.stream.Collectors.toSet());
            store.scheduleAll(notifications).block();

            var everyEmailSent = Query.query(Criteria.where("recipientId")
                    .in(recipients)
                    .and("emailState")
                    .is(EmailState.SENT.name()));
            await("every email sent")
                    .atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> store.count(everyEmailSent).block() == COUNT);
            var deliveredTwice = Query.query(Criteria.where("recipientId")
                    .in(recipients)
                    .and("deliveries")
                    .gt(1));
            await("no second delivery shows up")
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> store.count(deliveredTwice).block() == 0);

            var stored = store.count(Query.query(Criteria.where("recipientId").in(recipients)))
                    .block();
            var delivered = store.count(Query.query(Criteria.where("recipientId")
                            .in(recipients)
                            .and("state")
                            .is(NotificationState.DELIVERED.name())
                            .and("deliveries")
                            .is(1)))
                    .block();
            assertThat(stored).isEqualTo(COUNT);
            assertThat(delivered)
                    .as("delivered exactly once each, in the store")
                    .isEqualTo(COUNT);
            assertThat(store.count(everyEmailSent).block()).isEqualTo(COUNT);

            var owners = new HashSet<String>();
            for (var id : ids) {
                owners.add(store.find(id).block().deliveredBy());
            }
            assertThat(owners).as("both instances took part").hasSize(2);

            var mails = new ArrayList<jakarta.mail.internet.MimeMessage>();
            for (var address : addresses) {
                mails.addAll(TestMail.to(address));
            }
            Set<String> messageIds = new HashSet<>();
            mails.forEach(m -> messageIds.add(TestMail.messageId(m)));
            assertThat(mails).as("emails received by GreenMail").hasSize(COUNT);
            assertThat(messageIds).as("one email per notification").hasSize(COUNT);

            // In-app deliveries published: one event id per notification (a relay retry repeats the same id).
            Map<String, Set<UUID>> eventsPerNotification = new HashMap<>();
            await("every in-app delivery published")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        eventsPerNotification.clear();
                        for (var record : probe.records()) {
                            if (record.value() != null
                                    && EventJson.read(record.value()) instanceof NotificationDelivered e
                                    && e.channel() == Channel.IN_APP
                                    && ids.contains(e.notificationId().toString())) {
                                eventsPerNotification
                                        .computeIfAbsent(e.notificationId().toString(), k -> new HashSet<>())
                                        .add(e.eventId());
                            }
                        }
                        return eventsPerNotification.size() == COUNT;
                    });
            assertThat(eventsPerNotification).hasSize(COUNT);
            assertThat(eventsPerNotification.values()).allMatch(events -> events.size() == 1);
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
        }
    }
}

package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.attune.events.Channel;
import org.attune.events.EventJson;
import org.attune.events.NotificationDelivered;
import org.attune.events.Topics;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.store.EmailState;
import org.attune.notification.store.NotificationState;
import org.attune.notification.store.NotificationStore;
import org.attune.notification.support.Fleet;
import org.attune.notification.support.TestMail;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The service runs as a child JVM, is killed with SIGKILL while it works through 500 due notifications, and is
 * started again: every notification is delivered, none twice.
 */
class KillNineIT {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KillNineIT.class);

    static final int COUNT = 500;

    @Test
    void a_service_killed_mid_dispatch_and_restarted_loses_none_and_delivers_none_twice() throws Exception {
        var database = "notification_kill9_" + UUID.randomUUID().toString().substring(0, 8);
        String[] slow = {
            "--attune.notifications.scheduler.poll-interval=100ms",
            "--attune.notifications.scheduler.batch-size=3",
            "--attune.notifications.scheduler.workers=1",
            "--attune.notifications.scheduler.lease=5s",
            "--logging.level.root=WARN"
        };
        // An in-process instance with its loop off, only to reach the store.
        try (var seeder = Fleet.start(database, "--attune.notifications.scheduler.enabled=false");
                var probe = EventProbe.open(TestInfrastructure.get().bootstrapServers(), Topics.NOTIFICATIONS)) {
            var store = seeder.getBean(NotificationStore.class);
            var preferences = seeder.getBean(PreferencesStore.class);
            var now = Instant.now();
            var recipients = new ArrayList<String>();
            var addresses = new HashSet<String>();
            for (int i = 0; i < 10; i++) {
                var recipient = UUID.randomUUID().toString();
                var address = "kill9-" + recipient + "@example.org";
                recipients.add(recipient);
                addresses.add(address);
                preferences
                        .save(Fleet.emailPreferences(recipient, address, now))
                        .block();
            }
            var notifications = Fleet.due(recipients, COUNT, now);
            var ids = new HashSet<String>();
            notifications.forEach(n -> ids.add(n.id()));
            store.scheduleAll(notifications).block();

            var logDir = Path.of("target");
            Files.createDirectories(logDir);
            var first = Fleet.startProcess(database, logDir.resolve("kill9-first.log"), slow);
            await("60 emails out, or the child gone")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> mailCount(addresses) >= 60 || !first.isAlive());
            assertThat(first.isAlive())
                    .as("child still running before the kill")
                    .isTrue();
            first.destroyForcibly(); // SIGKILL on Unix
            first.waitFor();
            long mailedAtKill = mailCount(addresses);
            var emailsSent = Query.query(Criteria.where("recipientId")
                    .in(recipients)
                    .and("emailState")
                    .is(EmailState.SENT.name()));
            long sentAtKill = store.count(emailsSent).block();
            assertThat(mailedAtKill).as("killed mid-dispatch").isBetween(60L, (long) COUNT - 1);
            assertThat(sentAtKill).isLessThan(COUNT);

            var second = Fleet.startProcess(database, logDir.resolve("kill9-second.log"), slow);
            try {
                await("every email recorded as sent")
                        .atMost(Duration.ofMinutes(4))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> store.count(emailsSent).block() == COUNT);
                var deliveredTwice = Query.query(Criteria.where("recipientId")
                        .in(recipients)
                        .and("deliveries")
                        .gt(1));
                await("no second delivery shows up")
                        .during(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> store.count(deliveredTwice).block() == 0);
            } finally {
                second.destroyForcibly();
                second.waitFor();
            }

            var deliveredOnce = store.count(Query.query(Criteria.where("recipientId")
                            .in(recipients)
                            .and("state")
                            .is(NotificationState.DELIVERED.name())
                            .and("deliveries")
                            .is(1)))
                    .block();
            assertThat(deliveredOnce)
                    .as("every notification delivered to the inbox exactly once")
                    .isEqualTo(COUNT);
            assertThat(store.count(emailsSent).block()).as("every email sent").isEqualTo(COUNT);

            var mails = new ArrayList<jakarta.mail.internet.MimeMessage>();
            addresses.forEach(a -> mails.addAll(TestMail.to(a)));
            Set<String> messageIds = new HashSet<>();
            mails.forEach(m -> messageIds.add(TestMail.messageId(m)));
            var expectedIds = new HashSet<String>();
            ids.forEach(id -> expectedIds.add("<" + id + "@attune>"));
            assertThat(messageIds).as("no email lost").isEqualTo(expectedIds);
            // SMTP has no idempotency: an email whose send completed in the instant before SIGKILL, before the store
            // recorded it, goes out again with the same Message-ID. With one worker at most one can be in flight.
            assertThat(mails.size() - messageIds.size())
                    .as("emails repeated (same Message-ID) because of the kill")
                    .isLessThanOrEqualTo(1);

            Map<String, Set<UUID>> inApp = new HashMap<>();
            await("every in-app delivery published")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        inApp.clear();
                        for (var record : probe.records()) {
                            if (record.value() != null
                                    && EventJson.read(record.value()) instanceof NotificationDelivered e
                                    && e.channel() == Channel.IN_APP
                                    && ids.contains(e.notificationId().toString())) {
                                inApp.computeIfAbsent(e.notificationId().toString(), k -> new HashSet<>())
                                        .add(e.eventId());
                            }
                        }
                        return inApp.size() == COUNT;
                    });
            assertThat(inApp).as("every in-app delivery published").hasSize(COUNT);
            assertThat(inApp.values()).as("one delivery event per notification").allMatch(ev -> ev.size() == 1);
            log.info(
                    "kill -9: {} emails before the kill, {} recorded as sent; {} emails in all, {} distinct",
                    mailedAtKill,
                    sentAtKill,
                    mails.size(),
                    messageIds.size());
        }
    }

    private static long mailCount(Set<String> addresses) {
        long count = 0;
        for (var address : addresses) {
            count += TestMail.to(address).size();
        }
        return count;
    }
}

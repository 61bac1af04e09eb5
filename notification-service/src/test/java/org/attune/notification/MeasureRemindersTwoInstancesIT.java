package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.attune.events.AttuneEvent;
import org.attune.events.Channel;
import org.attune.events.MeasureAnswered;
import org.attune.events.MeasurePaused;
import org.attune.events.MeasureWindowOpened;
import org.attune.events.Role;
import org.attune.notification.preferences.Preferences;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.store.EmailState;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationState;
import org.attune.notification.store.NotificationStore;
import org.attune.notification.support.Fleet;
import org.attune.notification.support.TestMail;
import org.attune.testsupport.EventPublisher;
import org.attune.testsupport.MutableClock;
import org.attune.testsupport.TestInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reminders of scheduled measures on two instances sharing one store and one moved clock, for clients in London with
 * quiet hours until 09:00: PHQ-9 every two weeks for three months, across the change to summer time. Each window
 * that opens at the client's midnight is reminded once, at 09:00 local time (08:00 UTC once summer time began), by
 * exactly one instance, in the inbox and by email; a window answered before then, or a measure paused, is never
 * reminded.
 */
class MeasureRemindersTwoInstancesIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int CLIENTS = 10;
    static final List<LocalDate> DUE = List.of(
            LocalDate.parse("2027-03-14"),
            LocalDate.parse("2027-03-28"),
            LocalDate.parse("2027-04-11"),
            LocalDate.parse("2027-04-25"),
            LocalDate.parse("2027-05-09"),
            LocalDate.parse("2027-05-23"),
            LocalDate.parse("2027-06-06"));
    /** Every client answers this window at 07:30, before its reminder. */
    static final LocalDate ANSWERED_EARLY = LocalDate.parse("2027-04-11");
    /** Half of the clients pause the measure in the night of this window. */
    static final LocalDate PAUSED_BY_HALF = LocalDate.parse("2027-05-23");

    static String address(UUID client) {
        return "measures-" + client + "@example.org";
    }

    @Test
    void two_instances_remind_each_open_window_once_at_nine_local_time_across_the_spring_change() throws Exception {
        var database = "notification_measures_" + UUID.randomUUID().toString().substring(0, 8);
        var clock = new MutableClock(Instant.parse("2027-03-13T12:00:00Z"));
        String[] settings = {
            "--attune.notifications.scheduler.poll-interval=50ms", "--attune.notifications.scheduler.batch-size=5"
        };
        var clients = new ArrayList<UUID>();
        var assignments = new ArrayList<UUID>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(UUID.randomUUID());
            assignments.add(UUID.randomUUID());
        }
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        try (var events = new EventPublisher(TestInfrastructure.get().bootstrapServers())) {
            instances.add(Fleet.start(database, clock, settings));
            instances.add(Fleet.start(database, clock, settings));
            var first = instances.getFirst();
            var store = first.getBean(NotificationStore.class);
            var mongo = first.getBean(ReactiveMongoTemplate.class);
            var preferences = first.getBean(PreferencesStore.class);
            for (var client : clients) {
                preferences.save(inLondon(client, clock.instant())).block();
            }

            long expected = 0;
            long stored = 0;
            for (var due : DUE) {
                var opens = due.atStartOfDay(LONDON).toInstant();
                var nine = due.atTime(LocalTime.of(9, 0)).atZone(LONDON).toInstant();
                clock.moveTo(opens);
                for (int i = 0; i < CLIENTS; i++) {
                    events.publish(new MeasureWindowOpened(
                            UUID.randomUUID(),
                            opens,
                            AttuneEvent.CURRENT_SCHEMA_VERSION,
                            clients.get(i),
                            assignments.get(i),
                            "PHQ-9",
                            due,
                            due.plusDays(3).atStartOfDay(LONDON).toInstant()));
                }
                stored += CLIENTS;
                long storedSoFar = stored;
                awaitCount("the reminders of " + due + " stored", storedSoFar, () -> measureReminders(store, null));
                settle();
                assertThat(measureReminders(store, NotificationState.DELIVERED))
                        .as("nothing during quiet hours on %s", due)
                        .isEqualTo(expected);

                clock.moveTo(nine.minus(Duration.ofMinutes(90)));
                int withdrawn = 0;
                for (int i = 0; i < CLIENTS; i++) {
                    if (due.equals(ANSWERED_EARLY)) {
                        events.publish(MeasureAnswered.of(
                                clients.get(i), assignments.get(i), "PHQ-9", due, UUID.randomUUID()));
                        withdrawn++;
                    } else if (due.equals(PAUSED_BY_HALF) && i % 2 == 0) {
                        events.publish(MeasurePaused.of(clients.get(i), assignments.get(i)));
                        withdrawn++;
                    }
                }
                long cancelled = withdrawn;
                awaitCount(
                        "withdrawn on " + due,
                        cancelled,
                        () -> count(
                                store,
                                Criteria.where("localDate")
                                        .is(due.toString())
                                        .and("state")
                                        .is(NotificationState.CANCELLED.name())));

                clock.moveTo(nine.minusSeconds(1));
                settle();
                assertThat(measureReminders(store, NotificationState.DELIVERED)).isEqualTo(expected);

                clock.moveTo(nine);
                expected += CLIENTS - withdrawn;
                long delivered = expected;
                awaitCount("the reminders of " + due + " delivered", delivered, () -> emailed(store));
                // 09:00 in London: 09:00 UTC before the change, 08:00 UTC after it
                for (var n : reminders(mongo, due, NotificationState.DELIVERED)) {
                    assertThat(n.deliveredAt()).isEqualTo(nine);
                }
            }
            settle();

            int perClient = DUE.size() - 1;
            assertThat(measureReminders(store, NotificationState.DELIVERED))
                    .as("delivered once each")
                    .isEqualTo((long) CLIENTS * perClient - CLIENTS / 2);
            for (int i = 0; i < CLIENTS; i++) {
                var mailbox = TestMail.mailbox(address(clients.get(i)));
                assertThat(mailbox).as("one email per reminded window").hasSize(i % 2 == 0 ? perClient - 1 : perClient);
                assertThat(distinctIds(mailbox)).hasSize(mailbox.size());
            }
            var deliverers = new HashSet<String>();
            reminders(mongo, null, NotificationState.DELIVERED).forEach(n -> deliverers.add(n.deliveredBy()));
            assertThat(deliverers).as("both instances took part").hasSize(2);
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
        }
    }

    /** Quiet 21:00–09:00 in London, email on, no daily or weekly reminders (only the measures' reminders count). */
    private static Preferences inLondon(UUID client, Instant now) {
        return new Preferences(
                client.toString(),
                Role.CLIENT,
                "Europe/London",
                null,
                null,
                "21:00",
                "09:00",
                Set.of(Channel.IN_APP, Channel.EMAIL),
                address(client),
                List.of(),
                Preferences.DEFAULT_LANGUAGE,
                now,
                null,
                null,
                null);
    }

    private static List<Notification> reminders(ReactiveMongoTemplate mongo, LocalDate due, NotificationState state) {
        var criteria = Criteria.where("kind")
                .is(NotificationKind.MEASURE_DUE.name())
                .and("state")
                .is(state.name());
        if (due != null) {
            criteria = criteria.and("localDate").is(due.toString());
        }
        return mongo.find(Query.query(criteria), Notification.class, NotificationStore.COLLECTION)
                .collectList()
                .block();
    }

    private static long measureReminders(NotificationStore store, NotificationState state) {
        var criteria = Criteria.where("kind").is(NotificationKind.MEASURE_DUE.name());
        if (state != null) {
            criteria = criteria.and("state").is(state.name());
        }
        return store.count(Query.query(criteria)).block();
    }

    private static long emailed(NotificationStore store) {
        return count(
                store,
                Criteria.where("kind")
                        .is(NotificationKind.MEASURE_DUE.name())
                        .and("state")
                        .is(NotificationState.DELIVERED.name())
                        .and("emailState")
                        .is(EmailState.SENT.name()));
    }

    private static long count(NotificationStore store, Criteria criteria) {
        return store.count(Query.query(criteria)).block();
    }

    private static Set<String> distinctIds(List<MimeMessage> messages) {
        var ids = new HashSet<String>();
        messages.forEach(m -> ids.add(TestMail.messageId(m)));
        return ids;
    }

    private static void awaitCount(String what, long expected, LongSupplier actual) {
        Awaitility.await()
                .alias(what)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> actual.getAsLong() == expected);
    }

    private static void settle() {
        Awaitility.await().pollDelay(Duration.ofMillis(1_000)).until(() -> true);
    }
}

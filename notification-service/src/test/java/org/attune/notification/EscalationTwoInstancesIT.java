package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.events.SafetyFlagAcknowledged;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.kit.consent.TherapistAccess;
import org.attune.notification.alerting.Escalations;
import org.attune.notification.alerting.SafetyAlert;
import org.attune.notification.alerting.SafetyAlerts;
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
import org.attune.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The acceptance test of escalation until acknowledged: two instances on one broker and store, one clock that the test
 * moves. 100 alerts nobody acknowledges, each sent once when raised, again at the end of the four-hour window and
 * again 24 hours later: within two days exactly three sends each (the alert and two escalations), counted as emails
 * in GreenMail and as ESCALATED notifications, with no duplicate anywhere. Ten alerts acknowledged before their
 * window ends are never sent again; ten whose client stops sharing safety alerts after the first escalation get no
 * second one. The therapists are in quiet hours all day and have muted everything: safety comes through anyway.
 */
class EscalationTwoInstancesIT {

    static final int THERAPISTS = 20;
    static final int CLIENTS_EACH = 5;
    static final int UNACKNOWLEDGED = THERAPISTS * CLIENTS_EACH;
    static final int CONTROL = 2 * CLIENTS_EACH;
    static final Duration WINDOW = Duration.ofHours(4);

    /** The alerts of one group: its therapists, and each therapist's clients' flags. */
    record Group(List<UUID> therapists, Map<UUID, List<SafetyFlagRaised>> flags) {

        List<SafetyFlagRaised> all() {
            return flags.values().stream().flatMap(List::stream).toList();
        }

        static Group of(int therapists) {
            var ids = new ArrayList<UUID>();
            var flags = new java.util.LinkedHashMap<UUID, List<SafetyFlagRaised>>();
            for (int t = 0; t < therapists; t++) {
                var therapist = UUID.randomUUID();
                ids.add(therapist);
                var own = new ArrayList<SafetyFlagRaised>();
                for (int c = 0; c < CLIENTS_EACH; c++) {
                    own.add(SafetyFlagRaised.of(
                            UUID.randomUUID(), UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now"));
                }
                flags.put(therapist, own);
            }
            return new Group(ids, flags);
        }
    }

    static String own(UUID therapist) {
        return "own-" + therapist + "@example.org";
    }

    static String onCall(UUID therapist) {
        return "oncall-" + therapist + "@practice.example";
    }

    @Test
    void two_instances_escalate_a_hundred_unacknowledged_alerts_exactly_once_per_slot_and_never_acknowledged_ones()
            throws Exception {
        var database = "notification_escalation_" + UUID.randomUUID().toString().substring(0, 8);
        var clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String[] settings = {
            "--attune.notifications.scheduler.poll-interval=50ms",
            "--attune.notifications.scheduler.batch-size=20",
            "--attune.notifications.scheduler.workers=2"
        };
        var unacknowledged = Group.of(THERAPISTS);
        var acknowledged = Group.of(2);
        var revoked = Group.of(2);
        var groups = List.of(unacknowledged, acknowledged, revoked);
        // The embedded broker is shared by every IT in this JVM and these instances' consumer groups are new, so they
        // read from the earliest offset and also apply the grants and flags earlier tests published: those are real,
        // unacknowledged alerts to other therapists, and they escalate too. Only this test's clients are counted.
        var ours = groups.stream()
                .flatMap(g -> g.all().stream())
                .map(f -> f.clientId().toString())
                .toList();
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        try (var events = new EventPublisher(TestInfrastructure.get().bootstrapServers())) {
            instances.add(Fleet.start(database, clock, settings));
            instances.add(Fleet.start(database, clock, settings));
            var first = instances.getFirst();
            var store = first.getBean(NotificationStore.class);
            var alerts = first.getBean(SafetyAlerts.class);
            var access = first.getBean(TherapistAccess.class);
            var preferences = first.getBean(PreferencesStore.class);
            var mongo = first.getBean(ReactiveMongoTemplate.class);
            var web = WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + first.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(20))
                    .build();

            // Every therapist: quiet all day, everything muted, email on; a four-hour window and an on-call address.
            var grants = new java.util.HashMap<UUID, ConsentGranted>();
            for (var group : groups) {
                for (var therapist : group.therapists()) {
                    preferences.save(quietAndMuted(therapist, clock.instant())).block();
                    web.put()
                            .uri("/api/v1/alert-settings")
                            .header(
                                    "Authorization",
                                    "Bearer " + TestTokens.get().therapist(therapist))
                            .bodyValue(Map.of(
                                    "acknowledgementWindowMinutes", WINDOW.toMinutes(),
                                    "escalationEmail", onCall(therapist)))
                            .exchange()
                            .expectStatus()
                            .isOk();
                    for (var flag : group.flags().get(therapist)) {
                        var granted = ConsentGranted.of(
                                flag.clientId(),
                                UUID.randomUUID(),
                                therapist,
                                Set.of(DataClass.SAFETY_ALERTS),
                                clock.instant().minus(Duration.ofDays(1)),
                                null);
                        grants.put(flag.clientId(), granted);
                        events.publish(granted);
                    }
                }
            }
            awaitCount(
                    "every grant projected",
                    UNACKNOWLEDGED + 2 * CONTROL,
                    () -> groups.stream()
                            .mapToLong(g -> g.flags().entrySet().stream()
                                    .flatMap(e -> e.getValue().stream()
                                            .filter(f -> Boolean.TRUE.equals(
                                                    access.allows(e.getKey(), f.clientId(), DataClass.SAFETY_ALERTS)
                                                            .block())))
                                    .count())
                            .sum());

            var t0 = clock.instant();
            groups.forEach(g -> g.all().forEach(events::publish));
            int total = UNACKNOWLEDGED + 2 * CONTROL;
            awaitCount("every alert tracked", total, () -> count(mongo, "safety_alerts", ofClients(ours)));
            awaitCount(
                    "every first alert delivered and emailed",
                    total,
                    () -> store.count(Query.query(ofClients(ours)
                                    .and("kind")
                                    .is(NotificationKind.SAFETY_ALERT.name())
                                    .and("emailState")
                                    .is(EmailState.SENT.name())))
                            .block());

            for (var flag : acknowledged.all()) {
                events.publish(
                        SafetyFlagAcknowledged.of(flag.clientId(), flag.flagId(), therapistOf(acknowledged, flag)));
            }
            awaitCount(
                    "acknowledgements applied",
                    CONTROL,
                    () -> count(
                            mongo,
                            "safety_alerts",
                            ofClients(ours).and("acknowledgedAt").ne(null)));

            // Just before the window ends: nothing.
            clock.moveTo(t0.plus(WINDOW).minusSeconds(1));
            settle();
            assertThat(escalated(store, ours)).as(() -> report(mongo, groups)).isZero();

            // The window ends: one escalation each for the unacknowledged and the (still shared) revoked group.
            clock.moveTo(t0.plus(WINDOW));
            awaitCount("first escalations sent", UNACKNOWLEDGED + CONTROL, () -> escalatedAndEmailed(store, ours));
            settle();
            assertThat(escalated(store, ours)).as(() -> report(mongo, groups)).isEqualTo(UNACKNOWLEDGED + CONTROL);

            // The revoked group's clients stop sharing safety alerts.
            for (var flag : revoked.all()) {
                var granted = grants.get(flag.clientId());
                events.publish(ConsentRevoked.of(
                        flag.clientId(),
                        granted.consentId(),
                        granted.therapistId(),
                        ConsentEndReason.REVOKED_BY_CLIENT));
            }
            awaitCount(
                    "revocations projected",
                    0,
                    () -> revoked.flags().entrySet().stream()
                            .flatMap(e -> e.getValue().stream()
                                    .filter(f -> Boolean.TRUE.equals(
                                            access.allows(e.getKey(), f.clientId(), DataClass.SAFETY_ALERTS)
                                                    .block())))
                            .count());

            clock.moveTo(t0.plus(WINDOW).plus(Duration.ofHours(24)).minusSeconds(1));
            settle();
            assertThat(escalated(store, ours)).as(() -> report(mongo, groups)).isEqualTo(UNACKNOWLEDGED + CONTROL);

            // 24 hours after the first escalation: the second, for the unacknowledged group only.
            clock.moveTo(t0.plus(WINDOW).plus(Duration.ofHours(24)));
            awaitCount("second escalations sent", 2 * UNACKNOWLEDGED + CONTROL, () -> escalatedAndEmailed(store, ours));
            awaitCount(
                    "the revoked group's escalation ended",
                    CONTROL,
                    () -> count(
                            mongo,
                            "safety_alerts",
                            ofClients(ours).and("endReason").is(SafetyAlert.EndReason.GRANT_ENDED.name())));

            // Two days after the alerts: still three sends each, nothing more.
            clock.moveTo(t0.plus(Duration.ofDays(2)));
            settle();

            assertThat(escalated(store, ours))
                    .as(() -> "ESCALATED notifications\n" + report(mongo, groups))
                    .isEqualTo(2 * UNACKNOWLEDGED + CONTROL);
            for (var flag : unacknowledged.all()) {
                var therapist = therapistOf(unacknowledged, flag);
                var alert = alerts.of(flag.flagId().toString(), therapist.toString())
                        .block();
                assertThat(alert.escalations()).isEqualTo(2);
                assertThat(alert.escalateAt()).isEqualTo(t0.plus(WINDOW).plus(Duration.ofHours(48)));
                for (int n = 1; n <= 2; n++) {
                    var escalation = store.find(Escalations.notificationId(alert.id(), n))
                            .block();
                    assertThat(escalation.state()).isEqualTo(NotificationState.ESCALATED);
                    assertThat(escalation.deliveries()).isEqualTo(1);
                    assertThat(escalation.clientId()).isEqualTo(flag.clientId().toString());
                }
            }
            for (var flag : acknowledged.all()) {
                var alert = alerts.of(
                                flag.flagId().toString(),
                                therapistOf(acknowledged, flag).toString())
                        .block();
                assertThat(alert.escalations()).isZero();
                assertThat(alert.endReason()).isEqualTo(SafetyAlert.EndReason.ACKNOWLEDGED);
            }
            for (var flag : revoked.all()) {
                var alert = alerts.of(
                                flag.flagId().toString(),
                                therapistOf(revoked, flag).toString())
                        .block();
                assertThat(alert.escalations()).isEqualTo(1);
            }

            // GreenMail: the alert and two escalations to each therapist's own address, the escalations to on-call.
            assertMailbox(unacknowledged, 3, 2);
            assertMailbox(acknowledged, 1, 0);
            assertMailbox(revoked, 2, 1);

            var claimers = new HashSet<String>();
            mongo.find(Query.query(ofClients(ours).and("escalations").gt(0)), SafetyAlert.class, "safety_alerts")
                    .doOnNext(a -> claimers.add(a.lastEscalatedBy()))
                    .blockLast();
            assertThat(claimers).as("both instances claimed escalations").hasSize(2);
            var deliverers = new HashSet<String>();
            mongo.find(
                            Query.query(ofClients(ours).and("kind").is(NotificationKind.SAFETY_ALERT_ESCALATED.name())),
                            Notification.class,
                            NotificationStore.COLLECTION)
                    .doOnNext(n -> deliverers.add(n.deliveredBy()))
                    .blockLast();
            assertThat(deliverers).as("both instances took part").hasSize(2);
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
        }
    }

    /** Each therapist's own mailbox holds {@code ownPerAlert} and their on-call mailbox {@code onCallPerAlert} per alert. */
    private static void assertMailbox(Group group, int ownPerAlert, int onCallPerAlert) {
        for (var therapist : group.therapists()) {
            var own = TestMail.mailbox(own(therapist));
            var onCall = TestMail.mailbox(onCall(therapist));
            assertThat(own).as("own mailbox").hasSize(ownPerAlert * CLIENTS_EACH);
            assertThat(distinctIds(own)).as("no duplicate in the own mailbox").hasSize(own.size());
            assertThat(onCall).as("on-call mailbox").hasSize(onCallPerAlert * CLIENTS_EACH);
            assertThat(distinctIds(onCall))
                    .as("no duplicate in the on-call mailbox")
                    .hasSize(onCall.size());
        }
    }

    private static Set<String> distinctIds(List<MimeMessage> messages) {
        var ids = new HashSet<String>();
        messages.forEach(m -> ids.add(TestMail.messageId(m)));
        return ids;
    }

    private static UUID therapistOf(Group group, SafetyFlagRaised flag) {
        return group.flags().entrySet().stream()
                .filter(e -> e.getValue().contains(flag))
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    private static Preferences quietAndMuted(UUID therapist, Instant now) {
        return new Preferences(
                therapist.toString(),
                Role.THERAPIST,
                "UTC",
                null,
                null,
                "00:00",
                "23:59",
                Set.of(org.attune.events.Channel.IN_APP, org.attune.events.Channel.EMAIL),
                own(therapist),
                List.of("all"),
                Preferences.DEFAULT_LANGUAGE,
                now,
                null,
                null,
                // reminders paused too: a safety alert comes through whatever the person chose
                now.plus(java.time.Duration.ofDays(7)));
    }

    /**
     * Every escalation notification in the store, grouped by the alert it belongs to (matched through its
     * deterministic id), its client, the therapist and the escalation number, with the test group of the client: when
     * a count is off, the failure names the extra or missing ones.
     */
    private static String report(ReactiveMongoTemplate mongo, List<Group> groups) {
        var names = List.of("unacknowledged", "acknowledged", "revoked");
        var groupOfClient = new java.util.HashMap<String, String>();
        for (int g = 0; g < groups.size(); g++) {
            for (var flag : groups.get(g).all()) {
                groupOfClient.put(flag.clientId().toString(), names.get(g));
            }
        }
        var alerts =
                mongo.findAll(SafetyAlert.class, "safety_alerts").collectList().block();
        var byNotificationId = new java.util.HashMap<String, String>();
        for (var alert : alerts) {
            for (int n = 1; n <= 5; n++) {
                byNotificationId.put(Escalations.notificationId(alert.id(), n), alert.id() + " #" + n);
            }
        }
        var lines = new java.util.TreeMap<String, List<String>>();
        mongo.find(
                        Query.query(Criteria.where("kind").is(NotificationKind.SAFETY_ALERT_ESCALATED.name())),
                        Notification.class,
                        NotificationStore.COLLECTION)
                .doOnNext(n -> lines.computeIfAbsent(
                                "alert " + byNotificationId.getOrDefault(n.id(), "(no alert) " + n.id())
                                        + " client " + n.clientId() + " ("
                                        + groupOfClient.getOrDefault(n.clientId(), "NOT THIS TEST'S") + ")"
                                        + " therapist " + n.recipientId(),
                                k -> new ArrayList<>())
                        .add(n.state() + "/" + n.emailState() + " created " + n.createdAt() + " by " + n.deliveredBy()))
                .blockLast();
        var report = new StringBuilder("escalation notifications by alert/number/client:\n");
        lines.forEach((k, v) -> {
            if (v.size() > 1 || !k.contains("(unacknowledged)")) {
                report.append("  ").append(k).append(" -> ").append(v).append('\n');
            }
        });
        report.append("  (").append(lines.size()).append(" in all; lines for single unacknowledged ones left out)\n");
        report.append("alerts not of this test's clients:\n");
        alerts.stream()
                .filter(a -> !groupOfClient.containsKey(a.clientId()))
                .forEach(a -> report.append("  ").append(a).append('\n'));
        return report.toString();
    }

    private static Criteria ofClients(List<String> clients) {
        return Criteria.where("clientId").in(clients);
    }

    private static long escalated(NotificationStore store, List<String> clients) {
        return store.count(Query.query(ofClients(clients)
                        .and("kind")
                        .is(NotificationKind.SAFETY_ALERT_ESCALATED.name())
                        .and("state")
                        .is(NotificationState.ESCALATED.name())))
                .block();
    }

    private static long escalatedAndEmailed(NotificationStore store, List<String> clients) {
        return store.count(Query.query(ofClients(clients)
                        .and("kind")
                        .is(NotificationKind.SAFETY_ALERT_ESCALATED.name())
                        .and("state")
                        .is(NotificationState.ESCALATED.name())
                        .and("emailState")
                        .is(EmailState.SENT.name())))
                .block();
    }

    private static long count(ReactiveMongoTemplate mongo, String collection, Criteria criteria) {
        return mongo.count(Query.query(criteria), collection).block();
    }

    private static void awaitCount(String what, long expected, LongSupplier actual) {
        Awaitility.await()
                .alias(what)
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(actual.getAsLong()).as(what).isEqualTo(expected));
    }

    /** Passes enough for a wrong extra send to show, and for every email claimed to be sent before the clock moves. */
    private static void settle() {
        Awaitility.await().pollDelay(Duration.ofMillis(1_500)).until(() -> true);
    }
}

package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.ContentAssigned;
import org.attune.events.DataClass;
import org.attune.events.NotificationDelivered;
import org.attune.events.RuptureReason;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.events.SessionFeedbackRecorded;
import org.attune.events.SessionScheduled;
import org.attune.events.Topics;
import org.attune.notification.store.EmailState;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationState;
import org.attune.notification.support.IntegrationTestBase;
import org.attune.notification.support.TestMail;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.EventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class EventNotificationsIT extends IntegrationTestBase {

    private void publish(org.attune.events.AttuneEvent... events) {
        try (var publisher = new EventPublisher(bootstrap)) {
            for (var e : events) {
                publisher.publish(e);
            }
        }
    }

    private void preferences(UUID who, boolean therapist, Map<String, Object> overrides) {
        var body = new HashMap<String, Object>();
        body.put("timeZone", "Europe/London");
        body.put("quietHoursStart", "21:00");
        body.put("quietHoursEnd", "08:00");
        body.put("channels", List.of("IN_APP"));
        body.putAll(overrides);
        (therapist ? asTherapist(who) : asClient(who))
                .put()
                .uri("/api/v1/preferences")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private ConsentGranted grant(UUID client, UUID therapist, DataClass... classes) {
        var granted = ConsentGranted.of(
                client,
                UUID.randomUUID(),
                therapist,
                Set.of(classes),
                clock.instant().minus(Duration.ofDays(1)),
                null);
        publish(granted);
        await(
                "grant projected",
                () -> mongo.exists(Query.query(Criteria.where("_id").is(client + ":" + therapist)), "consent_grants")
                        .block());
        return granted;
    }

    private long count(String recipient, NotificationKind kind, NotificationState state) {
        return store.count(Query.query(Criteria.where("recipientId")
                        .is(recipient)
                        .and("kind")
                        .is(kind.name())
                        .and("state")
                        .is(state.name())))
                .block();
    }

    @Test
    void a_safety_flag_reaches_a_consenting_therapist_in_quiet_hours_while_everything_is_muted_and_by_email()
            throws Exception {
        clock.set(Instant.parse("2026-05-01T23:30:00Z")); // 00:30 in London: quiet hours
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var address = "therapist-" + therapist + "@example.org";
        preferences(
                therapist,
                true,
                Map.of("mutedKinds", List.of("all"), "channels", List.of("IN_APP", "EMAIL"), "email", address));
        grant(client, therapist, DataClass.SAFETY_ALERTS, DataClass.MOOD_CHECKINS);

        var flag = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        try (var probe = EventProbe.open(bootstrap, Topics.NOTIFICATIONS)) {
            publish(flag);
            var alertId = Notification.idFor("safety-alert:" + flag.flagId() + ":" + therapist);
            await("alert delivered", () -> {
                var n = notification(alertId);
                return n != null && n.state() == NotificationState.DELIVERED;
            });

            asTherapist(therapist)
                    .get()
                    .uri("/api/v1/inbox")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.items[0].kind")
                    .isEqualTo("safety-alert")
                    .jsonPath("$.items[0].urgent")
                    .isEqualTo(true)
                    .jsonPath("$.items[0].unread")
                    .isEqualTo(true);

            await("alert emailed", () -> notification(alertId).emailState() == EmailState.SENT);
            var mails = TestMail.to(address);
            assertThat(mails).hasSize(1);
            var body = mails.get(0).getContent().toString();
            assertThat(body).contains("You have a new message in Attune").contains("https://attune.example/inbox");
            assertThat(body.toLowerCase()).doesNotContain("safety", "harm", "help", "client");
            assertThat(mails.get(0).getSubject().toLowerCase()).doesNotContain("safety");

            var delivered = probe.await(
                    NotificationDelivered.class,
                    e -> e.notificationId().toString().equals(alertId),
                    Duration.ofSeconds(20));
            assertThat(delivered.recipientId()).isEqualTo(therapist);
            assertThat(delivered.clientId()).isEqualTo(client);
            assertThat(delivered.kind()).isEqualTo("safety-alert");
        }

        var resources = notification(Notification.idFor("crisis-resources:" + flag.flagId()));
        await(
                "client sees crisis resources",
                () -> notification(resources.id()).state() == NotificationState.DELIVERED);
        asClient(client)
                .get()
                .uri("/api/v1/inbox")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].kind")
                .isEqualTo("crisis-resources")
                .jsonPath("$.items[0].body")
                .value(text -> assertThat(text.toString()).contains("988").contains("not an emergency service"));

        publish(flag); // a redelivered flag is shown once
        settle();
        assertThat(count(therapist.toString(), NotificationKind.SAFETY_ALERT, NotificationState.DELIVERED))
                .isEqualTo(1);
    }

    @Test
    void a_safety_flag_does_not_reach_a_therapist_without_a_safety_alerts_grant() {
        clock.set(Instant.parse("2026-05-02T12:00:00Z"));
        var client = UUID.randomUUID();
        var withOtherClasses = UUID.randomUUID();
        var revoked = UUID.randomUUID();
        grant(client, withOtherClasses, DataClass.MOOD_CHECKINS, DataClass.SESSION_FEEDBACK);
        var granted = grant(client, revoked, DataClass.SAFETY_ALERTS);
        publish(ConsentRevoked.of(client, granted.consentId(), revoked, ConsentEndReason.REVOKED_BY_CLIENT));
        await(
                "revocation projected",
                () -> "INACTIVE"
                        .equals(mongo.findById(client + ":" + revoked, org.bson.Document.class, "consent_grants")
                                .block()
                                .getString("status")));

        var flag = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.SELF_HARM_ITEM, "PHQ-9");
        publish(flag);
        await(
                "client's crisis resources delivered",
                () -> count(client.toString(), NotificationKind.CRISIS_RESOURCES, NotificationState.DELIVERED) == 1);
        settle();
        assertThat(store.count(Query.query(Criteria.where("kind")
                                .is("SAFETY_ALERT")
                                .and("clientId")
                                .is(client.toString())))
                        .block())
                .isZero();
    }

    @Test
    void a_grant_and_a_revocation_are_told_to_both_sides() {
        clock.set(Instant.parse("2026-05-03T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var granted = grant(client, therapist, DataClass.MOOD_CHECKINS);
        await(
                "client told",
                () -> count(client.toString(), NotificationKind.CONSENT_GRANTED_CLIENT, NotificationState.DELIVERED)
                        == 1);
        await(
                "therapist told",
                () -> count(
                                therapist.toString(),
                                NotificationKind.CONSENT_GRANTED_THERAPIST,
                                NotificationState.DELIVERED)
                        == 1);
        publish(ConsentRevoked.of(client, granted.consentId(), therapist, ConsentEndReason.REVOKED_BY_CLIENT));
        await(
                "client told of the end",
                () -> count(client.toString(), NotificationKind.CONSENT_ENDED_CLIENT, NotificationState.DELIVERED)
                        == 1);
        await(
                "therapist told of the end",
                () -> count(therapist.toString(), NotificationKind.CONSENT_ENDED_THERAPIST, NotificationState.DELIVERED)
                        == 1);
    }

    @Test
    void an_older_consent_event_arriving_late_does_not_undo_a_newer_one() {
        clock.set(Instant.parse("2026-05-04T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var consentId = UUID.randomUUID();
        var t0 = Instant.parse("2026-05-04T10:00:00Z");
        var older = new ConsentGranted(
                UUID.randomUUID(), t0, 1, client, consentId, therapist, Set.of(DataClass.SAFETY_ALERTS), t0, null);
        var newer = new ConsentRevoked(
                UUID.randomUUID(),
                t0.plusSeconds(60),
                1,
                client,
                consentId,
                therapist,
                ConsentEndReason.REVOKED_BY_CLIENT);
        publish(newer, older);
        await(
                "revocation projected",
                () -> mongo.exists(Query.query(Criteria.where("_id").is(client + ":" + therapist)), "consent_grants")
                        .block());
        settle();
        var stored = mongo.findById(client + ":" + therapist, org.bson.Document.class, "consent_grants")
                .block();
        assertThat(stored.getString("status")).isEqualTo("INACTIVE");
    }

    @Test
    void a_grant_past_its_end_counts_as_inactive_before_its_revocation_arrives() {
        clock.set(Instant.parse("2026-05-05T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        publish(ConsentGranted.of(
                client,
                UUID.randomUUID(),
                therapist,
                Set.of(DataClass.SAFETY_ALERTS),
                Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-05-05T00:00:00Z")));
        await(
                "grant projected",
                () -> mongo.exists(Query.query(Criteria.where("_id").is(client + ":" + therapist)), "consent_grants")
                        .block());
        var flag = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        publish(flag);
        await(
                "crisis resources",
                () -> count(client.toString(), NotificationKind.CRISIS_RESOURCES, NotificationState.DELIVERED) == 1);
        settle();
        assertThat(count(therapist.toString(), NotificationKind.SAFETY_ALERT, NotificationState.DELIVERED))
                .isZero();
    }

    @Test
    void a_rupture_signal_reaches_only_a_therapist_with_a_session_feedback_grant_whether_or_not_words_were_shared() {
        clock.set(Instant.parse("2026-05-06T12:00:00Z"));
        var client = UUID.randomUUID();
        var allowed = UUID.randomUUID();
        var notAllowed = UUID.randomUUID();
        grant(client, allowed, DataClass.SESSION_FEEDBACK);
        grant(client, notAllowed, DataClass.MOOD_CHECKINS);
        var notShared = SessionFeedbackRecorded.of(
                client, UUID.randomUUID(), 10, 40, true, RuptureReason.LOW_TOTAL, false, LocalDate.of(2026, 5, 5));
        var shared = SessionFeedbackRecorded.of(
                client, UUID.randomUUID(), 10, 40, true, RuptureReason.LOW_TOTAL, true, LocalDate.of(2026, 5, 5));
        publish(notShared, shared);
        var id = Notification.idFor("rupture-signal:" + shared.feedbackId() + ":" + allowed);
        await("therapist with grant told", () -> {
            var n = notification(id);
            return n != null && n.state() == NotificationState.DELIVERED;
        });
        settle();
        await(
                "both prompts delivered",
                () -> count(allowed.toString(), NotificationKind.RUPTURE_SIGNAL, NotificationState.DELIVERED) == 2);
        settle();
        assertThat(count(allowed.toString(), NotificationKind.RUPTURE_SIGNAL, NotificationState.DELIVERED))
                .as("the ratings are shared under the grant, with or without the words")
                .isEqualTo(2);
        assertThat(count(notAllowed.toString(), NotificationKind.RUPTURE_SIGNAL, NotificationState.DELIVERED))
                .isZero();
    }

    @Test
    void assigned_content_reaches_the_client_with_its_title() {
        clock.set(Instant.parse("2026-05-07T12:00:00Z"));
        var client = UUID.randomUUID();
        var assigned = ContentAssigned.of(
                client,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "window-of-tolerance",
                "Your window of tolerance",
                null,
                null);
        publish(assigned, assigned);
        var id = Notification.idFor("content-assigned:" + assigned.assignmentId());
        await("delivered", () -> {
            var n = notification(id);
            return n != null && n.state() == NotificationState.DELIVERED;
        });
        asClient(client)
                .get()
                .uri("/api/v1/inbox")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.items[0].body")
                .value(text -> assertThat(text.toString()).contains("Your window of tolerance"));
    }

    @Test
    void a_session_schedule_is_published_and_plans_a_reminder_the_day_before_and_a_check_after() throws Exception {
        clock.set(Instant.parse("2026-05-08T12:00:00Z")); // a Friday
        var client = UUID.randomUUID();
        try (var probe = EventProbe.open(bootstrap, Topics.SESSIONS)) {
            asClient(client)
                    .put()
                    .uri("/api/v1/session-schedule")
                    .bodyValue(Map.of(
                            "timeZone", "Europe/London",
                            "weeklyDay", "TUESDAY",
                            "weeklyTime", "14:00",
                            "durationMinutes", 50))
                    .exchange()
                    .expectStatus()
                    .isOk();
            var event = probe.await(SessionScheduled.class, e -> e.clientId().equals(client), Duration.ofSeconds(20));
            assertThat(event.scheduledBy()).isEqualTo(client);
        }
        var start = Instant.parse("2026-05-12T13:00:00Z"); // Tuesday 14:00 BST
        var reminderId = Notification.idFor("session-reminder:" + client + ":" + start);
        var checkId = Notification.idFor("session-connection-check:" + client + ":" + start);
        var reminder = awaitValue("reminder planned", () -> notification(reminderId));
        assertThat(reminder.dueAt()).isEqualTo(Instant.parse("2026-05-11T13:00:00Z"));
        assertThat(reminder.expiresAt()).isEqualTo(start);
        var check = awaitValue("check planned", () -> notification(checkId));
        assertThat(check.dueAt()).isEqualTo(Instant.parse("2026-05-12T14:50:00Z"));

        clock.set(Instant.parse("2026-05-11T13:00:10Z"));
        await("reminder delivered", () -> notification(reminderId).state() == NotificationState.DELIVERED);
        clock.set(Instant.parse("2026-05-12T14:50:10Z"));
        await("check delivered", () -> notification(checkId).state() == NotificationState.DELIVERED);
        var nextStart = Instant.parse("2026-05-19T13:00:00Z");
        awaitValue(
                "the next week's session planned",
                () -> notification(Notification.idFor("session-reminder:" + client + ":" + nextStart)));
    }

    @Test
    void a_therapist_with_an_active_grant_can_set_the_clients_schedule() throws Exception {
        clock.set(Instant.parse("2026-05-09T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist, DataClass.SESSION_FEEDBACK);
        try (var probe = EventProbe.open(bootstrap, Topics.SESSIONS)) {
            asTherapist(therapist)
                    .put()
                    .uri("/api/v1/session-schedule")
                    .bodyValue(Map.of(
                            "clientId",
                            client.toString(),
                            "timeZone",
                            "America/New_York",
                            "oneOffStarts",
                            List.of("2026-05-20T15:00:00Z"),
                            "durationMinutes",
                            45))
                    .exchange()
                    .expectStatus()
                    .isOk();
            var event = probe.await(SessionScheduled.class, e -> e.clientId().equals(client), Duration.ofSeconds(20));
            assertThat(event.therapistId()).isEqualTo(therapist);
            assertThat(event.oneOffStarts()).containsExactly(Instant.parse("2026-05-20T15:00:00Z"));
        }
    }

    @Test
    void the_inbox_lists_unread_first_pages_and_lets_the_owner_read_and_dismiss() {
        clock.set(Instant.parse("2026-05-10T12:00:00Z"));
        var client = UUID.randomUUID();
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var id = UUID.randomUUID().toString();
            ids.add(id);
            store.schedule(Notification.due(
                            id,
                            client.toString(),
                            client.toString(),
                            NotificationKind.CONTENT_RECOMMENDED,
                            List.of("Item " + i),
                            null,
                            clock.instant().minusSeconds(60 - i),
                            clock.instant()))
                    .block();
        }
        await(
                "all delivered",
                () -> ids.stream().allMatch(id -> notification(id).state() == NotificationState.DELIVERED));
        var firstDelivered = ids.get(0);
        asClient(client)
                .post()
                .uri("/api/v1/inbox/{id}/read", firstDelivered)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("OPENED");
        asClient(UUID.randomUUID())
                .post()
                .uri("/api/v1/inbox/{id}/dismiss", ids.get(1))
                .exchange()
                .expectStatus()
                .isNotFound();
        asClient(client)
                .post()
                .uri("/api/v1/inbox/{id}/dismiss", ids.get(1))
                .exchange()
                .expectStatus()
                .isOk();

        asClient(client)
                .get()
                .uri("/api/v1/inbox?page=0&size=3")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(4)
                .jsonPath("$.unread")
                .isEqualTo(3)
                .jsonPath("$.items.length()")
                .isEqualTo(3)
                .jsonPath("$.items[0].unread")
                .isEqualTo(true)
                .jsonPath("$.items[2].unread")
                .isEqualTo(true);
        asClient(client)
                .get()
                .uri("/api/v1/inbox?page=1&size=3")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].id")
                .isEqualTo(firstDelivered)
                .jsonPath("$.items[0].unread")
                .isEqualTo(false);
        assertThat(notification(ids.get(1)).state()).isEqualTo(NotificationState.DISMISSED);
        assertThat(notification(firstDelivered).openedAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_safety_message_cannot_be_snoozed_away() {
        clock.set(Instant.parse("2026-05-11T12:00:00Z"));
        var client = UUID.randomUUID();
        var flag = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        publish(flag);
        var id = Notification.idFor("crisis-resources:" + flag.flagId());
        await("delivered", () -> {
            var n = notification(id);
            return n != null && n.state() == NotificationState.DELIVERED;
        });
        asClient(client)
                .post()
                .uri("/api/v1/inbox/{id}/snooze", id)
                .bodyValue(Map.of("minutes", 60))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(notification(id).state()).isEqualTo(NotificationState.DELIVERED);
    }

    @Test
    void a_poison_safety_message_goes_to_the_dead_letter_topic_and_the_next_flag_still_reaches_the_client()
            throws Exception {
        clock.set(Instant.parse("2026-05-12T12:00:00Z"));
        var client = UUID.randomUUID();
        var flag = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        try (var probe = EventProbe.open(bootstrap, Topics.deadLetterOf(Topics.SAFETY));
                var publisher = new EventPublisher(bootstrap)) {
            var key = client.toString();
            publisher.publishRaw(Topics.SAFETY, key, "{\"type\":\"SafetyFlagRaised\"".getBytes());
            publisher.publish(flag);
            var dead = probe.awaitRecord(Topics.deadLetterOf(Topics.SAFETY), Duration.ofSeconds(30));
            assertThat(dead.key()).isEqualTo(key);
        }
        var id = Notification.idFor("crisis-resources:" + flag.flagId());
        await("crisis resources delivered after the poison message", () -> {
            var n = notification(id);
            return n != null && n.state() == NotificationState.DELIVERED;
        });
    }
}

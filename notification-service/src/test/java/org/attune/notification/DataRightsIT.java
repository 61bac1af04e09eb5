package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.attune.events.AccountErased;
import org.attune.events.AttuneEvent;
import org.attune.events.CheckInRecorded;
import org.attune.events.ConsentGranted;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.events.RuptureReason;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.events.SessionFeedbackRecorded;
import org.attune.events.WindowOfTolerance;
import org.attune.kit.access.AccessLogEntry;
import org.attune.kit.erasure.ErasedAccounts;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationState;
import org.attune.notification.support.IntegrationTestBase;
import org.attune.testsupport.EventPublisher;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class DataRightsIT extends IntegrationTestBase {

    /** Documents naming the account in any id field, stored as a string (ours) or as a UUID (the kit's). */
    private long documentsMentioning(String collection, String accountId) {
        var id = UUID.fromString(accountId);
        var query = Query.query(new Criteria()
                .orOperator(
                        Criteria.where("_id").is(accountId),
                        Criteria.where("recipientId").in(accountId, id),
                        Criteria.where("clientId").in(accountId, id),
                        Criteria.where("therapistId").in(accountId, id),
                        Criteria.where("scheduledBy").is(accountId)));
        return mongo.count(query, Document.class, collection).block();
    }

    private void publish(AttuneEvent... events) {
        try (var publisher = new EventPublisher(bootstrap)) {
            for (var e : events) {
                publisher.publish(e);
            }
        }
    }

    private boolean erasedMarked(UUID account) {
        return mongo.exists(Query.query(Criteria.where("_id").is(account.toString())), ErasedAccounts.COLLECTION)
                .block();
    }

    private boolean handled(UUID eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(eventId.toString())), "applied_events")
                .block();
    }

    private void seedEverything(UUID client, UUID therapist) {
        asClient(client)
                .put()
                .uri("/api/v1/preferences")
                .bodyValue(Map.of(
                        "timeZone",
                        "Europe/Paris",
                        "dailyReminderTime",
                        "09:30",
                        "channels",
                        List.of("IN_APP", "EMAIL"),
                        "email",
                        "client-" + client + "@example.org"))
                .exchange()
                .expectStatus()
                .isOk();
        asClient(client)
                .put()
                .uri("/api/v1/session-schedule")
                .bodyValue(Map.of(
                        "timeZone",
                        "Europe/Paris",
                        "weeklyDay",
                        "MONDAY",
                        "weeklyTime",
                        "10:00",
                        "durationMinutes",
                        50))
                .exchange()
                .expectStatus()
                .isOk();
        try (var events = new EventPublisher(bootstrap)) {
            events.publish(ConsentGranted.of(
                    client,
                    UUID.randomUUID(),
                    therapist,
                    Set.of(DataClass.SAFETY_ALERTS),
                    clock.instant().minusSeconds(60),
                    null));
        }
        store.schedule(Notification.due(
                        UUID.randomUUID().toString(),
                        therapist.toString(),
                        client.toString(),
                        NotificationKind.RUPTURE_SIGNAL,
                        List.of(),
                        null,
                        clock.instant(),
                        clock.instant()))
                .block();
        await("consent projected", () -> documentsMentioning("consent_grants", client.toString()) == 1);
        await("session plan stored", () -> documentsMentioning("session_plans", client.toString()) == 1);
    }

    @Test
    void the_export_holds_the_callers_preferences_notifications_schedule_and_consents() {
        clock.set(Instant.parse("2026-06-01T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        seedEverything(client, therapist);
        await(
                "consent notice delivered",
                () -> store.count(Query.query(Criteria.where("recipientId")
                                        .is(client.toString())
                                        .and("state")
                                        .is(NotificationState.DELIVERED.name())))
                                .block()
                        >= 1);

        asClient(client)
                .get()
                .uri("/api/v1/export")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accountId")
                .isEqualTo(client.toString())
                .jsonPath("$.preferences.timeZone")
                .isEqualTo("Europe/Paris")
                .jsonPath("$.preferences.email")
                .isEqualTo("client-" + client + "@example.org")
                .jsonPath("$.notifications[?(@.kind == 'consent-granted-client')]")
                .exists()
                .jsonPath("$.notifications[?(@.kind == 'daily-checkin')]")
                .exists()
                .jsonPath("$.sessionSchedules[0].weeklyDay")
                .isEqualTo("MONDAY")
                .jsonPath("$.consents[0].therapistId")
                .isEqualTo(therapist.toString());

        asClient(UUID.randomUUID())
                .get()
                .uri("/api/v1/export")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.notifications.length()")
                .isEqualTo(0)
                .jsonPath("$.consents.length()")
                .isEqualTo(0);
    }

    @Test
    void an_erased_client_leaves_nothing_behind_in_any_collection() {
        clock.set(Instant.parse("2026-06-02T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var bystander = UUID.randomUUID();
        seedEverything(client, therapist);
        seedEverything(bystander, therapist);
        for (var collection :
                List.of("notifications", "preferences", "consent_grants", "session_plans", "session_schedules")) {
            assertThat(documentsMentioning(collection, client.toString()))
                    .as(collection)
                    .isPositive();
        }

        var erased = AccountErased.of(client, Role.CLIENT);
        publish(erased);
        // The account is marked erased before its data is deleted, so the marker alone does not mean "done".
        var collections =
                List.of("notifications", "preferences", "consent_grants", "session_plans", "session_schedules");
        await(
                "every collection emptied",
                () -> erasedMarked(client)
                        && collections.stream()
                                .allMatch(collection -> documentsMentioning(collection, client.toString()) == 0));
        assertThat(documentsMentioning("preferences", bystander.toString())).isEqualTo(1);
        assertThat(documentsMentioning("consent_grants", bystander.toString())).isEqualTo(1);
    }

    @Test
    void an_erased_therapist_loses_their_grants_and_inbox() {
        clock.set(Instant.parse("2026-06-03T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        seedEverything(client, therapist);
        var erased = AccountErased.of(therapist, Role.THERAPIST);
        try (var events = new EventPublisher(bootstrap)) {
            events.publish(erased);
        }
        await("grants gone", () -> documentsMentioning("consent_grants", therapist.toString()) == 0);
        assertThat(store.count(Query.query(Criteria.where("recipientId").is(therapist.toString())))
                        .block())
                .isZero();
        assertThat(documentsMentioning("preferences", client.toString())).isEqualTo(1);
    }

    @Test
    void events_about_an_erased_client_that_arrive_later_create_nothing() {
        clock.set(Instant.parse("2026-06-05T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        seedEverything(client, therapist);
        publish(AccountErased.of(client, Role.CLIENT));
        await("erased", () -> erasedMarked(client) && documentsMentioning("preferences", client.toString()) == 0);

        var flag = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        var feedback = SessionFeedbackRecorded.of(
                client, UUID.randomUUID(), 10, 40, true, RuptureReason.LOW_TOTAL, true, LocalDate.of(2026, 6, 4));
        var checkIn = CheckInRecorded.of(
                client,
                UUID.randomUUID(),
                5,
                WindowOfTolerance.WITHIN,
                List.of(),
                5,
                7.0,
                List.of(),
                false,
                LocalDate.of(2026, 6, 5));
        var regrant = ConsentGranted.of(
                client,
                UUID.randomUUID(),
                therapist,
                Set.of(DataClass.SAFETY_ALERTS, DataClass.SESSION_FEEDBACK),
                clock.instant().minusSeconds(60),
                null);
        publish(flag, feedback, checkIn, regrant);
        await(
                "every late event handled",
                () -> handled(flag.eventId())
                        && handled(feedback.eventId())
                        && handled(checkIn.eventId())
                        && handled(regrant.eventId()));
        settle();

        for (var collection :
                List.of("notifications", "preferences", "consent_grants", "session_plans", "session_schedules")) {
            assertThat(documentsMentioning(collection, client.toString()))
                    .as(collection)
                    .isZero();
        }
        assertThat(erasedMarked(client)).isTrue();
    }

    @Test
    void a_therapists_reads_stay_in_the_clients_access_log_under_a_pseudonym_after_the_therapist_is_erased() {
        clock.set(Instant.parse("2026-06-06T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        publish(ConsentGranted.of(
                client,
                UUID.randomUUID(),
                therapist,
                Set.of(DataClass.SESSION_FEEDBACK),
                clock.instant().minusSeconds(60),
                null));
        await("consent projected", () -> documentsMentioning("consent_grants", client.toString()) == 1);
        asClient(client)
                .put()
                .uri("/api/v1/session-schedule")
                .bodyValue(Map.of(
                        "timeZone",
                        "Europe/Paris",
                        "weeklyDay",
                        "MONDAY",
                        "weeklyTime",
                        "10:00",
                        "durationMinutes",
                        50))
                .exchange()
                .expectStatus()
                .isOk();
        asTherapist(therapist)
                .get()
                .uri("/api/v1/session-schedule?clientId={id}", client)
                .exchange()
                .expectStatus()
                .isOk();
        asClient(client)
                .get()
                .uri("/api/v1/access-log")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries.length()")
                .isEqualTo(1)
                .jsonPath("$.entries[0].therapistId")
                .isEqualTo(therapist.toString());

        publish(AccountErased.of(therapist, Role.THERAPIST));
        await(
                "therapist erased",
                () -> erasedMarked(therapist) && documentsMentioning("consent_grants", therapist.toString()) == 0);

        asClient(client)
                .get()
                .uri("/api/v1/access-log")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries.length()")
                .isEqualTo(1)
                .jsonPath("$.entries[0].therapistId")
                .doesNotExist()
                .jsonPath("$.entries[0].reader")
                .isEqualTo("an erased therapist account")
                .jsonPath("$.entries[0].dataClass")
                .isEqualTo("SESSION_FEEDBACK")
                .jsonPath("$.entries[0].resource")
                .isEqualTo("session-schedule");
        assertThat(mongo.count(
                                Query.query(Criteria.where("therapistId").is(therapist)),
                                Document.class,
                                AccessLogEntry.COLLECTION)
                        .block())
                .isZero();
    }

    @Test
    void the_scheduler_loop_runs_on_the_injected_clock() {
        theClockUsedIsTheTestClock();
        clock.set(Instant.parse("2026-06-04T12:00:00Z"));
        var id = UUID.randomUUID().toString();
        var client = UUID.randomUUID().toString();
        store.schedule(Notification.due(
                        id,
                        client,
                        client,
                        NotificationKind.CONTENT_ASSIGNED,
                        List.of("x"),
                        null,
                        Instant.parse("2026-06-04T13:00:00Z"),
                        clock.instant()))
                .block();
        settle();
        assertThat(notification(id).state()).isEqualTo(NotificationState.SCHEDULED);
        clock.advance(Duration.ofHours(1));
        await("delivered when the test clock says so", () -> notification(id).state() == NotificationState.DELIVERED);
    }
}

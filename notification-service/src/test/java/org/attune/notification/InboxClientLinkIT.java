package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.events.RuptureReason;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.events.SessionFeedbackRecorded;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationState;
import org.attune.notification.support.IntegrationTestBase;
import org.attune.testsupport.EventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Therapist-facing inbox entries name the client they are about, so the UI can link to that client's dashboard. */
class InboxClientLinkIT extends IntegrationTestBase {

    private void publish(AttuneEvent... events) {
        try (var publisher = new EventPublisher(bootstrap)) {
            for (var e : events) {
                publisher.publish(e);
            }
        }
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

    private void awaitDelivered(String id) {
        await("delivered", () -> {
            var n = notification(id);
            return n != null && n.state() == NotificationState.DELIVERED;
        });
    }

    @Test
    void a_safety_alert_in_the_therapists_inbox_names_the_client_and_the_clients_own_items_do_not() {
        clock.set(Instant.parse("2026-07-01T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist, DataClass.SAFETY_ALERTS);

        var flag = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        publish(flag);
        var alertId = Notification.idFor("safety-alert:" + flag.flagId() + ":" + therapist);
        awaitDelivered(alertId);
        awaitDelivered(Notification.idFor("crisis-resources:" + flag.flagId()));

        asTherapist(therapist)
                .get()
                .uri("/api/v1/inbox")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.kind == 'safety-alert')].clientId")
                .isEqualTo(List.of(client.toString()))
                .jsonPath("$.items[?(@.kind == 'consent-granted-therapist')].clientId")
                .isEqualTo(List.of(client.toString()));

        asClient(client)
                .get()
                .uri("/api/v1/inbox")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.kind == 'crisis-resources')]")
                .isNotEmpty()
                .jsonPath("$.items[?(@.kind == 'crisis-resources')].body")
                .value(bodies -> assertThat(bodies.toString())
                        .as("the lines of the one crisis-line configuration")
                        .contains("In the United States: 988 Suicide & Crisis Lifeline (call or text), 988")
                        .contains("In the United Kingdom: Samaritans (free to call), 116 123")
                        .contains("In the European Union: Emergency services, 112.")
                        .contains("Anywhere else: Emergency services, your local emergency number")
                        .contains("not an emergency service"))
                .jsonPath("$.items[?(@.kind == 'crisis-resources')].clientId")
                .value(ids -> assertThat((List<?>) ids).containsOnlyNulls())
                .jsonPath("$.items[?(@.clientId)]")
                .value(items -> assertThat((List<?>) items)
                        .as("no item in the client's own inbox names a client")
                        .allSatisfy(item -> assertThat(((java.util.Map<?, ?>) item).get("clientId"))
                                .isNull()));

        // Reading it answers with the same item, link included.
        asTherapist(therapist)
                .post()
                .uri("/api/v1/inbox/{id}/read", alertId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.clientId")
                .isEqualTo(client.toString())
                .jsonPath("$.state")
                .isEqualTo("OPENED");
    }

    @Test
    void each_answer_naming_the_client_of_an_alert_is_logged_and_after_a_revoke_the_alert_no_longer_names_them() {
        clock.set(Instant.parse("2026-07-04T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var granted = grant(client, therapist, DataClass.SAFETY_ALERTS);
        var flag = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        publish(flag);
        var alertId = Notification.idFor("safety-alert:" + flag.flagId() + ":" + therapist);
        awaitDelivered(alertId);

        asTherapist(therapist)
                .get()
                .uri("/api/v1/inbox")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.kind == 'safety-alert')].clientId")
                .isEqualTo(List.of(client.toString()));
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
                .isEqualTo(therapist.toString())
                .jsonPath("$.entries[0].dataClass")
                .isEqualTo("SAFETY_ALERTS")
                .jsonPath("$.entries[0].resource")
                .isEqualTo("inbox");

        publish(ConsentRevoked.of(client, granted.consentId(), therapist, ConsentEndReason.REVOKED_BY_CLIENT));
        await(
                "revocation projected",
                () -> "INACTIVE"
                        .equals(mongo.findById(client + ":" + therapist, org.bson.Document.class, "consent_grants")
                                .block()
                                .getString("status")));
        asTherapist(therapist)
                .get()
                .uri("/api/v1/inbox")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.kind == 'safety-alert')]")
                .isNotEmpty()
                .jsonPath("$.items[?(@.kind == 'safety-alert')].clientId")
                .value(ids -> assertThat((List<?>) ids).containsOnlyNulls());
        asTherapist(therapist)
                .post()
                .uri("/api/v1/inbox/{id}/read", alertId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.clientId")
                .doesNotExist();
        asClient(client)
                .get()
                .uri("/api/v1/access-log")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries.length()")
                .isEqualTo(1);
    }

    @Test
    void a_shared_rupture_signal_in_the_therapists_inbox_names_the_client() {
        clock.set(Instant.parse("2026-07-02T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist, DataClass.SESSION_FEEDBACK);
        var shared = SessionFeedbackRecorded.of(
                client, UUID.randomUUID(), 10, 40, true, RuptureReason.LOW_TOTAL, true, LocalDate.of(2026, 7, 1));
        publish(shared);
        awaitDelivered(Notification.idFor("rupture-signal:" + shared.feedbackId() + ":" + therapist));

        asTherapist(therapist)
                .get()
                .uri("/api/v1/inbox")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.kind == 'rupture-signal')].clientId")
                .isEqualTo(List.of(client.toString()));
    }

    @Test
    void an_item_stored_without_a_client_id_is_still_listed_read_and_dismissed() {
        clock.set(Instant.parse("2026-07-03T12:00:00Z"));
        var therapist = UUID.randomUUID();
        var id = UUID.randomUUID().toString();
        store.schedule(Notification.due(
                        id,
                        therapist.toString(),
                        UUID.randomUUID().toString(),
                        NotificationKind.CONSENT_ENDED_THERAPIST,
                        List.of(),
                        null,
                        clock.instant(),
                        clock.instant()))
                .block();
        awaitDelivered(id);
        // As an older document would be: no clientId field at all.
        var unset = mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(id)), new Update().unset("clientId"), "notifications")
                .block();
        assertThat(unset.getModifiedCount()).isEqualTo(1);
        assertThat(mongo.findById(id, org.bson.Document.class, "notifications")
                        .block()
                        .containsKey("clientId"))
                .isFalse();

        asTherapist(therapist)
                .get()
                .uri("/api/v1/inbox")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.items[0].id")
                .isEqualTo(id)
                .jsonPath("$.items[0].kind")
                .isEqualTo("consent-ended-therapist")
                .jsonPath("$.items[0].clientId")
                .doesNotExist();
        asTherapist(therapist)
                .post()
                .uri("/api/v1/inbox/{id}/dismiss", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("DISMISSED");
    }
}

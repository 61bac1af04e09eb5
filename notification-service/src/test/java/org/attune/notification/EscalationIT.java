package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.attune.events.AccountErased;
import org.attune.events.AttuneEvent;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.events.SafetyFlagAcknowledged;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.notification.alerting.Escalations;
import org.attune.notification.alerting.SafetyAlert;
import org.attune.notification.alerting.SafetyAlerts;
import org.attune.notification.store.EmailState;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationState;
import org.attune.notification.support.IntegrationTestBase;
import org.attune.notification.support.TestMail;
import org.attune.testsupport.EventPublisher;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * Escalation until acknowledged, on one instance with the test clock: the settings a therapist chooses, an alert sent
 * again at the end of the window (in quiet hours, with everything muted) to both addresses and the inbox, and what
 * stops it: an acknowledgement (also one that arrived before the alert), the end of the grant, an erasure.
 */
class EscalationIT extends IntegrationTestBase {

    @Autowired
    SafetyAlerts alerts;

    private void publish(AttuneEvent... events) {
        try (var publisher = new EventPublisher(bootstrap)) {
            for (var e : events) {
                publisher.publish(e);
            }
        }
    }

    private ConsentGranted grant(UUID client, UUID therapist) {
        var granted = ConsentGranted.of(
                client,
                UUID.randomUUID(),
                therapist,
                Set.of(DataClass.SAFETY_ALERTS),
                clock.instant().minus(Duration.ofDays(1)),
                null);
        publish(granted);
        await(
                "grant projected",
                () -> mongo.exists(Query.query(Criteria.where("_id").is(client + ":" + therapist)), "consent_grants")
                        .block());
        return granted;
    }

    /** A therapist in London, quiet from 21:00 to 08:00, everything muted, emails to their own address. */
    private String quietMutedTherapist(UUID therapist) {
        var own = "own-" + therapist + "@example.org";
        var body = new HashMap<String, Object>();
        body.put("timeZone", "Europe/London");
        body.put("quietHoursStart", "21:00");
        body.put("quietHoursEnd", "08:00");
        body.put("channels", List.of("IN_APP", "EMAIL"));
        body.put("email", own);
        body.put("mutedKinds", List.of("all"));
        asTherapist(therapist)
                .put()
                .uri("/api/v1/preferences")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
        return own;
    }

    private void alertSettings(UUID therapist, int windowMinutes, String escalationEmail) {
        var body = new HashMap<String, Object>();
        body.put("acknowledgementWindowMinutes", windowMinutes);
        body.put("escalationEmail", escalationEmail);
        asTherapist(therapist)
                .put()
                .uri("/api/v1/alert-settings")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private SafetyAlert tracked(SafetyFlagRaised flag, UUID therapist) {
        return awaitValue(
                "alert tracked",
                () -> alerts.of(flag.flagId().toString(), therapist.toString()).block(Duration.ofSeconds(5)));
    }

    private long escalations(UUID therapist) {
        return store.count(Query.query(Criteria.where("recipientId")
                        .is(therapist.toString())
                        .and("kind")
                        .is(NotificationKind.SAFETY_ALERT_ESCALATED.name())))
                .block();
    }

    @Test
    void a_therapist_reads_the_defaults_saves_a_window_and_an_address_and_bad_values_are_field_problems() {
        var therapist = UUID.randomUUID();
        asTherapist(therapist)
                .get()
                .uri("/api/v1/alert-settings")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.acknowledgementWindowMinutes")
                .isEqualTo(240)
                .jsonPath("$.escalationEmail")
                .isEmpty();

        alertSettings(therapist, 90, "OnCall@Practice.example");
        asTherapist(therapist)
                .get()
                .uri("/api/v1/alert-settings")
                .exchange()
                .expectBody()
                .jsonPath("$.acknowledgementWindowMinutes")
                .isEqualTo(90)
                .jsonPath("$.escalationEmail")
                .isEqualTo("oncall@practice.example");

        for (var bad : List.<Map<String, Object>>of(
                Map.of("acknowledgementWindowMinutes", 14),
                Map.of("acknowledgementWindowMinutes", 4321),
                Map.of("escalationEmail", "oncall@practice.example"),
                Map.of("acknowledgementWindowMinutes", 60, "escalationEmail", "not an address"),
                Map.of("acknowledgementWindowMinutes", 60, "escalationEmail", "oncall@localhost"))) {
            var field = bad.containsKey("escalationEmail") && bad.containsKey("acknowledgementWindowMinutes")
                    ? "escalationEmail"
                    : "acknowledgementWindowMinutes";
            asTherapist(therapist)
                    .put()
                    .uri("/api/v1/alert-settings")
                    .bodyValue(bad)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(field);
        }
        asTherapist(therapist)
                .get()
                .uri("/api/v1/alert-settings")
                .exchange()
                .expectBody()
                // a refused change changes nothing
                .jsonPath("$.acknowledgementWindowMinutes")
                .isEqualTo(90);
    }

    @Test
    void a_client_has_no_alert_settings() {
        var client = UUID.randomUUID();
        asClient(client)
                .get()
                .uri("/api/v1/alert-settings")
                .exchange()
                .expectStatus()
                .isForbidden();
        asClient(client)
                .put()
                .uri("/api/v1/alert-settings")
                .bodyValue(Map.of("acknowledgementWindowMinutes", 60))
                .exchange()
                .expectStatus()
                .isForbidden();
        web().get().uri("/api/v1/alert-settings").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void an_unacknowledged_alert_is_sent_again_at_the_end_of_the_window_to_both_addresses_in_quiet_hours_while_muted()
            throws Exception {
        clock.set(Instant.parse("2026-07-01T21:30:00Z")); // 22:30 in London: quiet hours
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var own = quietMutedTherapist(therapist);
        var onCall = "oncall-" + therapist + "@practice.example";
        alertSettings(therapist, 30, onCall);
        grant(client, therapist);
        var flag = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        publish(flag);
        var alert = tracked(flag, therapist);
        assertThat(alert.escalateAt()).isEqualTo(alert.alertedAt().plus(Duration.ofMinutes(30)));
        await("first alert emailed", () -> TestMail.mailbox(own).size() == 1);

        clock.set(alert.escalateAt().minusSeconds(1));
        settle();
        assertThat(escalations(therapist)).as("not before the window ends").isZero();

        clock.set(alert.escalateAt());
        var first = Escalations.notificationId(alert.id(), 1);
        await("escalated and emailed", () -> {
            var n = notification(first);
            return n != null && n.state() == NotificationState.ESCALATED && n.emailState() == EmailState.SENT;
        });
        assertThat(notification(first).urgent()).isTrue();
        assertThat(notification(first).emailTo()).isEqualTo(own + ", " + onCall);
        await(
                "both mailboxes",
                () -> TestMail.mailbox(onCall).size() == 1
                        && TestMail.mailbox(own).size() == 2);
        var mail = TestMail.mailbox(onCall).getFirst();
        assertThat(mail.getSubject()).isEqualTo("An alert in Attune is waiting to be acknowledged");
        assertThat(mail.getContent().toString())
                .contains("has not been acknowledged yet")
                .contains("https://attune.example/inbox")
                .doesNotContain(client.toString());
        asTherapist(therapist)
                .get()
                .uri("/api/v1/inbox")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.unread")
                .isEqualTo(2)
                .jsonPath("$.items[?(@.kind == 'safety-alert-escalated')].clientId")
                .isEqualTo(client.toString())
                .jsonPath("$.items[?(@.kind == 'safety-alert-escalated')].state")
                .isEqualTo("ESCALATED")
                .jsonPath("$.items[?(@.kind == 'safety-alert-escalated')].urgent")
                .isEqualTo(true);

        // Reading it keeps it in the inbox; the escalation stays recorded as sent once.
        asTherapist(therapist)
                .post()
                .uri("/api/v1/inbox/" + first + "/read")
                .exchange()
                .expectStatus()
                .isOk();
        clock.set(alert.escalateAt().plus(Duration.ofHours(23)));
        settle();
        assertThat(escalations(therapist)).isEqualTo(1);

        publish(new SafetyFlagAcknowledged(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                client,
                flag.flagId(),
                therapist));
        await("acknowledged", () -> alerts.find(alert.id()).block().acknowledgedAt() != null);
        var acknowledged = alerts.find(alert.id()).block();
        assertThat(acknowledged.endReason()).isEqualTo(SafetyAlert.EndReason.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo(therapist.toString());
        assertThat(acknowledged.escalateAt()).isNull();
        clock.set(alert.escalateAt().plus(Duration.ofDays(3)));
        settle();
        assertThat(escalations(therapist))
                .as("nothing after the acknowledgement")
                .isEqualTo(1);
        assertThat(TestMail.mailbox(onCall)).hasSize(1);
    }

    @Test
    void an_alert_whose_flag_was_acknowledged_before_the_alert_arrived_never_escalates() {
        clock.set(Instant.parse("2026-07-03T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist);
        var flag = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.SELF_HARM_ITEM, "PHQ-9");
        publish(SafetyFlagAcknowledged.of(client, flag.flagId(), therapist));
        await(
                "acknowledgement remembered",
                () -> mongo.exists(
                                Query.query(
                                        Criteria.where("_id").is(flag.flagId().toString())),
                                "safety_flag_acknowledgements")
                        .block());
        publish(flag);
        await("tracked as acknowledged", () -> {
            var alert =
                    alerts.of(flag.flagId().toString(), therapist.toString()).block();
            return alert != null && alert.acknowledgedAt() != null;
        });
        clock.set(Instant.parse("2026-07-05T12:00:00Z"));
        settle();
        assertThat(escalations(therapist)).isZero();
    }

    @Test
    void when_the_client_stops_sharing_safety_alerts_the_escalation_ends() {
        clock.set(Instant.parse("2026-07-07T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var granted = grant(client, therapist);
        var flag = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        publish(flag);
        var alert = tracked(flag, therapist);
        publish(ConsentRevoked.of(client, granted.consentId(), therapist, ConsentEndReason.REVOKED_BY_CLIENT));
        await(
                "revocation projected",
                () -> "INACTIVE"
                        .equals(mongo.findById(client + ":" + therapist, Document.class, "consent_grants")
                                .block()
                                .getString("status")));
        clock.set(alert.escalateAt());
        await(
                "escalation ended",
                () -> alerts.find(alert.id()).block().endReason() == SafetyAlert.EndReason.GRANT_ENDED);
        assertThat(alerts.find(alert.id()).block().escalateAt()).isNull();
        clock.set(alert.escalateAt().plus(Duration.ofDays(2)));
        settle();
        assertThat(escalations(therapist)).isZero();
    }

    @Test
    void an_escalation_claimed_by_an_instance_that_died_before_storing_it_is_stored_by_the_next_pass() {
        clock.set(Instant.parse("2026-07-09T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist);
        var flagId = UUID.randomUUID().toString();
        var claimedAt = clock.instant();
        var alertedAt = claimedAt.minus(Duration.ofHours(4));
        // As a claim leaves it: the escalation counted and marked pending, its notification never stored.
        var alert = new SafetyAlert(
                SafetyAlert.idOf(flagId, therapist.toString()),
                client.toString(),
                therapist.toString(),
                flagId,
                alertedAt,
                240,
                claimedAt.plus(Duration.ofHours(24)),
                1,
                claimedAt,
                "an-instance-that-died",
                1,
                null,
                null,
                null,
                null);
        mongo.insert(alert, "safety_alerts").block();
        var id = Escalations.notificationId(alert.id(), 1);
        await("stored and delivered", () -> {
            var n = notification(id);
            return n != null && n.state() == NotificationState.ESCALATED;
        });
        await("no longer pending", () -> alerts.find(alert.id()).block().pendingEscalation() == null);
        settle();
        assertThat(escalations(therapist)).isEqualTo(1);
    }

    @Test
    void the_export_names_the_settings_and_the_alerts_and_erasure_removes_them() {
        clock.set(Instant.parse("2026-07-11T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        alertSettings(therapist, 60, "oncall-" + therapist + "@practice.example");
        grant(client, therapist);
        var flag = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        publish(flag);
        var alert = tracked(flag, therapist);
        clock.set(alert.escalateAt());
        // Stored first (SCHEDULED), then delivered: the export is read once it has gone out.
        var escalation = Escalations.notificationId(alert.id(), 1);
        await(
                "escalated and delivered",
                () -> escalations(therapist) == 1 && notification(escalation).state() == NotificationState.ESCALATED);

        asTherapist(therapist)
                .get()
                .uri("/api/v1/export")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.alertSettings.acknowledgementWindowMinutes")
                .isEqualTo(60)
                .jsonPath("$.notifications[?(@.kind == 'safety-alert-escalated')].state")
                .isEqualTo("ESCALATED");
        asClient(client)
                .get()
                .uri("/api/v1/export")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.safetyAlerts[0].flagId")
                .isEqualTo(flag.flagId().toString())
                .jsonPath("$.safetyAlerts[0].escalations")
                .isEqualTo(1)
                .jsonPath("$.alertSettings")
                .isEmpty();

        publish(AccountErased.of(therapist, Role.THERAPIST));
        await(
                "settings and alerts gone",
                () -> !mongo.exists(Query.query(Criteria.where("_id").is(therapist.toString())), "alert_settings")
                                .block()
                        && alerts.find(alert.id()).block() == null);
        assertThat(escalations(therapist)).isZero();

        // An erased client leaves no alert and no remembered acknowledgement either.
        var other = UUID.randomUUID();
        var theirTherapist = UUID.randomUUID();
        grant(other, theirTherapist);
        var theirFlag = SafetyFlagRaised.of(other, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        publish(theirFlag, SafetyFlagAcknowledged.of(other, theirFlag.flagId(), theirTherapist));
        var theirAlert = tracked(theirFlag, theirTherapist);
        await(
                "acknowledgement remembered",
                () -> mongo.exists(
                                Query.query(Criteria.where("_id")
                                        .is(theirFlag.flagId().toString())),
                                "safety_flag_acknowledgements")
                        .block());
        publish(AccountErased.of(other, Role.CLIENT));
        await(
                "the client's alert and acknowledgement gone",
                () -> alerts.find(theirAlert.id()).block() == null
                        && !mongo.exists(
                                        Query.query(Criteria.where("clientId").is(other.toString())),
                                        "safety_flag_acknowledgements")
                                .block());
    }
}

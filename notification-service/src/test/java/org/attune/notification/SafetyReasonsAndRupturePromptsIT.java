package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.attune.events.SessionFeedbackShared;
import org.attune.notification.store.EmailState;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationState;
import org.attune.notification.support.IntegrationTestBase;
import org.attune.notification.support.TestMail;
import org.attune.testsupport.EventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * The therapist's alert and the client's crisis message say what raised the flag (a severe total with a 0 on the
 * self-harm item never reads as self-harm), every "I need help now" is an alert of its own, and a rupture prompt
 * follows the SESSION_FEEDBACK grant and takes the client's words in once they share them.
 */
class SafetyReasonsAndRupturePromptsIT extends IntegrationTestBase {

    static final String[] ABOUT_SELF_HARM = {"self-harm", "harm", "hurting", "better off dead"};

    private void publish(AttuneEvent... events) {
        try (var publisher = new EventPublisher(bootstrap)) {
            for (var e : events) {
                publisher.publish(e);
            }
        }
    }

    private void grant(UUID client, UUID therapist, DataClass... classes) {
        publish(ConsentGranted.of(
                client,
                UUID.randomUUID(),
                therapist,
                Set.of(classes),
                clock.instant().minus(Duration.ofDays(1)),
                null));
        await(
                "grant projected",
                () -> mongo.exists(Query.query(Criteria.where("_id").is(client + ":" + therapist)), "consent_grants")
                        .block());
    }

    private void emailTo(UUID therapist, String address) {
        var body = new HashMap<String, Object>();
        body.put("timeZone", "Europe/London");
        body.put("channels", List.of("IN_APP", "EMAIL"));
        body.put("email", address);
        asTherapist(therapist)
                .put()
                .uri("/api/v1/preferences")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private long count(String recipient, NotificationKind kind) {
        return store.count(Query.query(
                        Criteria.where("recipientId").is(recipient).and("kind").is(kind.name())))
                .block();
    }

    private Notification delivered(String id) {
        return awaitValue("notification " + id + " delivered", () -> {
            var n = notification(id);
            return n != null && n.state() == NotificationState.DELIVERED ? n : null;
        });
    }

    private JsonNode inboxItem(UUID who, boolean therapist, String id) {
        var body = (therapist ? asTherapist(who) : asClient(who))
                .get()
                .uri("/api/v1/inbox?size=100")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        for (var item : org.attune.events.EventJson.mapper().readTree(body).get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no inbox item " + id);
    }

    private static String alertId(SafetyFlagRaised flag, UUID therapist) {
        return Notification.idFor("safety-alert:" + flag.flagId() + ":" + therapist);
    }

    private static String promptId(UUID feedbackId, UUID therapist) {
        return Notification.idFor("rupture-signal:" + feedbackId + ":" + therapist);
    }

    @Test
    void a_severe_band_with_0_on_item_9_is_told_as_a_severe_range_never_as_self_harm_in_inbox_and_email()
            throws Exception {
        clock.set(Instant.parse("2026-06-01T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var address = "therapist-" + therapist + "@example.org";
        emailTo(therapist, address);
        grant(client, therapist, DataClass.SAFETY_ALERTS);
        var flag = SafetyFlagRaised.of(
                client, UUID.randomUUID(), SafetyFlagReason.SEVERE_BAND, "questionnaire:PHQ-9:" + UUID.randomUUID());
        publish(flag);

        var alert = delivered(alertId(flag, therapist));
        assertThat(alert.args()).containsExactly("SEVERE_BAND", "PHQ-9");
        var item = inboxItem(therapist, true, alert.id());
        var text = (item.get("title").asString() + " " + item.get("body").asString()).toLowerCase(Locale.ROOT);
        assertThat(text).contains("phq-9 total in its most severe range").doesNotContain(ABOUT_SELF_HARM);
        assertThat(item.get("urgent").asBoolean()).isTrue();

        await("alert emailed", () -> notification(alert.id()).emailState() == EmailState.SENT);
        var mails = TestMail.to(address).stream()
                .filter(mail -> TestMail.messageId(mail).contains(alert.id()))
                .toList();
        assertThat(mails).hasSize(1);
        assertThat((mails.getFirst().getSubject() + " " + mails.getFirst().getContent()).toLowerCase(Locale.ROOT))
                .doesNotContain(ABOUT_SELF_HARM);

        var resources = delivered(Notification.idFor("crisis-resources:" + flag.flagId()));
        assertThat(inboxItem(client, false, resources.id())
                        .get("body")
                        .asString()
                        .toLowerCase(Locale.ROOT))
                .contains("very heavy", "988", "not an emergency service")
                .doesNotContain(ABOUT_SELF_HARM);
    }

    @Test
    void item_9_above_0_is_told_as_the_self_harm_question_and_both_reasons_are_two_alerts() {
        clock.set(Instant.parse("2026-06-02T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist, DataClass.SAFETY_ALERTS);
        var response = "questionnaire:PHQ-9:" + UUID.randomUUID();
        var item9 = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.SELF_HARM_ITEM, response);
        var severe = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.SEVERE_BAND, response);
        publish(item9, severe);

        var selfHarm =
                inboxItem(therapist, true, delivered(alertId(item9, therapist)).id());
        assertThat(selfHarm.get("title").asString()).isEqualTo("A client answered the question about self-harm");
        assertThat(selfHarm.get("body").asString()).contains("PHQ-9 question about thoughts of being better off dead");
        var band =
                inboxItem(therapist, true, delivered(alertId(severe, therapist)).id());
        assertThat(band.get("body").asString().toLowerCase(Locale.ROOT))
                .contains("most severe range")
                .doesNotContain(ABOUT_SELF_HARM);
        assertThat(band.get("body").asString()).doesNotContain("''");
    }

    @Test
    void two_presses_of_help_now_are_two_alerts_and_two_crisis_messages() {
        clock.set(Instant.parse("2026-06-03T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist, DataClass.SAFETY_ALERTS);
        var first = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        var second = SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        publish(first, second);

        for (var flag : List.of(first, second)) {
            var alert = inboxItem(
                    therapist, true, delivered(alertId(flag, therapist)).id());
            assertThat(alert.get("title").asString()).isEqualTo("A client asked for help now");
            assertThat(alert.get("clientId").asString()).isEqualTo(client.toString());
            delivered(Notification.idFor("crisis-resources:" + flag.flagId()));
        }
        settle();
        assertThat(count(therapist.toString(), NotificationKind.SAFETY_ALERT)).isEqualTo(2);
        assertThat(count(client.toString(), NotificationKind.CRISIS_RESOURCES)).isEqualTo(2);
    }

    @Test
    void a_rupture_prompt_follows_the_grant_and_takes_in_the_words_once_when_they_are_shared_later() {
        clock.set(Instant.parse("2026-06-04T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var withoutGrant = UUID.randomUUID();
        grant(client, therapist, DataClass.SESSION_FEEDBACK);
        grant(client, withoutGrant, DataClass.SAFETY_ALERTS);
        var feedbackId = UUID.randomUUID();
        publish(SessionFeedbackRecorded.of(
                client, feedbackId, 20, 40, true, RuptureReason.LOW_TOTAL, false, LocalDate.of(2026, 6, 3)));

        var prompt = delivered(promptId(feedbackId, therapist));
        assertThat(prompt.args()).isEmpty();
        var before = inboxItem(therapist, true, prompt.id());
        assertThat(before.get("body").asString()).doesNotContain("own words");
        asTherapist(therapist)
                .post()
                .uri("/api/v1/inbox/{id}/read", prompt.id())
                .exchange()
                .expectStatus()
                .isOk();

        var shared = SessionFeedbackShared.of(client, feedbackId, "It felt rushed at the end.");
        publish(shared, shared); // a redelivery changes nothing
        await("words added", () -> !notification(prompt.id()).args().isEmpty());
        publish(SessionFeedbackShared.of(client, feedbackId, "Another share of the same check"));
        settle();

        var updated = notification(prompt.id());
        assertThat(updated.args()).containsExactly("It felt rushed at the end.");
        assertThat(updated.state()).isEqualTo(NotificationState.DELIVERED);
        assertThat(updated.unread())
                .as("unread again, so the therapist notices the words")
                .isTrue();
        assertThat(updated.deliveries())
                .as("the same notification, not delivered twice")
                .isEqualTo(prompt.deliveries());
        assertThat(updated.emailState()).isEqualTo(prompt.emailState());
        assertThat(inboxItem(therapist, true, prompt.id()).get("body").asString())
                .contains("in their own words: \"It felt rushed at the end.\"");
        assertThat(count(therapist.toString(), NotificationKind.RUPTURE_SIGNAL)).isEqualTo(1);
        assertThat(count(withoutGrant.toString(), NotificationKind.RUPTURE_SIGNAL))
                .isZero();

        // Once the client stops sharing session feedback, the prompt no longer shows their words.
        publish(ConsentRevoked.of(client, UUID.randomUUID(), therapist, ConsentEndReason.REVOKED_BY_CLIENT));
        await(
                "revocation projected",
                () -> "INACTIVE"
                        .equals(mongo.findById(client + ":" + therapist, org.bson.Document.class, "consent_grants")
                                .block()
                                .getString("status")));
        var after = inboxItem(therapist, true, prompt.id());
        assertThat(after.get("body").asString()).doesNotContain("rushed");
        assertThat(after.get("clientId").isNull()).isTrue();
    }

    @Test
    void words_shared_for_a_check_without_a_prompt_create_nothing_and_a_check_without_a_signal_prompts_nobody() {
        clock.set(Instant.parse("2026-06-05T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist, DataClass.SESSION_FEEDBACK);
        var calm = SessionFeedbackRecorded.of(client, UUID.randomUUID(), 38, 40, false, null, true, null);
        publish(calm, SessionFeedbackShared.of(client, calm.feedbackId(), "It was good"));
        settle();
        assertThat(count(therapist.toString(), NotificationKind.RUPTURE_SIGNAL)).isZero();
        assertThat(notification(promptId(calm.feedbackId(), therapist))).isNull();
    }

    @Test
    void words_shared_at_once_arrive_right_after_the_recorded_event_and_join_its_prompt() {
        clock.set(Instant.parse("2026-06-06T12:00:00Z"));
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist, DataClass.SESSION_FEEDBACK);
        var recorded = SessionFeedbackRecorded.of(
                client, UUID.randomUUID(), 30, 40, true, RuptureReason.DROP_FROM_BASELINE, true, null);
        publish(recorded, SessionFeedbackShared.of(client, recorded.feedbackId(), "Felt unheard"));

        var id = promptId(recorded.feedbackId(), therapist);
        await("prompt with words", () -> {
            var n = notification(id);
            return n != null
                    && n.state() == NotificationState.DELIVERED
                    && !n.args().isEmpty();
        });
        assertThat(inboxItem(therapist, true, id).get("body").asString()).contains("\"Felt unheard\"");
        assertThat(count(therapist.toString(), NotificationKind.RUPTURE_SIGNAL)).isEqualTo(1);
    }
}

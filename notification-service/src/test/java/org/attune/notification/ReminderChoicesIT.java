package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.attune.notification.preferences.Preferences;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationState;
import org.attune.notification.support.IntegrationTestBase;
import org.attune.notification.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Every reminder offers "mute this kind" and "pause reminders for a week": as buttons in the inbox (the API here) and
 * as a signed link in its email that needs no sign-in. Safety messages are never reminders.
 */
class ReminderChoicesIT extends IntegrationTestBase {

    private static final Pattern LINK = Pattern.compile("https://attune\\.example/reminder-links/([A-Za-z0-9_.-]+)");

    private String due(UUID recipient, NotificationKind kind) {
        var id = UUID.randomUUID().toString();
        store.schedule(Notification.due(
                        id,
                        recipient.toString(),
                        recipient.toString(),
                        kind,
                        kind == NotificationKind.CONTENT_RECOMMENDED ? List.of("Feet on the floor") : List.of(),
                        null,
                        clock.instant().minusSeconds(1),
                        clock.instant()))
                .block();
        return id;
    }

    private NotificationState settled(String id) {
        await(id + " decided", () -> notification(id).state() != NotificationState.SCHEDULED);
        return notification(id).state();
    }

    private void noQuietHours(UUID client, String email) {
        var body = new java.util.HashMap<String, Object>(
                Map.of("timeZone", "Europe/London", "quietHoursStart", "00:00", "quietHoursEnd", "00:00"));
        body.put("channels", email == null ? List.of("IN_APP") : List.of("IN_APP", "EMAIL"));
        if (email != null) {
            body.put("email", email);
        }
        asClient(client)
                .put()
                .uri("/api/v1/preferences")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private Preferences stored(UUID account) {
        return mongo.findById(account.toString(), Preferences.class, "preferences")
                .block();
    }

    @Test
    void one_tap_mutes_a_kind_of_reminder_and_later_ones_are_let_go_while_safety_messages_come() {
        clock.set(Instant.parse("2026-06-01T12:00:00Z"));
        var client = UUID.randomUUID();
        noQuietHours(client, null);

        asClient(client)
                .post()
                .uri("/api/v1/preferences/muted-kinds")
                .bodyValue(Map.of("kind", "daily-checkin"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.mutedKinds[0]")
                .isEqualTo("daily-checkin");
        // A second tap changes nothing more.
        asClient(client)
                .post()
                .uri("/api/v1/preferences/muted-kinds")
                .bodyValue(Map.of("kind", "daily-checkin"))
                .exchange()
                .expectBody()
                .jsonPath("$.mutedKinds.length()")
                .isEqualTo(1);

        assertThat(settled(due(client, NotificationKind.DAILY_CHECKIN))).isEqualTo(NotificationState.CANCELLED);
        assertThat(settled(due(client, NotificationKind.WEEKLY_QUESTIONNAIRE))).isEqualTo(NotificationState.DELIVERED);
        asClient(client)
                .get()
                .uri("/api/v1/inbox")
                .exchange()
                .expectBody()
                .jsonPath("$.items[?(@.kind == 'weekly-questionnaire')].title")
                .isEqualTo("This week's questionnaire");
        assertThat(settled(due(client, NotificationKind.CRISIS_RESOURCES))).isEqualTo(NotificationState.DELIVERED);
    }

    @Test
    void safety_messages_and_notices_cannot_be_muted_with_a_tap() {
        var client = UUID.randomUUID();
        for (var kind : List.of("safety-alert", "crisis-resources", "consent-ended-client", "all", "nonsense")) {
            asClient(client)
                    .post()
                    .uri("/api/v1/preferences/muted-kinds")
                    .bodyValue(Map.of("kind", kind))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("kind");
        }
        assertThat(stored(client)).as("nothing stored for a refused tap").isNull();
        asClient(client)
                .post()
                .uri("/api/v1/preferences/pause")
                .bodyValue(Map.of("days", 400))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void a_pause_lets_reminders_go_for_a_week_keeps_safety_and_notices_and_ends_by_itself() {
        clock.set(Instant.parse("2026-06-02T12:00:00Z"));
        var client = UUID.randomUUID();
        noQuietHours(client, null);

        asClient(client)
                .post()
                .uri("/api/v1/preferences/pause")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.pausedUntil")
                .isEqualTo("2026-06-09T12:00:00Z");

        assertThat(settled(due(client, NotificationKind.DAILY_CHECKIN))).isEqualTo(NotificationState.CANCELLED);
        assertThat(settled(due(client, NotificationKind.CONTENT_RECOMMENDED))).isEqualTo(NotificationState.CANCELLED);
        assertThat(settled(due(client, NotificationKind.CONSENT_GRANTED_CLIENT)))
                .as("a change to sharing is not a reminder")
                .isEqualTo(NotificationState.DELIVERED);
        assertThat(settled(due(client, NotificationKind.CRISIS_RESOURCES))).isEqualTo(NotificationState.DELIVERED);

        // Saving the other settings keeps the pause.
        noQuietHours(client, null);
        assertThat(stored(client).pausedUntil()).isEqualTo(Instant.parse("2026-06-09T12:00:00Z"));

        clock.set(Instant.parse("2026-06-09T12:00:01Z"));
        assertThat(settled(due(client, NotificationKind.DAILY_CHECKIN))).isEqualTo(NotificationState.DELIVERED);
        asClient(client)
                .get()
                .uri("/api/v1/preferences")
                .exchange()
                .expectBody()
                .jsonPath("$.pausedUntil")
                .doesNotExist();
    }

    @Test
    void a_pause_can_be_ended_sooner() {
        clock.set(Instant.parse("2026-06-03T12:00:00Z"));
        var client = UUID.randomUUID();
        noQuietHours(client, null);
        asClient(client)
                .post()
                .uri("/api/v1/preferences/pause")
                .bodyValue(Map.of("days", 2))
                .exchange()
                .expectBody()
                .jsonPath("$.pausedUntil")
                .isEqualTo("2026-06-05T12:00:00Z");
        asClient(client)
                .delete()
                .uri("/api/v1/preferences/pause")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.pausedUntil")
                .doesNotExist();
        assertThat(settled(due(client, NotificationKind.DAILY_CHECKIN))).isEqualTo(NotificationState.DELIVERED);
    }

    @Test
    void a_reminder_email_links_to_a_page_that_changes_nothing_until_a_choice_is_pressed() throws Exception {
        clock.set(Instant.parse("2026-06-04T12:00:00Z"));
        var client = UUID.randomUUID();
        var address = "choices-" + client + "@example.org";
        noQuietHours(client, address);

        due(client, NotificationKind.WEEKLY_QUESTIONNAIRE);
        await("emailed", () -> TestMail.to(address).size() == 1);
        var text = (String) TestMail.to(address).getFirst().getContent();
        var link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        var token = link.group(1);

        var page = web().get()
                .uri("/reminder-links/{token}", token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .valueEquals("Cache-Control", "no-store")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains("Mute weekly questionnaire reminders", "Pause all reminders for a week")
                .as("one apostrophe, as a person writes it")
                .contains("make Attune&#39;s reminders quieter")
                .contains("method=\"post\"")
                .doesNotContain(client.toString(), address);
        assertThat(stored(client).mutedKinds())
                .as("opening the page changes nothing")
                .isEmpty();
        assertThat(stored(client).pausedUntil()).isNull();

        web().post()
                .uri("/reminder-links/{token}", token)
                .body(BodyInserters.fromFormData("action", "mute"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(done -> assertThat(done).contains("weekly questionnaire reminders are muted"));
        assertThat(stored(client).mutedKinds()).containsExactly("weekly-questionnaire");

        web().post()
                .uri("/reminder-links/{token}", token)
                .body(BodyInserters.fromFormData("action", "pause"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(done -> assertThat(done).contains("paused until Thursday 11 June, 13:00 (Europe/London)"));
        assertThat(stored(client).pausedUntil()).isEqualTo(Instant.parse("2026-06-11T12:00:00Z"));
        assertThat(stored(client).channels()).as("nothing else changed").hasSize(2);
        assertThat(stored(client).quietHoursStart()).isEqualTo("00:00");
    }

    @Test
    void a_forged_expired_or_unknown_link_changes_nothing_and_safety_emails_carry_none() throws Exception {
        clock.set(Instant.parse("2026-06-05T12:00:00Z"));
        var client = UUID.randomUUID();
        var address = "safety-" + client + "@example.org";
        noQuietHours(client, address);

        due(client, NotificationKind.CRISIS_RESOURCES);
        due(client, NotificationKind.DAILY_CHECKIN);
        await("both emailed", () -> TestMail.to(address).size() == 2);
        String token = null;
        for (var mail : TestMail.to(address)) {
            var text = (String) mail.getContent();
            var link = LINK.matcher(text);
            if (link.find()) {
                token = link.group(1);
            } else {
                assertThat(text).doesNotContain("reminder-links");
            }
        }
        assertThat(token).as("exactly the reminder carries a link").isNotNull();
        assertThat(TestMail.to(address).stream()
                        .filter(m -> {
                            try {
                                return ((String) m.getContent()).contains("reminder-links");
                            } catch (Exception e) {
                                return false;
                            }
                        })
                        .count())
                .isEqualTo(1);

        var forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        web().post()
                .uri("/reminder-links/{token}", forged)
                .body(BodyInserters.fromFormData("action", "mute"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("This link no longer works"));
        web().post()
                .uri("/reminder-links/{token}", token)
                .body(BodyInserters.fromFormData("action", "everything"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        clock.set(clock.instant().plus(Duration.ofDays(31)));
        web().post()
                .uri("/reminder-links/{token}", token)
                .body(BodyInserters.fromFormData("action", "pause"))
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(stored(client).mutedKinds()).isEmpty();
        assertThat(stored(client).pausedUntil()).isNull();
    }

    @Test
    void a_link_for_an_account_without_preferences_creates_none() throws Exception {
        clock.set(Instant.parse("2026-06-06T12:00:00Z"));
        var client = UUID.randomUUID();
        var address = "gone-" + client + "@example.org";
        noQuietHours(client, address);
        due(client, NotificationKind.SESSION_REMINDER);
        await("emailed", () -> TestMail.to(address).size() == 1);
        var link = LINK.matcher((String) TestMail.to(address).getFirst().getContent());
        assertThat(link.find()).isTrue();
        // As after an erasure: the preferences are gone.
        mongo.remove(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                        .is(client.toString())),
                        "preferences")
                .block();

        web().post()
                .uri("/reminder-links/{token}", link.group(1))
                .body(BodyInserters.fromFormData("action", "pause"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("nothing to change"));
        assertThat(stored(client)).isNull();
    }
}

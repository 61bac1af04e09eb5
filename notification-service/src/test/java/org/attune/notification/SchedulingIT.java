package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.events.CheckInRecorded;
import org.attune.events.ContentRecommended;
import org.attune.events.WindowOfTolerance;
import org.attune.notification.preferences.ReminderPlanner;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationState;
import org.attune.notification.support.IntegrationTestBase;
import org.attune.testsupport.EventPublisher;
import org.junit.jupiter.api.Test;

class SchedulingIT extends IntegrationTestBase {

    private void setPreferences(UUID client, String zone, String daily, String quietStart, String quietEnd) {
        var body = new java.util.HashMap<String, Object>();
        body.put("timeZone", zone);
        body.put("dailyReminderTime", daily);
        body.put("quietHoursStart", quietStart);
        body.put("quietHoursEnd", quietEnd);
        body.put("channels", List.of("IN_APP"));
        asClient(client)
                .put()
                .uri("/api/v1/preferences")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private Notification daily(UUID client, String date) {
        return notification(ReminderPlanner.dailyId(client.toString(), date));
    }

    private void dailyReminderFollowsLocalNineAcrossTheSwitch(
            String zone, Instant before, String day1, Instant due1, String day2, Instant due2) {
        clock.set(before);
        var client = UUID.randomUUID();
        setPreferences(client, zone, "09:00", "00:00", "00:00");

        var first = awaitValue("first reminder planned", () -> daily(client, day1));
        assertThat(first.dueAt()).isEqualTo(due1);
        assertThat(first.state()).isEqualTo(NotificationState.SCHEDULED);

        clock.set(due1.plusSeconds(30));
        await("first reminder delivered", () -> daily(client, day1).state() == NotificationState.DELIVERED);
        assertThat(daily(client, day1).deliveredAt()).isEqualTo(due1.plusSeconds(30));

        var second = awaitValue("next day's reminder planned", () -> daily(client, day2));
        assertThat(second.dueAt()).isEqualTo(due2);
        clock.set(due2.minusSeconds(60));
        settle();
        assertThat(daily(client, day2).state()).isEqualTo(NotificationState.SCHEDULED);
        clock.set(due2.plusSeconds(30));
        await("second reminder delivered", () -> daily(client, day2).state() == NotificationState.DELIVERED);
    }

    @Test
    void a_daily_reminder_stays_at_nine_local_across_the_spring_switch_in_london() {
        dailyReminderFollowsLocalNineAcrossTheSwitch(
                "Europe/London",
                Instant.parse("2026-03-28T07:00:00Z"),
                "2026-03-28",
                Instant.parse("2026-03-28T09:00:00Z"),
                "2026-03-29",
                Instant.parse("2026-03-29T08:00:00Z"));
    }

    @Test
    void a_daily_reminder_stays_at_nine_local_across_the_spring_switch_in_new_york() {
        dailyReminderFollowsLocalNineAcrossTheSwitch(
                "America/New_York",
                Instant.parse("2026-03-07T12:00:00Z"),
                "2026-03-07",
                Instant.parse("2026-03-07T14:00:00Z"),
                "2026-03-08",
                Instant.parse("2026-03-08T13:00:00Z"));
    }

    @Test
    void a_daily_reminder_stays_at_nine_local_across_the_autumn_switch_in_new_york() {
        dailyReminderFollowsLocalNineAcrossTheSwitch(
                "America/New_York",
                Instant.parse("2026-10-31T12:00:00Z"),
                "2026-10-31",
                Instant.parse("2026-10-31T13:00:00Z"),
                "2026-11-01",
                Instant.parse("2026-11-01T14:00:00Z"));
    }

    @Test
    void a_notification_arriving_in_quiet_hours_waits_until_they_end() throws Exception {
        clock.set(Instant.parse("2026-03-28T22:30:00Z")); // 22:30 in London (GMT)
        var client = UUID.randomUUID();
        setPreferences(client, "Europe/London", null, "21:00", "08:00");
        var recommendation = ContentRecommended.of(
                client, UUID.randomUUID(), "box-breathing", "Box breathing", "A calm moment", "rule-1", false, null);
        try (var events = new EventPublisher(bootstrap)) {
            events.publish(recommendation);
        }
        var id = Notification.idFor("content-recommended:" + recommendation.recommendationId());
        // 08:00 London on the 29th is 07:00 UTC (BST).
        await("deferred to the end of quiet hours", () -> {
            var n = notification(id);
            return n != null && Instant.parse("2026-03-29T07:00:00Z").equals(n.dueAt());
        });
        assertThat(notification(id).state()).isEqualTo(NotificationState.SCHEDULED);

        clock.set(Instant.parse("2026-03-29T06:59:00Z"));
        settle();
        assertThat(notification(id).state()).isEqualTo(NotificationState.SCHEDULED);

        clock.set(Instant.parse("2026-03-29T07:00:10Z"));
        await("delivered once quiet hours ended", () -> notification(id).state() == NotificationState.DELIVERED);
    }

    @Test
    void a_check_in_today_cancels_todays_pending_reminder() throws Exception {
        clock.set(Instant.parse("2026-04-02T07:00:00Z"));
        var client = UUID.randomUUID();
        setPreferences(client, "Europe/London", "09:00", "22:00", "07:00");
        awaitValue("reminder planned", () -> daily(client, "2026-04-02"));

        try (var events = new EventPublisher(bootstrap)) {
            events.publish(CheckInRecorded.of(
                    client,
                    UUID.randomUUID(),
                    6,
                    WindowOfTolerance.WITHIN,
                    List.of("calm"),
                    5,
                    7.0,
                    List.of(),
                    false,
                    LocalDate.of(2026, 4, 2)));
        }
        await("reminder cancelled", () -> daily(client, "2026-04-02").state() == NotificationState.CANCELLED);

        clock.set(Instant.parse("2026-04-02T08:00:30Z")); // 09:00:30 BST
        settle();
        var reminder = daily(client, "2026-04-02");
        assertThat(reminder.state()).isEqualTo(NotificationState.CANCELLED);
        assertThat(reminder.deliveredAt()).isNull();
    }

    @Test
    void a_check_in_before_the_reminder_is_planned_prevents_it() throws Exception {
        clock.set(Instant.parse("2026-04-03T07:00:00Z"));
        var client = UUID.randomUUID();
        try (var events = new EventPublisher(bootstrap)) {
            events.publish(CheckInRecorded.of(
                    client,
                    UUID.randomUUID(),
                    4,
                    WindowOfTolerance.HYPO,
                    List.of(),
                    3,
                    null,
                    List.of(),
                    false,
                    LocalDate.of(2026, 4, 4)));
        }
        await("placeholder stored", () -> daily(client, "2026-04-04") != null);
        setPreferences(client, "Europe/London", "09:00", "22:00", "07:00");
        clock.set(Instant.parse("2026-04-04T08:00:30Z"));
        settle();
        assertThat(daily(client, "2026-04-04").state()).isEqualTo(NotificationState.CANCELLED);
    }

    @Test
    void a_snoozed_notification_is_delivered_once_more_at_the_right_time() {
        clock.set(Instant.parse("2026-04-05T12:00:00Z"));
        var client = UUID.randomUUID();
        var id = UUID.randomUUID().toString();
        store.schedule(Notification.due(
                        id,
                        client.toString(),
                        client.toString(),
                        NotificationKind.CONTENT_ASSIGNED,
                        List.of("Noticing the body"),
                        null,
                        clock.instant(),
                        clock.instant()))
                .block();
        await("delivered", () -> notification(id).state() == NotificationState.DELIVERED);

        asClient(client)
                .post()
                .uri("/api/v1/inbox/{id}/snooze", id)
                .bodyValue(Map.of("minutes", 30))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("SCHEDULED")
                .jsonPath("$.dueAt")
                .isEqualTo("2026-04-05T12:30:00Z");

        clock.set(Instant.parse("2026-04-05T12:29:00Z"));
        settle();
        assertThat(notification(id).state()).isEqualTo(NotificationState.SCHEDULED);

        clock.set(Instant.parse("2026-04-05T12:30:05Z"));
        await("delivered again", () -> notification(id).state() == NotificationState.DELIVERED);
        settle();
        var again = notification(id);
        assertThat(again.deliveries()).isEqualTo(2);
        assertThat(again.snoozes()).isEqualTo(1);
        assertThat(again.deliveredAt()).isEqualTo(Instant.parse("2026-04-05T12:30:05Z"));
    }

    @Test
    void a_reminder_that_could_only_arrive_past_its_usefulness_window_expires_instead() {
        clock.set(Instant.parse("2026-04-06T13:00:00Z"));
        var client = UUID.randomUUID();
        var id = UUID.randomUUID().toString();
        // Due at 09:00, useful for three hours: the instance was down until 13:00.
        store.schedule(Notification.due(
                        id,
                        client.toString(),
                        client.toString(),
                        NotificationKind.DAILY_CHECKIN,
                        List.of(),
                        "2026-04-06",
                        Instant.parse("2026-04-06T09:00:00Z"),
                        Instant.parse("2026-04-05T20:00:00Z")))
                .block();
        await("expired", () -> notification(id).state() == NotificationState.EXPIRED);
        var expired = notification(id);
        assertThat(expired.expiredAt()).isEqualTo(clock.instant());
        assertThat(expired.deliveredAt()).isNull();
    }

    @Test
    void a_restarted_instance_delivers_what_became_due_while_it_was_down_and_what_a_dead_instance_had_claimed() {
        clock.set(Instant.parse("2026-04-07T10:00:00Z"));
        var client = UUID.randomUUID().toString();
        var dueWhileDown = UUID.randomUUID().toString();
        var claimedByDeadInstance = UUID.randomUUID().toString();
        store.schedule(Notification.due(
                        dueWhileDown,
                        client,
                        client,
                        NotificationKind.DAILY_CHECKIN,
                        List.of(),
                        "2026-04-07",
                        Instant.parse("2026-04-07T09:30:00Z"),
                        Instant.parse("2026-04-06T20:00:00Z")))
                .block();
        var stuck = Notification.due(
                claimedByDeadInstance,
                client,
                client,
                NotificationKind.CONTENT_ASSIGNED,
                List.of("Grounding"),
                null,
                // Not yet due when stored: the running loop must not claim it before the dead instance's lease is set.
                Instant.parse("2026-04-07T10:05:00Z"),
                Instant.parse("2026-04-07T09:50:00Z"));
        store.schedule(stuck).block();
        mongo.updateFirst(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                        .is(claimedByDeadInstance)),
                        new org.springframework.data.mongodb.core.query.Update()
                                .set("leaseOwner", "instance-that-died")
                                .set("leaseUntil", Instant.parse("2026-04-07T10:00:30Z"))
                                .set("dueAt", Instant.parse("2026-04-07T09:55:00Z")),
                        "notifications")
                .block();

        await("due-while-down delivered", () -> notification(dueWhileDown).state() == NotificationState.DELIVERED);
        settle();
        assertThat(notification(claimedByDeadInstance).state())
                .as("still leased by the dead instance")
                .isEqualTo(NotificationState.SCHEDULED);

        clock.advance(Duration.ofMinutes(1));
        await(
                "delivered after the dead instance's lease ran out",
                () -> notification(claimedByDeadInstance).state() == NotificationState.DELIVERED);
        assertThat(notification(claimedByDeadInstance).deliveries()).isEqualTo(1);
    }

    @Test
    void a_weekly_questionnaire_reminder_comes_on_the_chosen_day_at_the_reminder_time() {
        clock.set(Instant.parse("2026-04-08T12:00:00Z")); // a Wednesday
        var client = UUID.randomUUID();
        var body = new java.util.HashMap<String, Object>();
        body.put("timeZone", "America/New_York");
        body.put("dailyReminderTime", "19:30");
        body.put("weeklyQuestionnaireDay", "SATURDAY");
        body.put("quietHoursStart", "22:00");
        body.put("quietHoursEnd", "07:00");
        body.put("channels", List.of("IN_APP"));
        asClient(client)
                .put()
                .uri("/api/v1/preferences")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
        var id = Notification.idFor("weekly-questionnaire:" + client + ":2026-04-11");
        var weekly = awaitValue("weekly reminder planned", () -> notification(id));
        assertThat(weekly.dueAt()).isEqualTo(Instant.parse("2026-04-11T23:30:00Z")); // 19:30 EDT
        assertThat(weekly.kind()).isEqualTo(NotificationKind.WEEKLY_QUESTIONNAIRE);
        clock.set(Instant.parse("2026-04-11T23:30:05Z"));
        await("delivered", () -> notification(id).state() == NotificationState.DELIVERED);
    }
}

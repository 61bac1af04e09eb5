package org.attune.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventRecordsTest {

    private static final UUID CLIENT = Examples.CLIENT;
    private static final UUID THERAPIST = Examples.THERAPIST;

    @Test
    void every_event_starts_with_the_common_header() {
        for (Class<?> type : AttuneEvent.class.getPermittedSubclasses()) {
            assertThat(Arrays.stream(type.getRecordComponents()).limit(4).map(RecordComponent::getName))
                    .as(type.getSimpleName())
                    .containsExactly("eventId", "occurredAt", "schemaVersion", "clientId");
        }
    }

    @Test
    void the_kafka_key_is_the_client_id_except_for_consent_events() {
        for (AttuneEvent event : Examples.all()) {
            String expected = event instanceof ConsentGranted || event instanceof ConsentRevoked
                    ? CLIENT + ":" + THERAPIST
                    : CLIENT.toString();
            assertThat(event.kafkaKey()).as(event.getClass().getSimpleName()).isEqualTo(expected);
        }
    }

    @Test
    void the_note_text_is_not_a_field_of_check_in_recorded() {
        assertThat(Arrays.stream(CheckInRecorded.class.getRecordComponents()).map(RecordComponent::getName))
                .contains("hasNote")
                .noneMatch(name -> name.toLowerCase().contains("note") && !name.equals("hasNote"))
                .noneMatch(name -> name.toLowerCase().contains("text"));
    }

    @Test
    void factories_fill_a_fresh_id_the_current_time_and_schema_version_1() {
        Instant before = Instant.now();
        CheckInRecorded first = CheckInRecorded.of(
                CLIENT, UUID.randomUUID(), 5, WindowOfTolerance.WITHIN, List.of(), 5, null, List.of(), false, day());
        CheckInRecorded second = CheckInRecorded.of(
                CLIENT, UUID.randomUUID(), 5, WindowOfTolerance.WITHIN, List.of(), 5, null, List.of(), false, day());

        assertThat(first.eventId()).isNotNull().isNotEqualTo(second.eventId());
        assertThat(first.occurredAt()).isBetween(before, Instant.now());
        assertThat(first.schemaVersion()).isEqualTo(1);
        assertThat(first.clientId()).isEqualTo(CLIENT);
    }

    @Test
    void every_factory_builds_a_valid_event_with_the_header_filled() {
        UUID id = UUID.randomUUID();
        List<AttuneEvent> events = List.of(
                CheckInRecorded.of(
                        CLIENT, id, 5, WindowOfTolerance.WITHIN, List.of("calm"), 5, 7.0, List.of(), false, day()),
                QuestionnaireCompleted.of(CLIENT, id, "GAD-7", 5, 21, "mild", null, false, List.of()),
                MeasureAssigned.of(CLIENT, id, THERAPIST, "PHQ-9", 2, MeasureCadenceUnit.WEEKS, day(), 3),
                MeasureWindowOpened.of(CLIENT, id, "PHQ-9", day(), Instant.now()),
                MeasureAnswered.of(CLIENT, id, "PHQ-9", day(), id),
                MeasureWindowClosed.of(CLIENT, id, "PHQ-9", day()),
                MeasurePaused.of(CLIENT, id),
                MeasureResumed.of(CLIENT, id, day()),
                MeasureStopped.of(CLIENT, id, MeasureStopReason.DECLINED_BY_CLIENT),
                SessionFeedbackRecorded.of(CLIENT, id, 36, 40, false, null, true, null),
                SessionFeedbackShared.of(CLIENT, id, "It felt rushed"),
                SafetyFlagRaised.of(CLIENT, id, SafetyFlagReason.HELP_NOW, "help-now"),
                SafetyFlagAcknowledged.of(CLIENT, id, THERAPIST),
                ConsentGranted.of(CLIENT, id, THERAPIST, Set.of(DataClass.NOTES), Instant.now(), null),
                ConsentRevoked.of(CLIENT, id, THERAPIST, ConsentEndReason.EXPIRED),
                AccountErased.of(CLIENT, Role.CLIENT),
                SessionScheduled.of(CLIENT, id, CLIENT, "UTC", null, null, List.of(Instant.now()), 50, null),
                ContentRecommended.of(CLIENT, id, "breathing", "Box breathing", "Because", "rule-1", true, null),
                ContentAssigned.of(CLIENT, id, THERAPIST, "breathing", "Box breathing", "Daily", null),
                NotificationDelivered.of(CLIENT, id, CLIENT, "session-reminder", Channel.IN_APP),
                TimeZoneChosen.of(CLIENT, "Europe/London"));

        assertThat(events)
                .<Class<?>>extracting(e -> e.getClass())
                .containsExactlyInAnyOrder(AttuneEvent.class.getPermittedSubclasses());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.eventId()).isNotNull();
            assertThat(e.occurredAt()).isNotNull();
            assertThat(e.schemaVersion()).isEqualTo(AttuneEvent.CURRENT_SCHEMA_VERSION);
            assertThat(e.clientId()).isEqualTo(CLIENT);
            assertThat(EventJson.read(EventJson.write(e))).isEqualTo(e);
        });
    }

    @Test
    void lists_are_copied_defensively_and_immutable() {
        List<String> emotions = new ArrayList<>(List.of("sad"));
        CheckInRecorded event = CheckInRecorded.of(
                CLIENT, UUID.randomUUID(), 3, WindowOfTolerance.HYPO, emotions, 3, null, List.of(), false, day());
        emotions.add("angry");

        assertThat(event.emotions()).containsExactly("sad");
        assertThatThrownBy(() -> event.emotions().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void data_classes_are_copied_defensively_immutable_and_in_declaration_order() {
        EnumSet<DataClass> classes = EnumSet.of(DataClass.SAFETY_ALERTS, DataClass.MOOD_CHECKINS);
        ConsentGranted event = ConsentGranted.of(CLIENT, UUID.randomUUID(), THERAPIST, classes, Instant.now(), null);
        classes.add(DataClass.NOTES);

        assertThat(event.dataClasses()).containsExactly(DataClass.MOOD_CHECKINS, DataClass.SAFETY_ALERTS);
        assertThatThrownBy(() -> event.dataClasses().add(DataClass.NOTES))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void required_fields_are_checked_with_a_message_naming_the_field() {
        assertThatThrownBy(() -> SafetyFlagRaised.of(CLIENT, null, SafetyFlagReason.HELP_NOW, "help-now"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("flagId is required");
        assertThatThrownBy(() -> SafetyFlagAcknowledged.of(CLIENT, UUID.randomUUID(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("therapistId is required");
        assertThatThrownBy(() -> AccountErased.of(null, Role.CLIENT))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("clientId is required");
        assertThatThrownBy(() -> NotificationDelivered.of(CLIENT, UUID.randomUUID(), CLIENT, " ", Channel.EMAIL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kind must not be blank");
        assertThatThrownBy(() -> CheckInRecorded.of(
                        CLIENT,
                        UUID.randomUUID(),
                        5,
                        WindowOfTolerance.WITHIN,
                        Arrays.asList("ok", null),
                        5,
                        null,
                        List.of(),
                        false,
                        day()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("emotions must not contain null");
    }

    @Test
    void scores_and_scales_are_range_checked() {
        assertThatThrownBy(() -> checkIn(11, 5, null)).hasMessage("mood must be between 0 and 10");
        assertThatThrownBy(() -> checkIn(5, -1, null)).hasMessage("energy must be between 0 and 10");
        assertThatThrownBy(() -> checkIn(5, 5, 25.0)).hasMessage("sleepHours must be between 0 and 24");
        assertThatThrownBy(() -> checkIn(5, 5, Double.NaN)).hasMessage("sleepHours must be between 0 and 24");
        assertThatThrownBy(() -> QuestionnaireCompleted.of(
                        CLIENT, UUID.randomUUID(), "PHQ-9", 28, 27, "severe", null, false, List.of()))
                .hasMessage("total must be between 0 and 27");
    }

    @Test
    void a_rupture_reason_is_set_exactly_when_a_rupture_is_signalled() {
        assertThatThrownBy(() -> SessionFeedbackRecorded.of(CLIENT, UUID.randomUUID(), 10, 40, true, null, true, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionFeedbackRecorded.of(
                        CLIENT, UUID.randomUUID(), 10, 40, false, RuptureReason.LOW_TOTAL, true, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shared_words_are_required_and_only_session_feedback_shared_carries_them() {
        assertThatThrownBy(() -> SessionFeedbackShared.of(CLIENT, UUID.randomUUID(), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("comment must not be blank");
        assertThatThrownBy(() -> SessionFeedbackShared.of(CLIENT, UUID.randomUUID(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("comment is required");
        for (Class<?> type : AttuneEvent.class.getPermittedSubclasses()) {
            if (type != SessionFeedbackShared.class) {
                assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                        .as(type.getSimpleName())
                        .doesNotContain("comment", "text", "words");
            }
        }
    }

    @Test
    void a_consent_grants_at_least_one_data_class_and_ends_after_it_starts() {
        Instant start = Instant.parse("2025-03-01T10:00:00Z");
        assertThatThrownBy(() -> ConsentGranted.of(CLIENT, UUID.randomUUID(), THERAPIST, Set.of(), start, null))
                .hasMessage("dataClasses must not be empty");
        assertThatThrownBy(() -> ConsentGranted.of(
                        CLIENT, UUID.randomUUID(), THERAPIST, Set.of(DataClass.NOTES), start, start.minusSeconds(1)))
                .hasMessage("endsAt must be after startsAt");
        assertThat(ConsentGranted.of(
                                CLIENT,
                                UUID.randomUUID(),
                                THERAPIST,
                                Set.of(DataClass.NOTES),
                                start,
                                start.plus(Duration.ofDays(90)))
                        .endsAt())
                .isEqualTo(start.plus(Duration.ofDays(90)));
    }

    @Test
    void a_schedule_needs_a_valid_zone_and_a_complete_weekly_slot() {
        assertThatThrownBy(() -> schedule("Mars/Olympus", DayOfWeek.MONDAY, LocalTime.NOON))
                .hasMessage("timeZone must be a valid zone id");
        assertThatThrownBy(() -> schedule("Europe/Berlin", DayOfWeek.MONDAY, null))
                .hasMessage("weeklyDay and weeklyTime must be set together");
        assertThat(schedule("Europe/Berlin", null, null).weeklyDay()).isNull();
    }

    private static CheckInRecorded checkIn(int mood, int energy, Double sleepHours) {
        return CheckInRecorded.of(
                CLIENT,
                UUID.randomUUID(),
                mood,
                WindowOfTolerance.WITHIN,
                List.of(),
                energy,
                sleepHours,
                List.of(),
                false,
                day());
    }

    private static SessionScheduled schedule(String zone, DayOfWeek day, LocalTime time) {
        return SessionScheduled.of(CLIENT, UUID.randomUUID(), CLIENT, zone, day, time, List.of(), 50, null);
    }

    private static LocalDate day() {
        return LocalDate.of(2025, 3, 14);
    }
}

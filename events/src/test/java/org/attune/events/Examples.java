package org.attune.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * The records that the pinned JSON examples under {@code examples/} must read as. Fixed ids and instants so the files
 * can be compared byte for byte by eye and as trees by the tests.
 */
final class Examples {

    static final UUID CLIENT = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID THERAPIST = UUID.fromString("22222222-2222-4222-8222-222222222222");
    static final UUID CHECK_IN_EVENT = UUID.fromString("e0000000-0000-4000-8000-000000000001");

    private Examples() {}

    /** Every event type, in the order of the sealed interface's permits clause. */
    static List<Class<? extends AttuneEvent>> types() {
        return Arrays.stream(AttuneEvent.class.getPermittedSubclasses())
                .<Class<? extends AttuneEvent>>map(c -> c.asSubclass(AttuneEvent.class))
                .toList();
    }

    static String json(Class<? extends AttuneEvent> type) {
        String path = "/examples/" + type.getSimpleName() + ".json";
        try (InputStream in = Examples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No pinned example " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AttuneEvent expected(Class<? extends AttuneEvent> type) {
        return all().stream()
                .filter(type::isInstance)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No expected record for " + type.getSimpleName()));
    }

    static List<AttuneEvent> all() {
        return List.of(
                checkInRecorded(),
                questionnaireCompleted(),
                measureAssigned(),
                measureWindowOpened(),
                measureAnswered(),
                measureWindowClosed(),
                measurePaused(),
                measureResumed(),
                measureStopped(),
                sessionFeedbackRecorded(),
                sessionFeedbackShared(),
                safetyFlagRaised(),
                safetyFlagAcknowledged(),
                consentGranted(),
                consentRevoked(),
                accountErased(),
                sessionScheduled(),
                contentRecommended(),
                contentAssigned(),
                notificationDelivered(),
                timeZoneChosen());
    }

    static CheckInRecorded checkInRecorded() {
        return new CheckInRecorded(
                CHECK_IN_EVENT,
                Instant.parse("2025-03-14T21:30:00Z"),
                1,
                CLIENT,
                id(101),
                4,
                WindowOfTolerance.HYPO,
                List.of("tired", "flat"),
                3,
                6.5,
                List.of("work"),
                true,
                LocalDate.of(2025, 3, 14));
    }

    static QuestionnaireCompleted questionnaireCompleted() {
        return new QuestionnaireCompleted(
                event(2),
                Instant.parse("2025-03-15T08:05:12.345Z"),
                1,
                CLIENT,
                id(102),
                "PHQ-9",
                16,
                27,
                "moderately severe",
                "moderate",
                true,
                List.of("item9-positive"));
    }

    static SessionFeedbackRecorded sessionFeedbackRecorded() {
        return new SessionFeedbackRecorded(
                event(3),
                Instant.parse("2025-03-18T17:45:00Z"),
                1,
                CLIENT,
                id(103),
                28,
                40,
                true,
                RuptureReason.DROP_FROM_BASELINE,
                false,
                LocalDate.of(2025, 3, 18));
    }

    /** The words of the check above, shared the next morning. */
    static SessionFeedbackShared sessionFeedbackShared() {
        return new SessionFeedbackShared(
                event(12),
                Instant.parse("2025-03-19T09:10:00Z"),
                1,
                CLIENT,
                id(103),
                "I felt rushed at the end and didn't get to say the main thing.");
    }

    static SafetyFlagRaised safetyFlagRaised() {
        return new SafetyFlagRaised(
                event(4),
                Instant.parse("2025-03-15T08:05:12.345Z"),
                1,
                CLIENT,
                id(104),
                SafetyFlagReason.SELF_HARM_ITEM,
                "PHQ-9");
    }

    static SafetyFlagAcknowledged safetyFlagAcknowledged() {
        return new SafetyFlagAcknowledged(
                event(12), Instant.parse("2025-03-15T09:40:00Z"), 1, CLIENT, id(104), THERAPIST);
    }

    static ConsentGranted consentGranted() {
        return new ConsentGranted(
                event(5),
                Instant.parse("2025-03-01T10:00:00Z"),
                1,
                CLIENT,
                id(105),
                THERAPIST,
                EnumSet.of(DataClass.MOOD_CHECKINS, DataClass.INSTRUMENT_SCORES, DataClass.SAFETY_ALERTS),
                Instant.parse("2025-03-01T10:00:00Z"),
                null);
    }

    static ConsentRevoked consentRevoked() {
        return new ConsentRevoked(
                event(6),
                Instant.parse("2025-04-02T12:00:00Z"),
                1,
                CLIENT,
                id(105),
                THERAPIST,
                ConsentEndReason.REVOKED_BY_CLIENT);
    }

    static AccountErased accountErased() {
        return new AccountErased(event(7), Instant.parse("2025-05-01T00:00:00Z"), 1, CLIENT, Role.CLIENT);
    }

    static SessionScheduled sessionScheduled() {
        return new SessionScheduled(
                event(8),
                Instant.parse("2025-03-02T09:00:00Z"),
                1,
                CLIENT,
                id(108),
                THERAPIST,
                "Europe/Berlin",
                DayOfWeek.TUESDAY,
                LocalTime.of(18, 30),
                List.of(Instant.parse("2025-03-27T16:00:00Z")),
                50,
                THERAPIST);
    }

    static ContentRecommended contentRecommended() {
        return new ContentRecommended(
                event(9),
                Instant.parse("2025-03-14T21:30:01Z"),
                1,
                CLIENT,
                id(109),
                "grounding-5-4-3-2-1",
                "5-4-3-2-1 grounding",
                "You noted feeling flat; grounding can help you come back to the present.",
                "hypo-window",
                false,
                CHECK_IN_EVENT);
    }

    static ContentAssigned contentAssigned() {
        return new ContentAssigned(
                event(10),
                Instant.parse("2025-03-18T18:00:00Z"),
                1,
                CLIENT,
                id(110),
                THERAPIST,
                "thought-record",
                "Thought record",
                null,
                LocalDate.of(2025, 3, 25));
    }

    static NotificationDelivered notificationDelivered() {
        return new NotificationDelivered(
                event(11),
                Instant.parse("2025-03-25T07:00:00Z"),
                1,
                CLIENT,
                id(111),
                THERAPIST,
                "safety-alert",
                Channel.EMAIL);
    }

    static MeasureAssigned measureAssigned() {
        return new MeasureAssigned(
                event(20),
                Instant.parse("2025-03-10T10:00:00Z"),
                1,
                CLIENT,
                id(120),
                THERAPIST,
                "PHQ-9",
                2,
                MeasureCadenceUnit.WEEKS,
                LocalDate.of(2025, 3, 16),
                3);
    }

    static MeasureWindowOpened measureWindowOpened() {
        return new MeasureWindowOpened(
                event(21),
                Instant.parse("2025-03-16T00:00:01Z"),
                1,
                CLIENT,
                id(120),
                "PHQ-9",
                LocalDate.of(2025, 3, 16),
                Instant.parse("2025-03-19T00:00:00Z"));
    }

    static MeasureAnswered measureAnswered() {
        return new MeasureAnswered(
                event(22),
                Instant.parse("2025-03-17T08:00:00Z"),
                1,
                CLIENT,
                id(120),
                "PHQ-9",
                LocalDate.of(2025, 3, 16),
                id(121));
    }

    static MeasureWindowClosed measureWindowClosed() {
        return new MeasureWindowClosed(
                event(23),
                Instant.parse("2025-04-02T23:00:00Z"),
                1,
                CLIENT,
                id(120),
                "PHQ-9",
                LocalDate.of(2025, 3, 30));
    }

    static MeasurePaused measurePaused() {
        return new MeasurePaused(event(24), Instant.parse("2025-04-05T09:00:00Z"), 1, CLIENT, id(120));
    }

    static MeasureResumed measureResumed() {
        return new MeasureResumed(
                event(25), Instant.parse("2025-04-20T09:00:00Z"), 1, CLIENT, id(120), LocalDate.of(2025, 4, 27));
    }

    static MeasureStopped measureStopped() {
        return new MeasureStopped(
                event(26), Instant.parse("2025-05-01T09:00:00Z"), 1, CLIENT, id(120), MeasureStopReason.GRANT_ENDED);
    }

    static TimeZoneChosen timeZoneChosen() {
        return new TimeZoneChosen(event(27), Instant.parse("2025-03-09T18:00:00Z"), 1, CLIENT, "Europe/London");
    }

    private static UUID event(int n) {
        return UUID.fromString("e0000000-0000-4000-8000-%012d".formatted(n));
    }

    private static UUID id(int n) {
        return UUID.fromString("a0000000-0000-4000-8000-%012d".formatted(n));
    }
}

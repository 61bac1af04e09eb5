package org.attune.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Kafka topic names and where each event goes. Names carry a version suffix so a breaking change gets a new topic
 * instead of a mixed one.
 */
public final class Topics {

    public static final String CHECKINS = "attune.checkins.v1";
    public static final String QUESTIONNAIRES = "attune.questionnaires.v1";
    public static final String SESSION_FEEDBACK = "attune.session-feedback.v1";
    public static final String SAFETY = "attune.safety.v1";
    public static final String CONSENT = "attune.consent.v1";
    public static final String ACCOUNTS = "attune.accounts.v1";
    public static final String SESSIONS = "attune.sessions.v1";
    public static final String CONTENT = "attune.content.v1";
    public static final String NOTIFICATIONS = "attune.notifications.v1";

    /**
     * Partitions per topic: keys are per client (per client–therapist pair on consent), so this bounds consumer
     * parallelism, not ordering.
     */
    public static final int PARTITIONS = 3;

    /**
     * How long every topic except consent keeps a record (dead-letter topics included): long enough for a service
     * that was down to catch up, short enough that health data does not pile up in the broker beside the services'
     * stores. Deployments change it with {@code ATTUNE_KAFKA_RETENTION_DAYS}.
     */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final List<String> ALL = List.of(
            CHECKINS, QUESTIONNAIRES, SESSION_FEEDBACK, SAFETY, CONSENT, ACCOUNTS, SESSIONS, CONTENT, NOTIFICATIONS);

    // The class-keyed lookup cannot be checked for exhaustiveness by the compiler; TopicsTest checks it against the
    // permitted subclasses instead.
    private static final Map<Class<? extends AttuneEvent>, String> BY_TYPE = Map.ofEntries(
            Map.entry(CheckInRecorded.class, CHECKINS),
            Map.entry(QuestionnaireCompleted.class, QUESTIONNAIRES),
            Map.entry(MeasureAssigned.class, QUESTIONNAIRES),
            Map.entry(MeasureWindowOpened.class, QUESTIONNAIRES),
            Map.entry(MeasureAnswered.class, QUESTIONNAIRES),
            Map.entry(MeasureWindowClosed.class, QUESTIONNAIRES),
            Map.entry(MeasurePaused.class, QUESTIONNAIRES),
            Map.entry(MeasureResumed.class, QUESTIONNAIRES),
            Map.entry(MeasureStopped.class, QUESTIONNAIRES),
            Map.entry(SessionFeedbackRecorded.class, SESSION_FEEDBACK),
            Map.entry(SessionFeedbackShared.class, SESSION_FEEDBACK),
            Map.entry(SafetyFlagRaised.class, SAFETY),
            Map.entry(SafetyFlagAcknowledged.class, SAFETY),
            Map.entry(ConsentGranted.class, CONSENT),
            Map.entry(ConsentRevoked.class, CONSENT),
            Map.entry(AccountErased.class, ACCOUNTS),
            Map.entry(SessionScheduled.class, SESSIONS),
            Map.entry(ContentRecommended.class, CONTENT),
            Map.entry(ContentAssigned.class, CONTENT),
            Map.entry(NotificationDelivered.class, NOTIFICATIONS),
            Map.entry(TimeZoneChosen.class, NOTIFICATIONS));

    private Topics() {}

    /** Where a consumer parks a record it cannot process, so the partition keeps moving. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The nine main topics. */
    public static List<String> all() {
        return ALL;
    }

    /** The main topics followed by their dead-letter topics. */
    public static List<String> allWithDeadLetters() {
        return Stream.concat(ALL.stream(), ALL.stream().map(Topics::deadLetterOf))
                .toList();
    }

    /**
     * Only consent is compacted: its latest state per client–therapist pair is what matters, until an erasure ends the
     * pair with a tombstone.
     */
    public static boolean isCompacted(String topic) {
        return CONSENT.equals(topic);
    }

    /**
     * The Kafka key of every {@link ConsentGranted} and {@link ConsentRevoked}: {@code clientId:therapistId}. It starts
     * with the client id like every other key, and is per pair so that compaction keeps each pair's latest state and an
     * erasure can end one pair with a tombstone without touching the client's other pairs.
     */
    public static String consentKey(UUID clientId, UUID therapistId) {
        return clientId + ":" + therapistId;
    }

    /**
     * The topic-level config every Attune topic is created with and kept at: consent is compacted (and never expires);
     * every other topic, dead-letter topics included, deletes records older than {@code retention}.
     * {@code infra/kafka/create-topics.sh} mirrors this for the compose stack.
     */
    public static Map<String, String> configOf(String topic, Duration retention) {
        if (isCompacted(topic)) {
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG,
                String.valueOf(retention.toMillis()));
    }

    public static String topicOf(AttuneEvent event) {
        // No default branch: a new event type does not compile until it has a topic.
        return switch (event) {
            case CheckInRecorded e -> CHECKINS;
            case QuestionnaireCompleted e -> QUESTIONNAIRES;
            case MeasureAssigned e -> QUESTIONNAIRES;
            case MeasureWindowOpened e -> QUESTIONNAIRES;
            case MeasureAnswered e -> QUESTIONNAIRES;
            case MeasureWindowClosed e -> QUESTIONNAIRES;
            case MeasurePaused e -> QUESTIONNAIRES;
            case MeasureResumed e -> QUESTIONNAIRES;
            case MeasureStopped e -> QUESTIONNAIRES;
            case SessionFeedbackRecorded e -> SESSION_FEEDBACK;
            case SessionFeedbackShared e -> SESSION_FEEDBACK;
            case SafetyFlagRaised e -> SAFETY;
            case SafetyFlagAcknowledged e -> SAFETY;
            case ConsentGranted e -> CONSENT;
            case ConsentRevoked e -> CONSENT;
            case AccountErased e -> ACCOUNTS;
            case SessionScheduled e -> SESSIONS;
            case ContentRecommended e -> CONTENT;
            case ContentAssigned e -> CONTENT;
            case NotificationDelivered e -> NOTIFICATIONS;
            case TimeZoneChosen e -> NOTIFICATIONS;
        };
    }

    public static String topicOf(Class<? extends AttuneEvent> type) {
        String topic = BY_TYPE.get(type);
        if (topic == null) {
            throw new IllegalArgumentException("No topic for " + type.getName());
        }
        return topic;
    }
}

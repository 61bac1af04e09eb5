package org.attune.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * Every fact Attune publishes on Kafka. Sealed so that {@link Topics#topicOf(AttuneEvent)} and every consumer switch
 * must handle a new event. The wire name in {@code "type"} is a logical name, never a Java class name, so packages can
 * move without breaking stored messages.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CheckInRecorded.class, name = "CheckInRecorded"),
    @JsonSubTypes.Type(value = QuestionnaireCompleted.class, name = "QuestionnaireCompleted"),
    @JsonSubTypes.Type(value = MeasureAssigned.class, name = "MeasureAssigned"),
    @JsonSubTypes.Type(value = MeasureWindowOpened.class, name = "MeasureWindowOpened"),
    @JsonSubTypes.Type(value = MeasureAnswered.class, name = "MeasureAnswered"),
    @JsonSubTypes.Type(value = MeasureWindowClosed.class, name = "MeasureWindowClosed"),
    @JsonSubTypes.Type(value = MeasurePaused.class, name = "MeasurePaused"),
    @JsonSubTypes.Type(value = MeasureResumed.class, name = "MeasureResumed"),
    @JsonSubTypes.Type(value = MeasureStopped.class, name = "MeasureStopped"),
    @JsonSubTypes.Type(value = SessionFeedbackRecorded.class, name = "SessionFeedbackRecorded"),
    @JsonSubTypes.Type(value = SessionFeedbackShared.class, name = "SessionFeedbackShared"),
    @JsonSubTypes.Type(value = SafetyFlagRaised.class, name = "SafetyFlagRaised"),
    @JsonSubTypes.Type(value = SafetyFlagAcknowledged.class, name = "SafetyFlagAcknowledged"),
    @JsonSubTypes.Type(value = ConsentGranted.class, name = "ConsentGranted"),
    @JsonSubTypes.Type(value = ConsentRevoked.class, name = "ConsentRevoked"),
    @JsonSubTypes.Type(value = AccountErased.class, name = "AccountErased"),
    @JsonSubTypes.Type(value = SessionScheduled.class, name = "SessionScheduled"),
    @JsonSubTypes.Type(value = ContentRecommended.class, name = "ContentRecommended"),
    @JsonSubTypes.Type(value = ContentAssigned.class, name = "ContentAssigned"),
    @JsonSubTypes.Type(value = NotificationDelivered.class, name = "NotificationDelivered"),
    @JsonSubTypes.Type(value = TimeZoneChosen.class, name = "TimeZoneChosen")
})
public sealed interface AttuneEvent
        permits CheckInRecorded,
                QuestionnaireCompleted,
                MeasureAssigned,
                MeasureWindowOpened,
                MeasureAnswered,
                MeasureWindowClosed,
                MeasurePaused,
                MeasureResumed,
                MeasureStopped,
                SessionFeedbackRecorded,
                SessionFeedbackShared,
                SafetyFlagRaised,
                SafetyFlagAcknowledged,
                ConsentGranted,
                ConsentRevoked,
                AccountErased,
                SessionScheduled,
                ContentRecommended,
                ContentAssigned,
                NotificationDelivered,
                TimeZoneChosen {

    /** Version of the event's shape; factories write 1, consumers may branch on it when a shape changes. */
    int CURRENT_SCHEMA_VERSION = 1;

    /** Unique per event, so consumers can de-duplicate redeliveries. */
    UUID eventId();

    Instant occurredAt();

    int schemaVersion();

    /** The client the event concerns; for {@link AccountErased} the erased account. */
    UUID clientId();

    /**
     * Partition key: the client id, so one client's events stay in order. Consent events override it with the
     * client–therapist pair ({@link Topics#consentKey}), which still starts with the client id.
     */
    default String kafkaKey() {
        return clientId().toString();
    }
}

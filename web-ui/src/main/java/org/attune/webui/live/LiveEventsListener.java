package org.attune.webui.live;

import org.attune.events.AttuneEvent;
import org.attune.events.CheckInRecorded;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.events.MeasureAnswered;
import org.attune.events.MeasurePaused;
import org.attune.events.MeasureResumed;
import org.attune.events.MeasureStopped;
import org.attune.events.MeasureWindowClosed;
import org.attune.events.MeasureWindowOpened;
import org.attune.events.QuestionnaireCompleted;
import org.attune.events.SafetyFlagAcknowledged;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SessionFeedbackRecorded;
import org.attune.events.SessionFeedbackShared;
import org.attune.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Turns the services' events into live refresh signals for open therapist views. Each web-ui instance has its own
 * consumer group (its open views live in its memory) and starts at the latest offset: a signal for a view that was
 * not open is worthless. Nothing is persisted, so a redelivered event only causes one more refresh. Records that
 * cannot be read go to the dead-letter topic (the kit's {@code MessagingConfiguration}). Nothing of an event's content is logged.
 */
@Component
class LiveEventsListener {

    private final LiveUpdates live;

    LiveEventsListener(LiveUpdates live) {
        this.live = live;
    }

    @KafkaListener(
            groupId = "${attune.live.group-id}",
            topics = {Topics.CHECKINS, Topics.QUESTIONNAIRES, Topics.SESSION_FEEDBACK, Topics.SAFETY, Topics.CONSENT},
            properties = {"auto.offset.reset=${attune.live.offset-reset:latest}"})
    void on(@Payload(required = false) AttuneEvent event) {
        if (event == null) {
            return; // a tombstone on the consent topic: the pair's revocation came before it
        }
        switch (event) {
            case CheckInRecorded e ->
                live.clientChanged(e.clientId(), LiveUpdates.Kind.CHECK_IN, DataClass.MOOD_CHECKINS);
            case QuestionnaireCompleted e ->
                live.clientChanged(e.clientId(), LiveUpdates.Kind.QUESTIONNAIRE, DataClass.INSTRUMENT_SCORES);
            // A scheduled questionnaire opened, was answered, closed, paused or stopped: its dashboard section follows.
            case MeasureWindowOpened _,
                    MeasureAnswered _,
                    MeasureWindowClosed _,
                    MeasurePaused _,
                    MeasureResumed _,
                    MeasureStopped _ ->
                live.clientChanged(event.clientId(), LiveUpdates.Kind.QUESTIONNAIRE, DataClass.INSTRUMENT_SCORES);
            // Under SESSION_FEEDBACK the therapist sees the ratings of every check and the words once shared, so both
            // a new check and words shared later refresh the open dashboard (clientChanged checks the grant).
            case SessionFeedbackRecorded e ->
                live.clientChanged(e.clientId(), LiveUpdates.Kind.SESSION_FEEDBACK, DataClass.SESSION_FEEDBACK);
            case SessionFeedbackShared e ->
                live.clientChanged(e.clientId(), LiveUpdates.Kind.SESSION_FEEDBACK, DataClass.SESSION_FEEDBACK);
            case SafetyFlagRaised e ->
                live.clientChanged(e.clientId(), LiveUpdates.Kind.SAFETY_FLAG, DataClass.SAFETY_ALERTS);
            // Another therapist (or instance) acknowledged: open dashboards show the flag as seen.
            case SafetyFlagAcknowledged e ->
                live.clientChanged(e.clientId(), LiveUpdates.Kind.SAFETY_FLAG, DataClass.SAFETY_ALERTS);
            // This instance learns of its own grant changes in-process (GrantChanged); the topic carries those made
            // through another web-ui instance, so every instance's open views follow.
            case ConsentRevoked e -> live.sharingChanged(e.clientId(), e.therapistId(), false);
            case ConsentGranted e -> live.sharingChanged(e.clientId(), e.therapistId(), true);
            default -> {
                // Other events are not on these topics.
            }
        }
    }
}

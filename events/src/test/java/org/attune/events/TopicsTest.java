package org.attune.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topic_of_covers_every_permitted_event_type_and_agrees_for_class_and_instance() {
        for (Class<?> type : AttuneEvent.class.getPermittedSubclasses()) {
            Class<? extends AttuneEvent> eventType = type.asSubclass(AttuneEvent.class);
            String topic = Topics.topicOf(eventType);

            assertThat(Topics.all()).as(type.getSimpleName()).contains(topic);
            assertThat(Topics.topicOf(Examples.expected(eventType))).isEqualTo(topic);
        }
    }

    @Test
    void events_go_to_their_documented_topics() {
        assertThat(Topics.topicOf(CheckInRecorded.class)).isEqualTo("attune.checkins.v1");
        assertThat(Topics.topicOf(QuestionnaireCompleted.class)).isEqualTo("attune.questionnaires.v1");
        assertThat(Topics.topicOf(MeasureAssigned.class)).isEqualTo("attune.questionnaires.v1");
        assertThat(Topics.topicOf(MeasureWindowOpened.class)).isEqualTo("attune.questionnaires.v1");
        assertThat(Topics.topicOf(MeasureAnswered.class)).isEqualTo("attune.questionnaires.v1");
        assertThat(Topics.topicOf(MeasureWindowClosed.class)).isEqualTo("attune.questionnaires.v1");
        assertThat(Topics.topicOf(MeasurePaused.class)).isEqualTo("attune.questionnaires.v1");
        assertThat(Topics.topicOf(MeasureResumed.class)).isEqualTo("attune.questionnaires.v1");
        assertThat(Topics.topicOf(MeasureStopped.class)).isEqualTo("attune.questionnaires.v1");
        assertThat(Topics.topicOf(SessionFeedbackRecorded.class)).isEqualTo("attune.session-feedback.v1");
        assertThat(Topics.topicOf(SessionFeedbackShared.class)).isEqualTo("attune.session-feedback.v1");
        assertThat(Topics.topicOf(SafetyFlagRaised.class)).isEqualTo("attune.safety.v1");
        assertThat(Topics.topicOf(SafetyFlagAcknowledged.class)).isEqualTo("attune.safety.v1");
        assertThat(Topics.topicOf(ConsentGranted.class)).isEqualTo("attune.consent.v1");
        assertThat(Topics.topicOf(ConsentRevoked.class)).isEqualTo("attune.consent.v1");
        assertThat(Topics.topicOf(AccountErased.class)).isEqualTo("attune.accounts.v1");
        assertThat(Topics.topicOf(SessionScheduled.class)).isEqualTo("attune.sessions.v1");
        assertThat(Topics.topicOf(ContentRecommended.class)).isEqualTo("attune.content.v1");
        assertThat(Topics.topicOf(ContentAssigned.class)).isEqualTo("attune.content.v1");
        assertThat(Topics.topicOf(NotificationDelivered.class)).isEqualTo("attune.notifications.v1");
        assertThat(Topics.topicOf(TimeZoneChosen.class)).isEqualTo("attune.notifications.v1");
    }

    @Test
    void every_main_topic_receives_some_event() {
        assertThat(Topics.all())
                .hasSize(9)
                .doesNotHaveDuplicates()
                .allSatisfy(topic ->
                        assertThat(Examples.all().stream().map(Topics::topicOf)).contains(topic));
    }

    @Test
    void dead_letter_names_end_with_dlt() {
        assertThat(Topics.deadLetterOf(Topics.SAFETY)).isEqualTo("attune.safety.v1.dlt");
        assertThat(Topics.allWithDeadLetters())
                .hasSize(18)
                .doesNotHaveDuplicates()
                .containsAll(Topics.all())
                .filteredOn(topic -> !Topics.all().contains(topic))
                .allSatisfy(topic -> assertThat(topic).endsWith(".dlt"));
    }

    @Test
    void only_the_consent_topic_is_compacted() {
        assertThat(Topics.allWithDeadLetters()).filteredOn(Topics::isCompacted).containsExactly(Topics.CONSENT);
    }

    @Test
    void topics_are_versioned_and_partitioned() {
        assertThat(Topics.all())
                .allSatisfy(topic -> assertThat(topic).startsWith("attune.").endsWith(".v1"));
        assertThat(Topics.PARTITIONS).isEqualTo(3);
    }

    @Test
    void the_topic_lists_are_immutable() {
        assertThatThrownBy(() -> Topics.all().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Topics.allWithDeadLetters().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void consent_events_are_keyed_by_the_pair_starting_with_the_client_id() {
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var granted =
                ConsentGranted.of(client, UUID.randomUUID(), therapist, Set.of(DataClass.NOTES), Instant.now(), null);
        var revoked = ConsentRevoked.of(client, UUID.randomUUID(), therapist, ConsentEndReason.REVOKED_BY_CLIENT);

        assertThat(Topics.consentKey(client, therapist)).isEqualTo(client + ":" + therapist);
        assertThat(granted.kafkaKey())
                .isEqualTo(revoked.kafkaKey())
                .isEqualTo(Topics.consentKey(client, therapist))
                .startsWith(client.toString());
        assertThat(ConsentRevoked.of(client, UUID.randomUUID(), UUID.randomUUID(), ConsentEndReason.EXPIRED)
                        .kafkaKey())
                .as("another therapist of the same client")
                .isNotEqualTo(granted.kafkaKey());
    }

    @Test
    void consent_is_compacted_and_never_expires() {
        assertThat(Topics.configOf(Topics.CONSENT, Duration.ofDays(30))).isEqualTo(Map.of("cleanup.policy", "compact"));
    }

    @Test
    void every_other_topic_and_every_dead_letter_topic_deletes_records_after_the_retention() {
        var thirtyDays = String.valueOf(30L * 24 * 60 * 60 * 1000);
        assertThat(Topics.allWithDeadLetters())
                .filteredOn(topic -> !topic.equals(Topics.CONSENT))
                .hasSize(17)
                .contains(Topics.deadLetterOf(Topics.CONSENT))
                .allSatisfy(topic -> assertThat(Topics.configOf(topic, Topics.DEFAULT_RETENTION))
                        .as(topic)
                        .isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", thirtyDays)));
        assertThat(Topics.configOf(Topics.CHECKINS, Duration.ofDays(7))).containsEntry("retention.ms", "604800000");
    }

    @Test
    void a_retention_of_nothing_is_refused() {
        assertThatThrownBy(() -> Topics.configOf(Topics.SAFETY, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.configOf(Topics.SAFETY, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.configOf(Topics.SAFETY, null)).isInstanceOf(IllegalArgumentException.class);
    }
}

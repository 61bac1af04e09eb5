package org.attune.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(Topics.topicOf(SessionFeedbackRecorded.class)).isEqualTo("attune.session-feedback.v1");
        assertThat(Topics.topicOf(SafetyFlagRaised.class)).isEqualTo("attune.safety.v1");
        assertThat(Topics.topicOf(ConsentGranted.class)).isEqualTo("attune.consent.v1");
        assertThat(Topics.topicOf(ConsentRevoked.class)).isEqualTo("attune.consent.v1");
        assertThat(Topics.topicOf(AccountErased.class)).isEqualTo("attune.accounts.v1");
        assertThat(Topics.topicOf(SessionScheduled.class)).isEqualTo("attune.sessions.v1");
        assertThat(Topics.topicOf(ContentRecommended.class)).isEqualTo("attune.content.v1");
        assertThat(Topics.topicOf(ContentAssigned.class)).isEqualTo("attune.content.v1");
        assertThat(Topics.topicOf(NotificationDelivered.class)).isEqualTo("attune.notifications.v1");
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
}

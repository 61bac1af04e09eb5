package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.attune.events.AttuneEvent;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.events.Topics;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.EventPublisher;
import org.attune.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

@AttuneIntegrationTest
class ConsentAccessIT {

    @LocalServerPort
    int port;

    Api api;
    EventPublisher events;
    UUID client = UUID.randomUUID();
    UUID therapist = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        events = new EventPublisher(TestInfrastructure.get().bootstrapServers());
        api.post(client, "/api/v1/checkins", Api.checkIn(6)).expectStatus().isCreated();
        api.post(
                        client,
                        "/api/v1/questionnaires/GAD-7/responses",
                        "{\"answers\": {\"1\":1,\"2\":1,\"3\":1,\"4\":1,\"5\":1,\"6\":0,\"7\":0}}")
                .expectStatus()
                .isCreated();
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    ConsentGranted grant(Set<DataClass> classes) {
        return new ConsentGranted(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                client,
                UUID.randomUUID(),
                therapist,
                classes,
                Instant.now().minusSeconds(60),
                null);
    }

    /** Polls until the projection shows the expected status (events are applied asynchronously). */
    void awaitStatus(String path, int status) {
        Grants.awaitStatus(api, therapist, path, status);
    }

    String checkIns() {
        return "/api/v1/clients/" + client + "/checkins";
    }

    String progress() {
        return "/api/v1/clients/" + client + "/progress";
    }

    @Test
    void without_a_grant_a_therapist_gets_the_same_403_for_an_existing_and_an_unknown_client() {
        Supplier<String> forExisting = () -> new String(
                api.therapistGet(therapist, checkIns())
                        .expectStatus()
                        .isForbidden()
                        .expectHeader()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        var unknownPath = "/api/v1/clients/" + UUID.randomUUID() + "/checkins";
        var forUnknown = new String(
                api.therapistGet(therapist, unknownPath)
                        .expectStatus()
                        .isForbidden()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(forExisting.get().replace(checkIns(), "X")).isEqualTo(forUnknown.replace(unknownPath, "X"));
        assertThat(forExisting.get()).doesNotContain("\"mood\"");
        api.therapistGet(therapist, progress()).expectStatus().isForbidden();
    }

    @Test
    void with_a_grant_a_therapist_gets_exactly_the_granted_classes_and_after_a_revoke_403_again() throws Exception {
        var granted = grant(EnumSet.of(DataClass.MOOD_CHECKINS));
        events.publish(granted);
        awaitStatus(checkIns(), 200);

        api.therapistGet(therapist, checkIns())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].mood")
                .isEqualTo(6)
                .jsonPath("$.items[0].note")
                .doesNotExist()
                .jsonPath("$.items[0].hasNote")
                .doesNotExist();
        api.therapistGet(therapist, progress())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.mood.daily[0].mood")
                .isEqualTo(6.0)
                .jsonPath("$.instruments")
                .doesNotExist()
                .jsonPath("$.sessionConnection")
                .doesNotExist();

        // Every read is in the client's access log: the successful poll, the check-in read and the progress read.
        api.get(client, "/api/v1/access-log")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries.length()")
                .isEqualTo(3)
                .jsonPath("$.entries[0].resource")
                .isEqualTo("progress")
                .jsonPath("$.entries[0].therapistId")
                .isEqualTo(therapist.toString())
                .jsonPath("$.entries[0].dataClass")
                .isEqualTo("MOOD_CHECKINS");

        events.publish(ConsentRevoked.of(client, granted.consentId(), therapist, ConsentEndReason.REVOKED_BY_CLIENT));
        awaitStatus(checkIns(), 403);
        api.therapistGet(therapist, progress()).expectStatus().isForbidden();
    }

    @Test
    void notes_and_instrument_scores_are_shared_only_when_granted() throws Exception {
        events.publish(grant(EnumSet.of(DataClass.MOOD_CHECKINS, DataClass.NOTES, DataClass.INSTRUMENT_SCORES)));
        awaitStatus(checkIns(), 200);
        api.therapistGet(therapist, checkIns())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].note")
                .isEqualTo("a quiet day");
        api.therapistGet(therapist, progress())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.instruments[0].code")
                .isEqualTo("GAD-7")
                .jsonPath("$.instruments[0].points[0].band")
                .isEqualTo("mild");
    }

    @Test
    void an_older_event_arriving_late_does_not_undo_a_newer_one() throws Exception {
        var granted = grant(EnumSet.of(DataClass.MOOD_CHECKINS));
        var revoked = new ConsentRevoked(
                UUID.randomUUID(),
                granted.occurredAt().plusSeconds(1),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                client,
                granted.consentId(),
                therapist,
                ConsentEndReason.REVOKED_BY_CLIENT);
        events.publish(revoked);
        events.publish(granted); // delivered late, but older than the revocation
        var marker = UUID.randomUUID();
        // A grant for another therapist, published last, shows when the earlier events were consumed.
        var otherTherapist = marker;
        events.publish(new ConsentGranted(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                client,
                UUID.randomUUID(),
                otherTherapist,
                EnumSet.of(DataClass.MOOD_CHECKINS),
                Instant.now().minusSeconds(60),
                null));
        var saved = therapist;
        therapist = otherTherapist;
        awaitStatus(checkIns(), 200);
        therapist = saved;
        api.therapistGet(therapist, checkIns()).expectStatus().isForbidden();
    }

    @Test
    void a_grant_whose_end_has_passed_counts_as_inactive_before_any_revocation() throws Exception {
        var expired = new ConsentGranted(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                client,
                UUID.randomUUID(),
                therapist,
                EnumSet.of(DataClass.MOOD_CHECKINS),
                Instant.now().minus(Duration.ofDays(10)),
                Instant.now().minus(Duration.ofDays(1)));
        events.publish(expired);
        // A second, active grant for a marker therapist shows the expired one was consumed too.
        var marker = UUID.randomUUID();
        events.publish(new ConsentGranted(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                client,
                UUID.randomUUID(),
                marker,
                EnumSet.of(DataClass.MOOD_CHECKINS),
                Instant.now().minusSeconds(60),
                null));
        var saved = therapist;
        therapist = marker;
        awaitStatus(checkIns(), 200);
        therapist = saved;
        api.therapistGet(therapist, checkIns()).expectStatus().isForbidden();
    }

    @Test
    void a_malformed_consent_message_lands_on_the_dead_letter_topic_and_the_next_good_one_is_applied()
            throws Exception {
        try (var probe =
                EventProbe.open(TestInfrastructure.get().bootstrapServers(), Topics.deadLetterOf(Topics.CONSENT))) {
            events.publishRaw(
                    Topics.CONSENT,
                    client + ":" + therapist,
                    "{\"type\":\"ConsentGranted\"".getBytes(StandardCharsets.UTF_8));
            events.publish(grant(EnumSet.of(DataClass.MOOD_CHECKINS)));
            var dead = probe.awaitRecord(Topics.deadLetterOf(Topics.CONSENT), Duration.ofSeconds(30));
            assertThat(dead.key()).isEqualTo(client + ":" + therapist);
        }
        awaitStatus(checkIns(), 200);
    }

    @Test
    void a_redelivered_consent_event_is_applied_once() throws Exception {
        var granted = grant(EnumSet.of(DataClass.MOOD_CHECKINS));
        events.publish(granted);
        events.publish(granted);
        awaitStatus(checkIns(), 200);
        api.therapistGet(therapist, checkIns()).expectStatus().isOk();
    }
}

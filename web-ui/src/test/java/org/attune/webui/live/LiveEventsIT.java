package org.attune.webui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.attune.events.CheckInRecorded;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.events.SessionFeedbackRecorded;
import org.attune.events.SessionFeedbackShared;
import org.attune.events.Topics;
import org.attune.events.WindowOfTolerance;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.EventPublisher;
import org.attune.webui.TestHttp;
import org.attune.webui.VerifiedTherapists;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.TherapistVerifications;
import org.attune.webui.consent.Grants;
import org.attune.webui.security.Caller;
import org.attune.webui.therapist.FakeServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;

/** Events on the real embedded broker reach the live broadcaster, and only for therapists with a covering grant. */
@AttuneIntegrationTest(
        properties = {
            "attune.data-dir=target/it-data",
            "attune.live.deliver-on-caller-thread=true",
            "attune.live.offset-reset=earliest"
        })
@Import(FakeServices.class)
class LiveEventsIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    LiveUpdates live;

    @Autowired
    Accounts accounts;

    @Autowired
    TherapistVerifications verifications;

    @Autowired
    Grants grants;

    EventPublisher publisher;
    Caller client;
    UUID therapistId;
    String therapistEmail;
    final LinkedBlockingQueue<LiveUpdates.Signal> heard = new LinkedBlockingQueue<>();
    LiveUpdates.Subscription subscription;

    @BeforeEach
    void aClientSharingMoodWithATherapistWhosePageIsOpen() {
        publisher = new EventPublisher(bootstrap);
        therapistEmail = TestHttp.email("oz");
        therapistId = UUID.fromString(VerifiedTherapists.register(accounts, verifications, therapistEmail, "Dr. Oz")
                .id());
        client = new Caller(
                UUID.fromString(accounts.register(TestHttp.email("pia"), TestHttp.STRONG_PASSWORD, "Pia", Role.CLIENT)
                        .id()),
                Role.CLIENT);
        grants.grantByEmail(client, therapistEmail, EnumSet.of(DataClass.MOOD_CHECKINS), null);
        subscription = live.subscribe(therapistId, heard::add);
    }

    @AfterEach
    void close() {
        subscription.cancel();
        publisher.close();
    }

    private static CheckInRecorded checkIn(UUID clientId) {
        return CheckInRecorded.of(
                clientId,
                UUID.randomUUID(),
                6,
                WindowOfTolerance.WITHIN,
                List.of("calm"),
                5,
                7.0,
                List.of(),
                false,
                LocalDate.now());
    }

    /** The next signal of this kind; sharing signals from the consent topic may come in between. */
    private LiveUpdates.Signal next(LiveUpdates.Kind kind) throws InterruptedException {
        return next(kind, TIMEOUT);
    }

    private LiveUpdates.Signal next(LiveUpdates.Kind kind, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            var signal = heard.poll(100, TimeUnit.MILLISECONDS);
            if (signal != null && signal.kind() == kind) {
                return signal;
            }
        }
        return null;
    }

    @Test
    void aCheckInRecordedOnTheBrokerReachesTheTherapistsOpenPage() throws Exception {
        publisher.publish(checkIn(client.id()));

        var signal = next(LiveUpdates.Kind.CHECK_IN);

        assertThat(signal).isEqualTo(new LiveUpdates.Signal(client.id(), LiveUpdates.Kind.CHECK_IN));
    }

    @Test
    void eventsTheGrantDoesNotCoverOrThatWereKeptPrivateSignalNothing() throws Exception {
        // Session feedback is not shared with this therapist, and this one was kept private anyway.
        publisher.publish(SessionFeedbackRecorded.of(
                client.id(), UUID.randomUUID(), 36, 40, false, null, false, LocalDate.now()));
        // Someone else's check-in.
        publisher.publish(checkIn(UUID.randomUUID()));
        // A marker that the two above were consumed (same partition order is not guaranteed across topics, so the
        // check below waits for the marker and then looks at everything heard before it).
        publisher.publish(checkIn(client.id()));

        var signal = next(LiveUpdates.Kind.CHECK_IN);

        assertThat(signal).isNotNull();
        // Nothing else may arrive in the next half second either: the condition must hold throughout.
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(heard).noneMatch(s -> s.kind() == LiveUpdates.Kind.SESSION_FEEDBACK);
                    assertThat(heard).allMatch(s -> s.clientId().equals(client.id()));
                });
    }

    @Test
    void wordsSharedLaterRefreshTheOpenPageOfATherapistWithSessionFeedback() throws Exception {
        var email = TestHttp.email("ada");
        var withFeedback = UUID.fromString(VerifiedTherapists.register(accounts, verifications, email, "Dr. Ada")
                .id());
        grants.grantByEmail(client, email, EnumSet.of(DataClass.SESSION_FEEDBACK), null);
        var adaHeard = new LinkedBlockingQueue<LiveUpdates.Signal>();
        var adaSubscription = live.subscribe(withFeedback, adaHeard::add);
        try {
            publisher.publish(SessionFeedbackShared.of(client.id(), UUID.randomUUID(), "It felt rushed"));

            LiveUpdates.Signal signal = null;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (signal == null && System.nanoTime() < deadline) {
                var next = adaHeard.poll(100, TimeUnit.MILLISECONDS);
                if (next != null && next.kind() == LiveUpdates.Kind.SESSION_FEEDBACK) {
                    signal = next;
                }
            }
            assertThat(signal).isEqualTo(new LiveUpdates.Signal(client.id(), LiveUpdates.Kind.SESSION_FEEDBACK));
        } finally {
            adaSubscription.cancel();
        }
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheListenerKeepsGoing() throws Exception {
        try (var probe = EventProbe.open(bootstrap, Topics.deadLetterOf(Topics.CHECKINS))) {
            publisher.publishRaw(Topics.CHECKINS, client.id().toString(), "not json".getBytes());
            publisher.publish(checkIn(client.id()));

            assertThat(next(LiveUpdates.Kind.CHECK_IN))
                    .isEqualTo(new LiveUpdates.Signal(client.id(), LiveUpdates.Kind.CHECK_IN));
            probe.awaitRecord(Topics.deadLetterOf(Topics.CHECKINS), TIMEOUT);
            await().atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> probe.records().stream()
                            .anyMatch(r -> client.id().toString().equals(r.key())));
            assertThat(probe.records())
                    .anySatisfy(r -> assertThat(new String(r.value())).isEqualTo("not json"));
        }
    }

    @Test
    void aRevokeEndsTheSignalsAndTellsThePageToClose() throws Exception {
        var grant = grants.list(client).getFirst();

        grants.revoke(client, grant.id());

        assertThat(next(LiveUpdates.Kind.SHARING_ENDED))
                .isEqualTo(new LiveUpdates.Signal(client.id(), LiveUpdates.Kind.SHARING_ENDED));
        publisher.publish(checkIn(client.id()));

        assertThat(next(LiveUpdates.Kind.CHECK_IN, Duration.ofSeconds(3)))
                .as("no check-in signal after the revoke")
                .isNull();
    }
}

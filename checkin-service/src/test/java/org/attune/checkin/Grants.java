package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.ConsentGranted;
import org.attune.events.DataClass;
import org.attune.testsupport.EventPublisher;

/** Grants a therapist access through real consent events and waits until the service has applied them. */
final class Grants {

    private Grants() {}

    static ConsentGranted grant(UUID client, UUID therapist, Set<DataClass> classes) {
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

    /** Publishes the grant and polls {@code path} as the therapist until it answers {@code status}. */
    static void grantAndAwait(
            Api api,
            EventPublisher events,
            UUID client,
            UUID therapist,
            Set<DataClass> classes,
            String path,
            int status)
            throws InterruptedException {
        events.publish(grant(client, therapist, classes));
        awaitStatus(api, therapist, path, status);
    }

    static void awaitStatus(Api api, UUID therapist, String path, int status) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(api.therapistGet(therapist, path)
                                .returnResult(String.class)
                                .getStatus()
                                .value())
                        .as(path)
                        .isEqualTo(status));
    }
}

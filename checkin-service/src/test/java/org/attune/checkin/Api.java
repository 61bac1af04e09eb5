package org.attune.checkin;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.attune.testsupport.ServiceApi;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls the running checkin-service over real HTTP with web-ui-style tokens, with its request bodies. */
final class Api extends ServiceApi {

    Api(int port) {
        super(port);
    }

    WebTestClient.ResponseSpec post(UUID clientId, String path, String json) {
        return postAsClient(clientId, path, json);
    }

    WebTestClient.ResponseSpec get(UUID clientId, String path) {
        return getAsClient(clientId, path);
    }

    WebTestClient.ResponseSpec therapistGet(UUID therapistId, String path) {
        return getAsTherapist(therapistId, path);
    }

    /**
     * Returns once the clock shows a later millisecond than when called, so what is stored next has a later timestamp
     * than what was stored before the call (the services stamp to the millisecond).
     */
    static void awaitNextMillisecond() {
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1))
                .atMost(Duration.ofSeconds(1))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(now));
    }

    static String checkIn(int mood) {
        return """
                {"mood": %d, "window": "WITHIN", "emotions": ["calm", "Hopeful"], "energy": 6, "sleepHours": 7.5,
                 "tags": ["needs-advocated"], "note": "a quiet day"}""".formatted(mood);
    }
}

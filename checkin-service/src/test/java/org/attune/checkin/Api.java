package org.attune.checkin;

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

    static String checkIn(int mood) {
        return """
                {"mood": %d, "window": "WITHIN", "emotions": ["calm", "Hopeful"], "energy": 6, "sleepHours": 7.5,
                 "tags": ["needs-advocated"], "note": "a quiet day"}""".formatted(mood);
    }
}

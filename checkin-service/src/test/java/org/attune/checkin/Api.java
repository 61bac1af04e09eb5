package org.attune.checkin;

import java.time.Duration;
import java.util.UUID;
import org.attune.testsupport.TestTokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls the running service over real HTTP with web-ui-style tokens. */
final class Api {

    private final WebTestClient client;

    Api(int port) {
        this.client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    WebTestClient raw() {
        return client;
    }

    WebTestClient.ResponseSpec post(UUID clientId, String path, String json) {
        return client.post()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.get().client(clientId))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    WebTestClient.ResponseSpec get(UUID clientId, String path) {
        return client.get()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.get().client(clientId))
                .exchange();
    }

    WebTestClient.ResponseSpec therapistGet(UUID therapistId, String path) {
        return client.get()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.get().therapist(therapistId))
                .exchange();
    }

    static String checkIn(int mood) {
        return """
                {"mood": %d, "window": "WITHIN", "emotions": ["calm", "Hopeful"], "energy": 6, "sleepHours": 7.5,
                 "tags": ["needs-advocated"], "note": "a quiet day"}""".formatted(mood);
    }
}

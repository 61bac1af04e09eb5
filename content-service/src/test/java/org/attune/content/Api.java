package org.attune.content;

import java.time.Duration;
import java.util.UUID;
import org.attune.testsupport.TestTokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A client of the running service that signs in as a given client or therapist. */
public final class Api {

    private final WebTestClient web;

    public Api(int port) {
        this.web = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    public WebTestClient.ResponseSpec getAsClient(UUID clientId, String path) {
        return web.get()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.get().client(clientId))
                .exchange();
    }

    public WebTestClient.ResponseSpec getAsTherapist(UUID therapistId, String path) {
        return web.get()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.get().therapist(therapistId))
                .exchange();
    }

    public WebTestClient.ResponseSpec get(String token, String path) {
        var spec = web.get().uri(path);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.exchange();
    }

    public WebTestClient.ResponseSpec post(String token, String path, String json) {
        return web.post()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    public WebTestClient.ResponseSpec postAsClient(UUID clientId, String path, String json) {
        return post(TestTokens.get().client(clientId), path, json);
    }

    public WebTestClient.ResponseSpec postAsTherapist(UUID therapistId, String path, String json) {
        return post(TestTokens.get().therapist(therapistId), path, json);
    }
}

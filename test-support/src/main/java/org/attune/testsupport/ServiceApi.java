package org.attune.testsupport;

import java.time.Duration;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Calls a running service over real HTTP with web-ui-style tokens ({@link TestTokens}), as a client or a therapist.
 * Modules add their own request bodies on top; the plumbing is here once.
 */
public class ServiceApi {

    private final WebTestClient web;

    public ServiceApi(int port) {
        this.web = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    public WebTestClient raw() {
        return web;
    }

    public WebTestClient.ResponseSpec get(String token, String path) {
        var spec = web.get().uri(path);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.exchange();
    }

    public WebTestClient.ResponseSpec post(String token, String path, String json) {
        var spec = web.post().uri(path);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    public WebTestClient.ResponseSpec put(String token, String path, String json) {
        var spec = web.put().uri(path);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    public WebTestClient.ResponseSpec getAsClient(UUID clientId, String path) {
        return get(TestTokens.get().client(clientId), path);
    }

    public WebTestClient.ResponseSpec getAsTherapist(UUID therapistId, String path) {
        return get(TestTokens.get().therapist(therapistId), path);
    }

    public WebTestClient.ResponseSpec postAsClient(UUID clientId, String path, String json) {
        return post(TestTokens.get().client(clientId), path, json);
    }

    public WebTestClient.ResponseSpec postAsTherapist(UUID therapistId, String path, String json) {
        return post(TestTokens.get().therapist(therapistId), path, json);
    }
}

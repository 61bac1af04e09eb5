package org.attune.webui.token;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.attune.webui.config.ServicesProperties;

/**
 * A tiny HTTP server standing in for a service in gateway tests: it records each request and answers with whatever
 * status and JSON the test set. {@link #tokens(Path)} gives a real {@link ServiceTokens} pointed at it.
 */
public final class FakeService implements AutoCloseable {

    /** One request as received. */
    public record Received(String method, String pathAndQuery, String body, String authorization, String contentType) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile String body = "{}";
    private final java.util.Map<String, String[]> routes = new java.util.concurrent.ConcurrentHashMap<>();

    public FakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    requestBody,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            int answerStatus = status;
            String answerType = contentType;
            String answerBody = body;
            var route = route(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            if (route != null) {
                answerStatus = Integer.parseInt(route[0]);
                answerType = answerStatus >= 400 ? "application/problem+json" : "application/json";
                answerBody = route[1];
            }
            var bytes = answerBody == null ? new byte[0] : answerBody.getBytes(StandardCharsets.UTF_8);
            if (answerBody != null) {
                exchange.getResponseHeaders().set("Content-Type", answerType);
            }
            exchange.sendResponseHeaders(answerStatus, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    /** The next answers: this status with this JSON body ({@code null} for no body). */
    public FakeService answer(int status, String json) {
        this.status = status;
        this.contentType = status >= 400 ? "application/problem+json" : "application/json";
        this.body = json;
        return this;
    }

    /**
     * Answers requests whose {@code "METHOD /path"} starts with {@code methodAndPathPrefix} with this status and JSON;
     * the longest matching prefix wins, other requests get the {@link #answer} default.
     */
    public FakeService route(String methodAndPathPrefix, int status, String json) {
        routes.put(methodAndPathPrefix, new String[] {String.valueOf(status), json});
        return this;
    }

    private String[] route(String methodAndPath) {
        return routes.entrySet().stream()
                .filter(e -> methodAndPath.startsWith(e.getKey()))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(java.util.Map.Entry::getValue)
                .orElse(null);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Received last() {
        return received.getLast();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Real service tokens with a fresh key, every service pointed at this server. */
    public ServiceTokens tokens(Path keyDir) {
        var key = SigningKeyConfig.loadOrGenerate(keyDir.resolve("signing-key.pem"));
        return new ServiceTokens(
                new TokenIssuer(key, Clock.systemUTC(), TokenSettings.DEFAULT),
                new ServicesProperties(uri(), uri(), uri()),
                caller -> true);
    }

    /** Service tokens pointed at a port nothing listens on. */
    public static ServiceTokens unreachable(Path keyDir) {
        var key = SigningKeyConfig.loadOrGenerate(keyDir.resolve("signing-key.pem"));
        var nowhere = URI.create("http://127.0.0.1:9");
        return new ServiceTokens(
                new TokenIssuer(key, Clock.systemUTC(), TokenSettings.DEFAULT),
                new ServicesProperties(nowhere, nowhere, nowhere),
                caller -> true);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

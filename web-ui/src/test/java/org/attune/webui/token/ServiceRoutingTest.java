package org.attune.webui.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

class ServiceRoutingTest {

    @Test
    void aGetReachesTheLiveInstanceWhenTheBalancerFirstPicksALostOne() throws Exception {
        try (var live = new FakeService()) {
            live.answer(200, "{\"ok\":true}");
            var picks = roundRobin(lostInstance(), live.uri());

            var body = client(picks)
                    .get()
                    .uri("http://checkin-service/api/v1/checkins?limit=3")
                    .retrieve()
                    .body(String.class);

            assertThat(body).isEqualTo("{\"ok\":true}");
            assertThat(live.received()).hasSize(1);
            assertThat(live.last().pathAndQuery()).isEqualTo("/api/v1/checkins?limit=3");
        }
    }

    @Test
    void aPostIsSentAgainToAnotherInstanceOnlyWhenTheFirstRefusedTheConnection() throws Exception {
        try (var live = new FakeService()) {
            live.answer(201, "{}");
            var picks = roundRobin(lostInstance(), live.uri());

            var status = client(picks)
                    .post()
                    .uri("http://content-service/api/v1/things")
                    .body("{}")
                    .retrieve()
                    .toBodilessEntity()
                    .getStatusCode()
                    .value();

            assertThat(status).isEqualTo(201);
            assertThat(live.received()).hasSize(1);
        }
    }

    @Test
    void aPostWhoseAnswerWasLostIsNotSentTwice() {
        assertThat(ServiceRouting.mayRetry(HttpMethod.POST, new java.net.SocketTimeoutException("read timed out")))
                .isFalse();
        assertThat(ServiceRouting.mayRetry(HttpMethod.POST, new IOException("connection reset")))
                .isFalse();
        assertThat(ServiceRouting.mayRetry(HttpMethod.POST, new ConnectException("refused")))
                .isTrue();
        assertThat(ServiceRouting.mayRetry(HttpMethod.GET, new IOException("connection reset")))
                .isTrue();
    }

    @Test
    void aCallFailsOnlyWhenNoInstanceCanBeReached() throws Exception {
        var lost = lostInstance();
        var asked = new AtomicInteger();
        var routing = new ServiceRouting(service -> {
            asked.incrementAndGet();
            return lost;
        });

        assertThatThrownBy(() -> client(routing)
                        .get()
                        .uri("http://notification-service/api/v1/inbox")
                        .retrieve()
                        .body(String.class))
                .isInstanceOf(ResourceAccessException.class);
        assertThat(asked.get()).isGreaterThanOrEqualTo(ServiceRouting.ATTEMPTS);
    }

    @Test
    void callsToOtherAddressesPassThroughUnchanged() throws Exception {
        try (var other = new FakeService()) {
            other.answer(200, "{}");
            var routing = new ServiceRouting(service -> {
                throw new AssertionError("not a service address");
            });

            client(routing).get().uri(other.uri().resolve("/x")).retrieve().toBodilessEntity();

            assertThat(other.last().pathAndQuery()).isEqualTo("/x");
        }
    }

    private static ServiceRouting roundRobin(URI... instances) {
        var next = new AtomicInteger();
        var order = new ArrayList<>(List.of(instances));
        return new ServiceRouting(service -> order.get(next.getAndIncrement() % order.size()));
    }

    /** A port that just stopped listening, as a killed instance's does. */
    private static URI lostInstance() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    private static RestClient client(ServiceRouting routing) {
        var factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        return RestClient.builder()
                .requestFactory(factory)
                .requestInterceptor(routing)
                .build();
    }
}

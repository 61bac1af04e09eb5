package org.attune.checkin.bench;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.attune.events.AttuneEvent;
import org.attune.events.AttuneEventSerializer;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.events.Topics;

/**
 * Issue 14's P3 for this one service (in-process and embedded modes): while check-ins arrive at a steady rate, a grant
 * is published to the consent topic as web-ui would, and once the therapist's read answers 200 the revocation is
 * published; the figure is the time from that publish until the read answers 403.
 */
final class RevokeUnderLoad {

    record Result(double checkInsPerSecond, long[] sortedNanos) {}

    static Result run(
            String baseUrl, String bootstrap, RSAKey key, CheckinBenchmark.Tokens clients, int rounds, int rate)
            throws Exception {
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var stop = new AtomicBoolean();
        var posted = new AtomicInteger();
        var samples = new ArrayList<Long>();
        var props = Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true);
        long loadStart = System.nanoTime();
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new AttuneEventSerializer());
                var load = Executors.newVirtualThreadPerTaskExecutor()) {
            load.submit(() -> {
                long next = System.nanoTime();
                int i = 0;
                while (!stop.get()) {
                    int n = i++;
                    load.submit(() -> {
                        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/checkins"))
                                .header("Authorization", "Bearer " + clients.token(n % clients.clients()))
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"mood\":5,\"window\":\"WITHIN\",\"emotions\":[],\"tags\":[]}"))
                                .build();
                        http.send(request, HttpResponse.BodyHandlers.discarding());
                        posted.incrementAndGet();
                        return null;
                    });
                    next += 1_000_000_000L / rate;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                return null;
            });
            for (int round = 0; round < rounds; round++) {
                var client = UUID.randomUUID();
                var therapist = UUID.randomUUID();
                var consent = UUID.randomUUID();
                var token = CheckinBenchmark.token(key, therapist, "THERAPIST");
                var read = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/clients/" + client + "/checkins"))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build();
                send(
                        producer,
                        ConsentGranted.of(
                                client,
                                consent,
                                therapist,
                                EnumSet.allOf(DataClass.class),
                                java.time.Instant.now(),
                                null));
                awaitStatus(http, read, 200);
                long revokedAt = System.nanoTime();
                send(producer, ConsentRevoked.of(client, consent, therapist, ConsentEndReason.REVOKED_BY_CLIENT));
                samples.add(awaitStatus(http, read, 403) - revokedAt);
            }
        } finally {
            stop.set(true);
        }
        double rateSeen = posted.get() / ((System.nanoTime() - loadStart) / 1e9);
        return new Result(
                rateSeen, samples.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    private static void send(KafkaProducer<String, AttuneEvent> producer, AttuneEvent event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.CONSENT, event.kafkaKey(), event))
                .get(30, TimeUnit.SECONDS);
    }

    /** Polls every 10 ms until the read answers {@code status}; the time it did. */
    private static long awaitStatus(HttpClient http, HttpRequest read, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (http.send(read, HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                return System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        throw new IllegalStateException("the therapist's read never answered " + status);
    }

    static String summary(Result result) {
        var s = result.sortedNanos();
        if (s.length == 0) {
            return "no rounds";
        }
        return "%d revokes at %.0f check-ins/s: median %.0f ms, p99 (max) %.0f ms, all %s"
                .formatted(
                        s.length,
                        result.checkInsPerSecond(),
                        CheckinBenchmark.p(s, 0.5),
                        CheckinBenchmark.p(s, 0.99),
                        List.of(java.util.Arrays.stream(s)
                                        .mapToObj(n -> Math.round(n / 1e6))
                                        .toArray())
                                .toString());
    }
}

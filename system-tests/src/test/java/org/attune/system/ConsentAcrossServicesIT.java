package org.attune.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.attune.infra.local.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A therapist reaches a client's data in any service only while the client's grant in web-ui is active. */
class ConsentAcrossServicesIT {

    private static final Logger log = LoggerFactory.getLogger(ConsentAcrossServicesIT.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> ALL_CLASSES = List.of(
            "MOOD_CHECKINS", "INSTRUMENT_SCORES", "SESSION_FEEDBACK", "NOTES", "CONTENT_ACTIVITY", "SAFETY_ALERTS");

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
    }

    @Test
    void aTherapistWithoutAGrantIsRefusedByEveryService() {
        var client = Person.client(stack);
        var therapist = Person.therapist(stack);
        therapistReads(client, therapist)
                .forEach((service, read) -> assertThat(read.get()).as(service).isEqualTo(403));
    }

    @Test
    void aRevokeReachesEveryServicesProjectionAndClosesEveryServiceToTheTherapist() throws Exception {
        var samples = new LinkedHashMap<String, List<Long>>();
        try (var stores = new Stores(stack)) {
            for (int round = 0; round < 5; round++) {
                var client = Person.client(stack);
                var therapist = Person.therapist(stack);
                var reads = therapistReads(client, therapist);

                var grant = Api.post(
                        stack.webUiUrl(),
                        "/api/consents",
                        client.token(),
                        Map.of("therapistEmail", therapist.email, "dataClasses", ALL_CLASSES));
                assertThat(grant.status()).as(grant.body()).isEqualTo(201);
                var grantId = grant.json().get("id").asString();
                awaitEach(reads, 200);

                long revokedAt = System.nanoTime();
                var revoke = Api.delete(stack.webUiUrl(), "/api/consents/" + grantId, client.token());
                assertThat(revoke.status()).isEqualTo(204);
                var refusedAfter = awaitEach(reads, 403);
                refusedAfter.forEach((service, nanos) ->
                        samples.computeIfAbsent(service, s -> new ArrayList<>()).add((nanos - revokedAt) / 1_000_000));

                var pair = client.id + ":" + therapist.id;
                for (var database : List.of("attune_checkin", "attune_content", "attune_notification")) {
                    var projection = stores.findById(database, "consent_grants", pair);
                    assertThat(projection).as(database).isNotNull();
                    assertThat(projection.getString("status")).as(database).isEqualTo("INACTIVE");
                }
            }
        }
        report(samples);
    }

    /** One therapist read (or write) of the client's data per service; each returns the HTTP status. */
    private static Map<String, Supplier<Integer>> therapistReads(Person client, Person therapist) {
        var reads = new LinkedHashMap<String, Supplier<Integer>>();
        reads.put(
                "checkin-service",
                () -> Api.get(stack.checkinUrl(), "/api/v1/clients/" + client.id + "/checkins", therapist.token())
                        .status());
        reads.put(
                "content-service",
                () -> Api.get(stack.contentUrl(), "/api/v1/clients/" + client.id + "/assignments", therapist.token())
                        .status());
        reads.put(
                "notification-service",
                () -> Api.put(
                                stack.notificationUrl(),
                                "/api/v1/session-schedule",
                                therapist.token(),
                                Map.of(
                                        "clientId",
                                        client.id.toString(),
                                        "timeZone",
                                        "Europe/Berlin",
                                        "weeklyDay",
                                        "TUESDAY",
                                        "weeklyTime",
                                        "10:00",
                                        "durationMinutes",
                                        50))
                        .status());
        return reads;
    }

    /** Polls every service at once until each answers {@code status}; the moment (nanoTime) each one did. */
    private static Map<String, Long> awaitEach(Map<String, Supplier<Integer>> reads, int status) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new LinkedHashMap<String, java.util.concurrent.Future<Long>>();
            reads.forEach((service, read) -> futures.put(service, pool.submit((Callable<Long>) () -> {
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (System.nanoTime() < deadline) {
                    if (read.get() == status) {
                        return System.nanoTime();
                    }
                    Thread.sleep(10);
                }
                throw new TimeoutException(service + " never answered " + status);
            })));
            var moments = new LinkedHashMap<String, Long>();
            for (var entry : futures.entrySet()) {
                moments.put(entry.getKey(), entry.getValue().get());
            }
            return moments;
        }
    }

    private static void report(Map<String, List<Long>> samples) throws IOException {
        var lines = new ArrayList<String>();
        samples.forEach((service, millis) -> {
            var sorted = millis.stream().sorted(Comparator.naturalOrder()).toList();
            lines.add("revoke-to-403 " + service + " ms: " + sorted + " median " + sorted.get(sorted.size() / 2)
                    + " max " + sorted.getLast());
        });
        lines.forEach(line -> log.info("{}", line));
        var figures = Path.of("target/system-figures.txt");
        Files.createDirectories(figures.getParent());
        Files.write(figures, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}

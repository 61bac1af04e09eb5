package org.attune.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.attune.events.AttuneEvent;
import org.attune.events.CheckInRecorded;
import org.attune.events.ContentRecommended;
import org.attune.events.QuestionnaireCompleted;
import org.attune.events.Topics;
import org.attune.infra.local.LocalStack;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster of three and two instances of checkin-, content- and notification-service, under a bounded load of
 * check-ins, questionnaire responses and consent changes: {@code kill -9} of one broker, then of one instance of each
 * service, then both started again. Afterwards every acknowledged write is stored once, every event's effect in the
 * other services happened once, the consumer groups have caught up, and a grant revoked during the faults is refused
 * by every instance of every service.
 *
 * <p>Short form in every build (one round, a few clients); {@code -Pfaults} runs the long form (three rounds, each
 * losing another broker and the other instance of each service, more clients and threads). Figures in
 * {@code target/fault-figures.txt}.
 */
class BrokerAndInstanceLossIT {

    private static final Logger log = LoggerFactory.getLogger(BrokerAndInstanceLossIT.class);
    private static final boolean LONG = Boolean.getBoolean("attune.faults.long");
    private static final int ROUNDS = LONG ? 3 : 1;
    private static final int CLIENTS = LONG ? 8 : 3;
    private static final int THREADS = LONG ? 6 : 3;
    private static final Duration FAULT_DWELL = Duration.ofSeconds(LONG ? 15 : 6);
    private static final List<String> SERVICES = List.of("checkin-service", "content-service", "notification-service");
    private static final List<String> ALL_CLASSES = List.of(
            "MOOD_CHECKINS", "INSTRUMENT_SCORES", "SESSION_FEEDBACK", "NOTES", "CONTENT_ACTIVITY", "SAFETY_ALERTS");

    private static LocalStack stack;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    /** The longest a check-in waited for its 201, retries included: how long a writer noticed the faults. */
    private final java.util.concurrent.atomic.AtomicLong longestWaitMillis =
            new java.util.concurrent.atomic.AtomicLong();
    /** Idempotency key of each check-in answered 201, with the id it was given. */
    private final Map<String, String> acknowledgedCheckIns = new ConcurrentHashMap<>();

    private final Set<String> unacknowledgedCheckIns = ConcurrentHashMap.newKeySet();
    private final List<String> acknowledgedResponses = new CopyOnWriteArrayList<>();
    private final AtomicInteger sentResponses = new AtomicInteger();
    private final AtomicInteger consentChanges = new AtomicInteger();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    /** Whose data export through web-ui is asked for while an instance of each service is down. */
    private Person person;

    private final AtomicInteger exportsWhileDown = new AtomicInteger();
    private final List<String> exportsMissingAService = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        var root = Path.of(System.getProperty("attune.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        var dataDir = root.resolve("system-tests/target/faults-" + System.currentTimeMillis());
        stack = LocalStack.onFreePorts(
                root,
                dataDir,
                Map.of(
                        "ATTUNE_OPERATOR_EMAIL", Operator.EMAIL,
                        "ATTUNE_OPERATOR_PASSWORD", Operator.PASSWORD,
                        "ATTUNE_THERAPIST_MFA_REQUIRED", "false",
                        "ATTUNE_THROTTLE_REGISTRATION_PER_IP_MAX", "100000",
                        "ATTUNE_THROTTLE_MAIL_PER_IP_MAX", "100000",
                        "ATTUNE_THROTTLE_SIGN_IN_PER_IP_MAX", "100000"),
                3,
                2);
        if (!stack.start()) {
            stack.stop();
            throw new IllegalStateException(
                    "The cluster stack did not become healthy; logs in " + dataDir.resolve("logs"));
        }
    }

    @AfterAll
    static void stopCluster() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void nothingAcknowledgedIsLostOrAppliedTwiceWhenABrokerAndAnInstanceOfEachServiceAreKilled() throws Exception {
        var therapist = Person.therapist(stack);
        var clients = new ArrayList<Person>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Person.client(stack));
        }
        person = clients.getLast();
        var grants = new ConcurrentHashMap<UUID, String>();
        for (var client : clients) {
            grants.put(client.id, grant(client, therapist));
        }

        long loadStarted = System.nanoTime();
        var load = Executors.newFixedThreadPool(THREADS + 1);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            load.submit(() -> writeUntilStopped(clients, thread));
        }
        // Consent changes go on through the faults: every client but the first toggles its grant.
        load.submit(() -> toggleConsentsUntilStopped(clients.subList(1, clients.size()), therapist, grants));

        var rounds = new ArrayList<Map<String, Long>>();
        Person revokedDuringFaults = clients.getFirst();
        for (int round = 0; round < ROUNDS; round++) {
            rounds.add(faultRound(round, round == 0 ? () -> revoke(revokedDuringFaults, grants) : () -> {}));
        }
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES))
                .as("load stopped")
                .isTrue();
        figures.put(
                "load seconds",
                Duration.ofNanos(System.nanoTime() - loadStarted).toSeconds());

        var ours = new HashSet<UUID>();
        clients.forEach(c -> ours.add(c.id));
        long quiet = System.nanoTime();
        try (var lag = new ConsumerLag(stack.bootstrapServers());
                var stores = new Stores(stack)) {
            var state = new java.util.concurrent.atomic.AtomicReference<String>("not polled yet");
            try {
                await().atMost(Duration.ofMinutes(LONG ? 6 : 4))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> {
                            var pending = pending(stores, ours);
                            var behind = lag.byGroup();
                            state.set("outboxes still holding events " + pending + ", consumer lag " + behind);
                            return pending.values().stream().allMatch(n -> n == 0)
                                    && behind.values().stream().allMatch(n -> n == 0);
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                report(rounds);
                throw new AssertionError("Not caught up: " + state.get(), e);
            }
            figures.put("lag back to zero ms (after the last restart)", (System.nanoTime() - quiet) / 1_000_000);
            try {
                verifyStoresAndEffects(stores, ours);
                verifyConsentEverywhere(clients, therapist, grants, revokedDuringFaults);
            } finally {
                report(rounds);
            }
        }
    }

    // ---- the faults ------------------------------------------------------------------------------------------

    /** One round: lose a broker, then an instance of each service; start them again; times in ms. */
    private Map<String, Long> faultRound(int round, Runnable duringFaults) throws Exception {
        var times = new LinkedHashMap<String, Long>();
        int broker = 2 + round % 2;
        int instance = round % 2 == 0 ? 1 : 0;
        Thread.sleep(FAULT_DWELL.toMillis() / 2);
        log.info("Round {}: kill -9 Kafka node {}", round + 1, broker);
        stack.killBroker(broker);
        duringFaults.run();
        Thread.sleep(FAULT_DWELL.toMillis());
        var killed = new ArrayList<LocalStack.Instance>();
        for (var service : SERVICES) {
            var victim = stack.instances(service).get(instance);
            log.info("Round {}: kill -9 {} instance {} (pid {})", round + 1, service, instance, victim.pid());
            ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly();
            killed.add(victim);
        }
        for (var victim : killed) {
            ProcessHandle.of(victim.pid()).ifPresent(p -> p.onExit().join());
        }
        exportThroughWebUiWhileInstancesAreDown();
        Thread.sleep(FAULT_DWELL.toMillis());

        long brokerBack = System.nanoTime();
        stack.restartBroker(broker);
        try (var lag = new ConsumerLag(stack.bootstrapServers())) {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> lag.brokers() == 3 && lag.underReplicatedPartitions() == 0);
        }
        times.put("broker " + broker + " back in sync ms", (System.nanoTime() - brokerBack) / 1_000_000);

        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var restarts = new LinkedHashMap<String, java.util.concurrent.Future<Long>>();
            for (var victim : killed) {
                restarts.put(victim.service(), pool.submit(() -> {
                    long started = System.nanoTime();
                    stack.restartInstance(victim.service(), victim.index());
                    return (System.nanoTime() - started) / 1_000_000;
                }));
            }
            for (var entry : restarts.entrySet()) {
                times.put(
                        entry.getKey() + " instance " + instance + " healthy again ms",
                        entry.getValue().get());
            }
        }
        return times;
    }

    /**
     * A person's request through web-ui gathers from all three services; with one instance of each gone, web-ui's
     * load balancer must still reach the other one every time.
     */
    private void exportThroughWebUiWhileInstancesAreDown() {
        for (int i = 0; i < 6; i++) {
            var export = Api.get(stack.webUiUrl(), "/api/export", person.token());
            exportsWhileDown.incrementAndGet();
            if (export.status() != 200 || export.body().contains("This service did not answer")) {
                exportsMissingAService.add(export.status() + " " + export.body().length() + " bytes");
            }
        }
    }

    // ---- the load ----------------------------------------------------------------------------------------------

    private void writeUntilStopped(List<Person> clients, int thread) {
        int n = 0;
        while (running.get()) {
            var client = clients.get((thread + n) % clients.size());
            try {
                if (n % 5 == 4) {
                    respond(client, n);
                } else {
                    checkIn(client, n);
                }
            } catch (RuntimeException e) {
                // a token fetch from web-ui can fail while a broker is lost; the next write tries again
                failedAttempts.incrementAndGet();
            }
            n++;
        }
    }

    /**
     * A check-in as a careful client sends it: one Idempotency-Key, sent again (to the other instance) until an answer
     * comes, so a lost instance costs a retry, never a second check-in.
     */
    private void checkIn(Person client, int n) {
        sent.incrementAndGet();
        var key = UUID.randomUUID().toString();
        unacknowledgedCheckIns.add(key);
        long started = System.nanoTime();
        var body = Map.<String, Object>of(
                "mood",
                1 + n % 10,
                "window",
                n % 3 == 0 ? "HYPER" : "WITHIN",
                "energy",
                5,
                "emotions",
                List.of(),
                "tags",
                List.of());
        for (int attempt = 0; attempt < 6 && running.get(); attempt++) {
            var instance = instanceUrl("checkin-service", n + attempt);
            try {
                var response =
                        Api.post(instance, "/api/v1/checkins", client.token(), body, Map.of("Idempotency-Key", key));
                if (response.status() == 201 || response.status() == 200) {
                    acknowledgedCheckIns.put(key, response.json().get("id").asString());
                    unacknowledgedCheckIns.remove(key);
                    longestWaitMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                    return;
                }
            } catch (UncheckedIOException | IllegalStateException noAnswer) {
                // the instance is gone or the answer was lost: the same key again
            }
            failedAttempts.incrementAndGet();
            pause(200);
        }
    }

    /** A questionnaire response has no idempotency key: sent again only when the connection was refused. */
    private void respond(Person client, int n) {
        sentResponses.incrementAndGet();
        var answers = new HashMap<String, Integer>();
        for (int item = 1; item <= 7; item++) {
            answers.put(String.valueOf(item), (n + item) % 4);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            var instance = instanceUrl("checkin-service", n + attempt);
            try {
                var response = Api.post(
                        instance, "/api/v1/questionnaires/GAD-7/responses", client.token(), Map.of("answers", answers));
                if (response.status() == 201) {
                    acknowledgedResponses.add(response.json().get("id").asString());
                }
                return;
            } catch (UncheckedIOException e) {
                failedAttempts.incrementAndGet();
                if (!(e.getCause() instanceof java.net.ConnectException)) {
                    return;
                }
            }
        }
    }

    private void toggleConsentsUntilStopped(List<Person> clients, Person therapist, Map<UUID, String> grants) {
        int n = 0;
        while (running.get() && !clients.isEmpty()) {
            var client = clients.get(n++ % clients.size());
            try {
                var current = grants.get(client.id);
                if (current != null) {
                    var revoke = Api.delete(stack.webUiUrl(), "/api/consents/" + current, client.token());
                    if (revoke.status() == 204) {
                        grants.remove(client.id);
                        consentChanges.incrementAndGet();
                    }
                } else {
                    grants.put(client.id, grant(client, therapist));
                    consentChanges.incrementAndGet();
                }
            } catch (RuntimeException | AssertionError e) {
                failedAttempts.incrementAndGet();
            }
            pause(700);
        }
    }

    private static String grant(Person client, Person therapist) {
        var grant = Api.post(
                stack.webUiUrl(),
                "/api/consents",
                client.token(),
                Map.of("therapistEmail", therapist.email, "dataClasses", ALL_CLASSES));
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
        return grant.json().get("id").asString();
    }

    private void revoke(Person client, Map<UUID, String> grants) {
        var revoke = Api.delete(stack.webUiUrl(), "/api/consents/" + grants.get(client.id), client.token());
        assertThat(revoke.status()).as("revoke during the faults").isEqualTo(204);
        grants.remove(client.id);
        consentChanges.incrementAndGet();
    }

    private static URI instanceUrl(String service, int n) {
        var instances = stack.instances(service);
        return instances.get(Math.floorMod(n, instances.size())).url();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- what must hold afterwards -----------------------------------------------------------------------------

    private void verifyStoresAndEffects(Stores stores, Set<UUID> ours) {
        var checkins = stores.collection("attune_checkin", "checkins");
        long lostCheckIns = 0;
        long duplicateCheckIns = 0;
        for (var entry : acknowledgedCheckIns.entrySet()) {
            long withKey = checkins.countDocuments(new Document("idempotencyKey", entry.getKey()));
            if (checkins.countDocuments(new Document("_id", entry.getValue())) == 0) {
                lostCheckIns++;
            }
            duplicateCheckIns += Math.max(0, withKey - 1);
        }
        long unacknowledgedStored = unacknowledgedCheckIns.stream()
                .filter(key -> checkins.countDocuments(new Document("idempotencyKey", key)) > 0)
                .count();
        long storedCheckIns = stores.countOfClients("attune_checkin", "checkins", ours);

        var responses = stores.collection("attune_checkin", "questionnaire_responses");
        long lostResponses = acknowledgedResponses.stream()
                .filter(id -> responses.countDocuments(new Document("_id", id)) == 0)
                .count();
        long storedResponses = stores.countOfClients("attune_checkin", "questionnaire_responses", ours);

        var checkInEvents = ofOurs(Topics.CHECKINS, CheckInRecorded.class, ours);
        var completed = ofOurs(Topics.QUESTIONNAIRES, QuestionnaireCompleted.class, ours);
        var recommended = ofOurs(Topics.CONTENT, ContentRecommended.class, ours);

        // Each consuming service marks an event applied in the same step as its effect: a missing mark is a lost
        // effect; a repeated effect shows as a second recommendation for one trigger and rule.
        long contentMissing = missingMarks(stores, "attune_content", checkInEvents)
                + missingMarks(stores, "attune_content", completed);
        long notificationMissing = missingMarks(stores, "attune_notification", checkInEvents)
                + missingMarks(stores, "attune_notification", recommended);
        long recommendationDuplicates = stores.repeatedRecommendations(ours);
        long storedRecommendations = stores.countOfClients("attune_content", "recommendations", ours);

        figures.put("check-ins sent", sent.get());
        figures.put("check-ins acknowledged", acknowledgedCheckIns.size());
        figures.put("check-ins stored", storedCheckIns);
        figures.put("check-ins stored without an acknowledgement", unacknowledgedStored);
        figures.put("check-ins lost (acknowledged, not stored)", lostCheckIns);
        figures.put("check-ins stored twice", duplicateCheckIns);
        figures.put("questionnaire responses sent", sentResponses.get());
        figures.put("questionnaire responses acknowledged", acknowledgedResponses.size());
        figures.put("questionnaire responses stored", storedResponses);
        figures.put("questionnaire responses lost", lostResponses);
        figures.put("consent changes acknowledged", consentChanges.get());
        figures.put("attempts without an answer (retried or given up)", failedAttempts.get());
        figures.put("data exports through web-ui while an instance of each service was down", exportsWhileDown.get());
        figures.put("... of them missing a service", exportsMissingAService.size());
        figures.put("longest wait for a check-in's 201, retries included (ms)", longestWaitMillis.get());
        figures.put(
                "CheckInRecorded events (distinct / records)", distinct(checkInEvents) + " / " + checkInEvents.size());
        figures.put(
                "QuestionnaireCompleted events (distinct / records)", distinct(completed) + " / " + completed.size());
        figures.put(
                "recommendations stored / ContentRecommended distinct",
                storedRecommendations + " / " + distinct(recommended));
        figures.put("effects lost in content-service", contentMissing);
        figures.put("effects lost in notification-service", notificationMissing);
        figures.put("effects applied twice (recommendations per trigger and rule)", recommendationDuplicates);

        assertThat(exportsMissingAService)
                .as("web-ui requests that a lost instance failed")
                .isEmpty();
        assertThat(lostCheckIns).as("acknowledged check-ins lost").isZero();
        assertThat(duplicateCheckIns).as("check-ins stored twice").isZero();
        assertThat(storedCheckIns).as("stored check-ins").isEqualTo(acknowledgedCheckIns.size() + unacknowledgedStored);
        assertThat(lostResponses)
                .as("acknowledged questionnaire responses lost")
                .isZero();
        assertThat(distinct(checkInEvents)).as("check-ins published").isEqualTo(storedCheckIns);
        assertThat(distinct(completed)).as("questionnaire responses published").isEqualTo(storedResponses);
        assertThat(distinct(recommended)).as("recommendations published").isEqualTo(storedRecommendations);
        assertThat(contentMissing).as("events content-service never applied").isZero();
        assertThat(notificationMissing)
                .as("events notification-service never applied")
                .isZero();
        assertThat(recommendationDuplicates).as("recommendations made twice").isZero();
    }

    private static long missingMarks(Stores stores, String database, List<? extends AttuneEvent> events) {
        var marks = stores.collection(database, "applied_events");
        return events.stream()
                .map(e -> e.eventId().toString())
                .distinct()
                .filter(id -> marks.countDocuments(new Document("_id", id)) == 0)
                .count();
    }

    private void verifyConsentEverywhere(
            List<Person> clients, Person therapist, Map<UUID, String> grants, Person revokedDuringFaults) {
        int refused = 0;
        for (var client : clients) {
            int expected = grants.containsKey(client.id) ? 200 : 403;
            for (var service : SERVICES) {
                for (var instance : stack.instances(service)) {
                    await().atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(300))
                            .untilAsserted(() -> assertThat(therapistRead(service, instance.url(), client, therapist))
                                    .as(service + " instance " + instance.index() + " for a grant "
                                            + (expected == 200 ? "active" : "revoked"))
                                    .isEqualTo(expected));
                    if (expected == 403) {
                        refused++;
                    }
                }
            }
        }
        assertThat(grants).doesNotContainKey(revokedDuringFaults.id);
        figures.put("revoked grants refused by every instance (checks)", refused);
    }

    private static int therapistRead(String service, URI instance, Person client, Person therapist) {
        return switch (service) {
            case "checkin-service" ->
                Api.get(instance, "/api/v1/clients/" + client.id + "/checkins", therapist.token())
                        .status();
            case "content-service" ->
                Api.get(instance, "/api/v1/clients/" + client.id + "/assignments", therapist.token())
                        .status();
            default ->
                Api.put(
                                instance,
                                "/api/v1/session-schedule",
                                therapist.token(),
                                Map.of(
                                        "clientId", client.id.toString(),
                                        "timeZone", "Europe/Berlin",
                                        "weeklyDay", "TUESDAY",
                                        "weeklyTime", "10:00",
                                        "durationMinutes", 50))
                        .status();
        };
    }

    private static Map<String, Long> pending(Stores stores, Set<UUID> ours) {
        var pending = new LinkedHashMap<String, Long>();
        pending.put("checkins", stores.pendingOfClients("attune_checkin", "checkins", ours));
        pending.put(
                "questionnaire_responses", stores.pendingOfClients("attune_checkin", "questionnaire_responses", ours));
        pending.put("recommendations", stores.pendingOfClients("attune_content", "recommendations", ours));
        return pending;
    }

    private static <T extends AttuneEvent> List<T> ofOurs(String topic, Class<T> type, Set<UUID> ours) {
        return Topic.events(stack, topic).stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(e -> ours.contains(e.clientId()))
                .toList();
    }

    private static long distinct(List<? extends AttuneEvent> events) {
        return events.stream().map(AttuneEvent::eventId).distinct().count();
    }

    private void report(List<Map<String, Long>> rounds) throws Exception {
        var lines = new ArrayList<String>();
        lines.add("Fault test (" + (LONG ? "long" : "short")
                + " form): 3 Kafka nodes (RF 3, min ISR 2), 2 instances of " + "each service, " + CLIENTS + " clients, "
                + THREADS + " writing threads, " + ROUNDS + " round(s)");
        figures.forEach((name, value) -> lines.add(String.format("| %-62s | %12s |", name, value)));
        for (int i = 0; i < rounds.size(); i++) {
            int round = i + 1;
            rounds.get(i)
                    .forEach((name, value) ->
                            lines.add(String.format("| %-62s | %12s |", "round " + round + ": " + name, value)));
        }
        lines.forEach(line -> log.info("{}", line));
        var file = Path.of("target/fault-figures.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}

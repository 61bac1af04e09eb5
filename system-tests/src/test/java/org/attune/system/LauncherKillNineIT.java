package org.attune.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonBinary;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kill -9} of the launcher (which hosts the broker and the store) while four threads post check-ins, then a
 * restart on the same data: every check-in answered 201 is stored exactly once, no service process outlives the
 * launcher, and the next start is clean. One round in the normal build; {@code -Dattune.killnine.rounds=5} for the
 * long form.
 */
class LauncherKillNineIT {

    private static final Logger log = LoggerFactory.getLogger(LauncherKillNineIT.class);
    private static final int ROUNDS = Integer.getInteger("attune.killnine.rounds", 1);
    private static final int THREADS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;
    private static final Duration SERVICES_GONE_WITHIN = Duration.ofSeconds(60);

    private static LauncherProcess launcher;
    private static final List<ProcessHandle> everyService = new ArrayList<>();

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<String> figures = new ArrayList<>();

    @BeforeAll
    static void startTheLauncher() throws Exception {
        var root = Path.of(System.getProperty("attune.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        launcher =
                new LauncherProcess(root, root.resolve("system-tests/target/killnine-" + System.currentTimeMillis()));
        var startup = launcher.startAndAwaitHealthy();
        log.info("launcher up in {} s", startup.toSeconds());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (launcher != null) {
            launcher.stop();
        }
        // Whatever a failed round left behind must not hold ports for the next test.
        everyService.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void killingTheLauncherUnderLoadLosesNoAcknowledgedCheckInAndLeavesNoServiceBehind() throws Exception {
        var client = Client.register(launcher);
        for (int round = 1; round <= ROUNDS; round++) {
            runRound(round, client);
        }
        var file = Path.of("target/system-figures.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, figures, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void runRound(int round, Client client) throws Exception {
        var services = launcher.services();
        assertThat(services).as("service processes of the launcher").hasSize(4);
        everyService.addAll(services);

        var sent = new AtomicInteger();
        var answered = new AtomicInteger();
        var stop = new AtomicBoolean();
        int before = acknowledged.size();
        long loadStarted = System.nanoTime();
        long killedAt;
        try (var posters = Executors.newFixedThreadPool(THREADS)) {
            var token = client.token(launcher);
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                posters.submit(() -> post(round, thread, token, sent, answered, stop));
            }
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> acknowledged.size() - before >= ACKNOWLEDGED_BEFORE_KILL);
            killedAt = System.nanoTime();
            launcher.killMinus9();
            // Requests in flight at the kill still get their answer or their error; no new ones are started.
            stop.set(true);
            log.info(
                    "round {}: {} check-ins acknowledged in {} ms before the kill",
                    round,
                    acknowledged.size() - before,
                    (killedAt - loadStarted) / 1_000_000);
            await().atMost(SERVICES_GONE_WITHIN)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> services.stream().noneMatch(ProcessHandle::isAlive));
        }
        var servicesGone = Duration.ofNanos(System.nanoTime() - killedAt);
        double loadSeconds = (killedAt - loadStarted) / 1e9;
        int acknowledgedThisRound = acknowledged.size() - before;

        var restart = launcher.startAndAwaitHealthy();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(launcher.currentLog()).contains("Attune is running"));
        assertThat(Files.readString(launcher.currentLog())).doesNotContain("did not start");

        var stored = storedNotes(client);
        var lost =
                acknowledged.stream().filter(note -> !stored.containsKey(note)).toList();
        var duplicates = stored.entrySet().stream()
                .filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey)
                .toList();
        long storedTotal =
                stored.values().stream().mapToLong(Integer::longValue).sum();
        var line = "kill -9 of the launcher, round " + round + ": sent " + sent.get() + ", acknowledged "
                + acknowledgedThisRound + " (" + Math.round(acknowledgedThisRound / loadSeconds)
                + " check-ins/s over " + THREADS + " threads), other answers "
                + (answered.get() - acknowledgedThisRound)
                + "; all rounds: acknowledged " + acknowledged.size() + ", stored " + storedTotal + ", lost "
                + lost.size() + ", duplicates " + duplicates.size() + ", stored without an answer "
                + (storedTotal - acknowledged.size() + lost.size()) + "; services gone "
                + servicesGone.toMillis() + " ms after the kill; restart " + restart.toSeconds() + " s";
        log.info("{}", line);
        figures.add(line);

        assertThat(lost).as("acknowledged check-ins missing after the restart").isEmpty();
        assertThat(duplicates).as("check-ins stored twice").isEmpty();
    }

    private void post(
            int round, int thread, String token, AtomicInteger sent, AtomicInteger answered, AtomicBoolean stop) {
        for (int n = 0; !stop.get(); n++) {
            var note = "kill-9 round " + round + " thread " + thread + " check-in " + n;
            sent.incrementAndGet();
            try {
                var response = Api.post(
                        launcher.checkinUrl(),
                        "/api/v1/checkins",
                        token,
                        Map.of("mood", 5, "window", "WITHIN", "energy", 5, "note", note));
                answered.incrementAndGet();
                if (response.status() == 201) {
                    acknowledged.add(note);
                }
            } catch (RuntimeException noAnswer) {
                // the service went away with the launcher
            }
        }
    }

    /** How often each note of this client is stored, read from the store itself. */
    private static Map<String, Integer> storedNotes(Client client) {
        var counts = new HashMap<String, Integer>();
        try (var mongo = MongoClients.create(launcher.mongoUri())) {
            var checkins = mongo.getDatabase("attune_checkin").getCollection("checkins");
            for (Object id : List.of(new BsonBinary(client.id), client.id.toString())) {
                for (Document document : checkins.find(new Document("clientId", id))) {
                    counts.merge(document.getString("note"), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** A client account in web-ui; its sign-in outlives the restarts (it is in the store too). */
    private record Client(UUID id, String email, String password) {

        static Client register(LauncherProcess launcher) {
            var email = "kill-nine-" + UUID.randomUUID() + "@attune.example";
            var password = "tidewater compass " + UUID.randomUUID();
            var response = Api.post(
                    launcher.webUiUrl(),
                    "/api/accounts",
                    null,
                    Map.of("email", email, "password", password, "displayName", "Kill Nine", "role", "CLIENT"));
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            var verified = Api.post(
                    launcher.webUiUrl(),
                    "/api/email-verifications",
                    null,
                    Map.of("token", launcher.verificationToken(email)));
            assertThat(verified.status()).as(verified.body()).isEqualTo(204);
            var signedIn = new Client(null, email, password);
            var payload = new String(java.util.Base64.getUrlDecoder()
                    .decode(signedIn.token(launcher).split("\\.")[1]));
            var id = UUID.fromString(Api.JSON.readTree(payload).get("sub").asString());
            return new Client(id, email, password);
        }

        String token(LauncherProcess launcher) {
            var response = Api.postWithBasic(launcher.webUiUrl(), "/api/token", email, password);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return response.json().get("access_token").asString();
        }
    }
}

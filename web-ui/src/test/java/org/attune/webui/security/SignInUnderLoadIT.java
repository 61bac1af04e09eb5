package org.attune.webui.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.WebUiApplication;
import org.attune.webui.account.PasswordHashing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bounded password-guessing load on loopback against two web-ui instances sharing one store: the argon2 hashes
 * computed stay within the configured limits per account and per address, every answer is 401 or 429, and the heap
 * does not grow with the number of made-up emails. Figures in {@code target/sign-in-load-figures.txt}. Addresses are
 * set with {@code X-Forwarded-For}, which web-ui trusts from loopback like from any internal proxy.
 */
@AttuneIntegrationTest(
        properties = {
            "attune.data-dir=target/it-data",
            "attune.throttle.sign-in-per-account.max=" + SignInUnderLoadIT.PER_ACCOUNT,
            "attune.throttle.sign-in-per-ip.max=" + SignInUnderLoadIT.PER_IP
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInUnderLoadIT {

    static final int PER_ACCOUNT = 5;
    static final int PER_IP = 20;
    private static final int PARALLEL_GUESSES = 200;
    private static final int MADE_UP_EMAILS = 2_000;
    private static final int CONCURRENCY = 64;

    @LocalServerPort
    int port;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    MeterRegistry meters;

    private ConfigurableApplicationContext second;
    private int secondPort;
    private final HttpClient client = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, String> figures = new TreeMap<>();

    @BeforeAll
    void startASecondInstanceOnTheSameStore() {
        // Arguments, not builder properties: those are defaults, below application.yml.
        second = new SpringApplicationBuilder(WebUiApplication.class)
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.mongodb.uri=" + mongoUri,
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--attune.data-dir=target/it-data-second-instance",
                        "--attune.throttle.sign-in-per-account.max=" + PER_ACCOUNT,
                        "--attune.throttle.sign-in-per-ip.max=" + PER_IP);
        secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    @AfterAll
    void stopIt() throws Exception {
        if (second != null) {
            second.close();
        }
        var lines = new ArrayList<String>();
        figures.forEach((k, v) -> lines.add(k + ": " + v));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/sign-in-load-figures.txt"), lines);
        lines.forEach(System.out::println);
    }

    @Test
    void twoHundredParallelWrongPasswordsForOneAccountCostAtMostTheAccountLimitInHashes() throws Exception {
        var email = TestHttp.email("target");
        new TestHttp(port).register(email, "Target", "CLIENT");
        long heapBefore = usedHeapAfterGc();
        double hashesBefore = hashes();

        var statuses = guesses(PARALLEL_GUESSES, i -> tokenRequest(port, email, "wrong guess " + i, "10.20.0.1"));

        double hashed = hashes() - hashesBefore;
        figures.put("1 parallel wrong passwords, one account", PARALLEL_GUESSES + " requests -> " + statuses);
        figures.put("1 hashes computed", String.valueOf((long) hashed));
        figures.put("1 heap after GC before/after (MiB)", mib(heapBefore) + " / " + mib(usedHeapAfterGc()));
        assertThat(statuses.keySet()).containsOnly(401, 429);
        assertThat(hashed).isLessThanOrEqualTo(PER_ACCOUNT);
        assertThat(statuses.get(401)).isEqualTo((int) hashed);
    }

    @Test
    void twoThousandMadeUpEmailsFromOneAddressCostAtMostTheAddressLimitAndNoHeap() throws Exception {
        // Warm up the code paths first, so the comparison below measures what the made-up emails leave behind.
        guesses(50, i -> tokenRequest(port, "warm-up-" + i + "@example.org", "guess", "10.20.9.9"));
        long heapBefore = usedHeapAfterGc();
        double hashesBefore = hashes();
        long started = System.nanoTime();

        var statuses = guesses(
                MADE_UP_EMAILS,
                i -> tokenRequest(
                        i % 2 == 0 ? port : secondPort, "made-up-" + i + "@example.org", "guess", "10.20.0.2"));

        long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
        double hashed = hashes() - hashesBefore;
        long heapAfter = usedHeapAfterGc();
        figures.put(
                "2 distinct made-up emails, one address, both instances",
                MADE_UP_EMAILS + " requests -> " + statuses + " in " + took + " ms");
        figures.put("2 hashes computed", String.valueOf((long) hashed));
        figures.put("2 heap after GC before/after (MiB)", mib(heapBefore) + " / " + mib(heapAfter));
        assertThat(statuses.keySet()).containsOnly(401, 429);
        assertThat(hashed).isLessThanOrEqualTo(PER_IP);
        // Nothing per email is kept in memory: what grows is counted in MiB, not in thousands of entries.
        assertThat(heapAfter - heapBefore).isLessThan(32L * 1024 * 1024);
    }

    @Test
    void twoInstancesShareOneLimit() throws Exception {
        var email = TestHttp.email("shared");
        new TestHttp(port).register(email, "Shared", "CLIENT");
        double hashesBefore = hashes();
        var byInstance = new java.util.concurrent.ConcurrentHashMap<String, Integer>();

        var statuses = guesses(100, i -> {
            var onSecond = i % 2 == 1;
            var status = tokenRequest(onSecond ? secondPort : port, email, "wrong " + i, "10.20.0.3");
            if (status == 429) {
                byInstance.merge(onSecond ? "second" : "first", 1, Integer::sum);
            }
            return status;
        });

        double hashed = hashes() - hashesBefore;
        figures.put("3 wrong passwords for one account across two instances", "100 requests -> " + statuses);
        figures.put("3 hashes computed (both instances)", String.valueOf((long) hashed));
        assertThat(statuses.keySet()).containsOnly(401, 429);
        assertThat(hashed).isLessThanOrEqualTo(PER_ACCOUNT);
        assertThat(byInstance).containsKeys("first", "second");
        assertThat(tokenRequest(secondPort, email, TestHttp.STRONG_PASSWORD, "10.20.0.4"))
                .as("the right password is refused too while the account's window lasts")
                .isEqualTo(429);
    }

    /** Runs {@code count} requests, {@link #CONCURRENCY} at a time; how many got each status. */
    private Map<Integer, Integer> guesses(int count, IntFunction<Integer> request) throws Exception {
        var permits = new Semaphore(CONCURRENCY);
        var results = new ArrayList<Future<Integer>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<Integer> task = () -> {
                    permits.acquire();
                    try {
                        return request.apply(n);
                    } finally {
                        permits.release();
                    }
                };
                results.add(pool.submit(task));
            }
            var statuses = new TreeMap<Integer, Integer>();
            for (var result : results) {
                statuses.merge(result.get(), 1, Integer::sum);
            }
            return statuses;
        }
    }

    private int tokenRequest(int targetPort, String email, String password, String forwardedFor) {
        var basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + targetPort + "/api/token"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic)
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Passwords checked against an argon2 hash by both instances so far (each instance also hashes one dummy password
     * once, for unknown emails to take as long as known ones: that is not an evaluation of a guess).
     */
    private double hashes() {
        return List.of(meters, second.getBean(MeterRegistry.class)).stream()
                .flatMap(registry ->
                        registry.find(PasswordHashing.HASHES_METRIC).tag("operation", "matches").counters().stream())
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }

    private static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}

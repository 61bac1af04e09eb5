package org.attune.checkin.bench;

import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClients;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.attune.checkin.CheckinServiceApplication;
import org.attune.events.CheckInRecorded;
import org.attune.events.EventJson;
import org.attune.events.WindowOfTolerance;
import org.attune.infra.local.EmbeddedKafka;
import org.attune.infra.local.EmbeddedMongo;
import org.attune.infra.local.TopicProvisioner;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;

/**
 * Load benchmark for {@code POST /api/v1/checkins} (not a test). See checkin-service/README.md for the command.
 *
 * <p>Phases, all at the same concurrency N: (1) N HTTP clients, each with its own account and token, post check-ins
 * over real HTTP and the run reports throughput and p50/p99 latency; (2) N workers insert check-in-shaped documents
 * straight into the same MongoDB-protocol store (a scratch database); (3) N workers produce check-in-sized events
 * straight to the same Kafka broker (a scratch topic) with the service's producer settings (acks=all, idempotence)
 * and wait for each ack. Then it prints the ratios of the HTTP rate to the raw rates.
 *
 * <p>Where it runs ({@code bench.infra}):
 *
 * <ul>
 *   <li>{@code stack} (default): the running local stack ({@code ./run-local.sh}). N client accounts are registered
 *       through web-ui ({@code POST /api/accounts}, then the verification link from the stack's mail log,
 *       {@code bench.mail-log}, default {@code data/local/logs/mail.log}), each fetches its token once from
 *       {@code POST /api/token} (HTTP
 *       Basic) and again before it expires, and the running checkin-service is driven; the accounts are erased
 *       through web-ui at the end (so the stack deletes their check-ins) unless {@code bench.keep-accounts=true}. Every account
 *       comes from loopback, so start the stack with web-ui's per-address limits raised, e.g.
 *       {@code ATTUNE_THROTTLE_REGISTRATION_PER_IP_MAX=1000 ATTUNE_THROTTLE_MAIL_PER_IP_MAX=1000 ./run-local.sh}.
 *   <li>{@code in-process}: the service is started in this JVM against the stack's broker and store, with tokens
 *       minted by the benchmark itself (RS256, served as a JWKS on 127.0.0.1).
 *   <li>{@code embedded}: like {@code in-process}, but the broker and store are started in this JVM too (for a
 *       machine where the stack is not running).
 * </ul>
 */
public final class CheckinBenchmark {

    private static final Logger log = LoggerFactory.getLogger(CheckinBenchmark.class);

    /** One line of the report, through the logger like everything else (figures only, no health data). */
    private static void report(String format, Object... args) {
        log.info("{}", String.format(format, args).stripTrailing());
    }

    static final String ISSUER = "attune-web-ui";
    static final String AUDIENCE = "attune-services";
    static final String BENCH_DB = "attune_checkin_bench";
    static final String SCRATCH_DB = "attune_bench_scratch";
    static final String BENCH_TOPIC = "attune.bench.v1";
    /** UUIDs as the service stores them (standard binary subtype 4). */
    static final org.bson.codecs.configuration.CodecRegistry CODECS =
            org.bson.codecs.configuration.CodecRegistries.fromRegistries(
                    org.bson.codecs.configuration.CodecRegistries.fromCodecs(
                            new org.bson.codecs.UuidCodec(org.bson.UuidRepresentation.STANDARD)),
                    MongoClientSettings.getDefaultCodecRegistry());

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 16);
        int requests = Integer.getInteger("bench.requests", 4000);
        int warmup = Integer.getInteger("bench.warmup", 1000);
        String infra = System.getProperty("bench.infra", "stack");
        String kafka = System.getProperty("bench.kafka", "127.0.0.1:9092");
        String mongoBase = System.getProperty("bench.mongo", "mongodb://127.0.0.1:27017");
        String target = System.getProperty("bench.target", "");
        String webUi = System.getProperty("bench.webui", "http://127.0.0.1:8080");
        boolean keepAccounts = Boolean.getBoolean("bench.keep-accounts");
        int jwksPort = Integer.getInteger("bench.jwks-port", 0);
        if (!List.of("stack", "in-process", "embedded").contains(infra)) {
            log.error("bench.infra must be stack, in-process or embedded, was {}", infra);
            System.exit(2);
        }

        EmbeddedKafka embeddedKafka = null;
        EmbeddedMongo embeddedMongo = null;
        if (infra.equals("embedded")) {
            // The local stack's own broker and store, started in this JVM (for a machine without the stack running).
            var tmp = Files.createTempDirectory("attune-bench");
            embeddedKafka = EmbeddedKafka.start(tmp.resolve("kafka"), freePort(), freePort());
            embeddedMongo = EmbeddedMongo.startPersistent(tmp.resolve("mongo/bench.mv"), freePort());
            TopicProvisioner.createAll(embeddedKafka.bootstrapServers());
            kafka = embeddedKafka.bootstrapServers();
            mongoBase = embeddedMongo.connectionString();
        }

        ConfigurableApplicationContext service = null;
        HttpServer jwks = null;
        Tokens tokens;
        RSAKey key = null;
        String baseUrl = target;
        if (infra.equals("stack")) {
            if (baseUrl.isBlank()) {
                baseUrl = "http://127.0.0.1:8081";
            }
            report("Registering %d client accounts at %s ...%n", clients, webUi);
            tokens = WebUiTokens.register(webUi, clients);
        } else {
            key = new RSAKeyGenerator(2048).keyID("bench-key").generate();
            jwks = serveJwks(new JWKSet(key.toPublicJWK()), jwksPort);
            var jwksUri = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
            tokens = new MintedTokens(key, clients);
            if (baseUrl.isBlank()) {
                // Command-line arguments, so they win over application.yml.
                var serviceArgs = new java.util.ArrayList<>(List.of(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.kafka.bootstrap-servers=" + kafka,
                        "--spring.mongodb.uri=" + mongoBase + "/" + BENCH_DB,
                        "--spring.kafka.consumer.group-id=checkin-service-bench",
                        "--attune.security.jwks-uri=" + jwksUri,
                        "--logging.level.root=WARN",
                        // the service's logging configuration is this JVM's: keep the report's lines
                        "--logging.level.org.attune.checkin.bench=INFO"));
                // e.g. -Dbench.service-args="--attune.outbox.relay-enabled=false" to isolate a part of the path
                for (String extra : System.getProperty("bench.service-args", "").split("\\s+")) {
                    if (!extra.isBlank()) {
                        serviceArgs.add(extra);
                    }
                }
                service = new SpringApplicationBuilder(CheckinServiceApplication.class)
                        .initializers(context -> context.getBeanFactory()
                                .registerSingleton("benchCommandCounter", StoreCommands.customizer()))
                        .run(serviceArgs.toArray(String[]::new));
                baseUrl = "http://127.0.0.1:"
                        + ((WebServerApplicationContext) service).getWebServer().getPort();
            }
        }

        report(
                "Attune check-in benchmark (%s): %d concurrent clients, %d measured requests (+%d warm-up)%n",
                infra, clients, requests, warmup);
        report(
                "  service %s | broker %s | store %s | %d cores, load average %.1f%n",
                baseUrl,
                kafka,
                mongoBase,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());

        try {
            var http = httpPhase(baseUrl, tokens, warmup, requests);
            // the service's store commands during the measured requests (in-process and embedded only)
            var commands = StoreCommands.perRequest(requests);
            var leftInOutboxes = infra.equals("stack") ? "" : leftInOutboxes(mongoBase);
            var serverSide = serverSideMean(
                    service == null
                            ? System.getProperty("bench.management-url", "http://127.0.0.1:9081")
                            : "http://127.0.0.1:" + service.getEnvironment().getProperty("local.management.port"));
            var storedSize = infra.equals("stack")
                    ? storedCheckInSize(mongoBase, "attune_checkin", ((WebUiTokens) tokens).accountIds())
                    : storedCheckInSize(mongoBase, BENCH_DB, null);
            var insert = insertPhase(mongoBase, clients, requests);
            var produce = producePhase(kafka, clients, requests);

            report(
                    "HTTP POST /api/v1/checkins  : %8.0f req/s   p50 %7.2f ms   p99 %7.2f ms   errors %d%n",
                    http.rate, http.p50, http.p99, http.errors);
            report("  server-side mean (http_server_requests, all requests so far): %s%n", serverSide);
            if (!commands.isBlank()) {
                report("  store commands per check-in (the service's, measured requests): %s%n", commands);
            }
            if (!leftInOutboxes.isBlank()) {
                report("  %s%n", leftInOutboxes);
            }
            report(
                    "raw store insert            : %8.0f ops/s   p50 %7.2f ms   p99 %7.2f ms   (%s.%s, %d-byte"
                            + " documents; a stored check-in: %s)%n",
                    insert.rate, insert.p50, insert.p99, SCRATCH_DB, "bench_raw_inserts", insert.size, storedSize);
            report(
                    "raw Kafka produce (acks=all, idempotent): %8.0f msg/s   p50 %7.2f ms   p99 %7.2f ms   (topic %s,"
                            + " %d-byte values)%n",
                    produce.rate, produce.p50, produce.p99, BENCH_TOPIC, produce.size);
            report("ratio HTTP / raw insert     : %8.2f%n", http.rate / insert.rate);
            report("ratio HTTP / raw produce    : %8.2f%n", http.rate / produce.rate);
            // P3 for this service: -Dbench.revokes=10 (in-process and embedded modes; tokens minted here)
            int revokes = Integer.getInteger("bench.revokes", 0);
            if (revokes > 0 && key != null) {
                var revoked = RevokeUnderLoad.run(
                        baseUrl, kafka, key, tokens, revokes, Integer.getInteger("bench.revoke-load", 50));
                report(
                        "revoke -> refused, while check-ins run: %s (load average %.1f)%n",
                        RevokeUnderLoad.summary(revoked),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                .getSystemLoadAverage());
            }
            report(
                    "  token fetches from web-ui: %d (one per client, plus refreshes before expiry)%n",
                    tokens.fetches());
        } finally {
            if (service != null) {
                service.close();
            }
            if (jwks != null) {
                jwks.stop(0);
            }
            if (tokens instanceof WebUiTokens accounts && !keepAccounts) {
                report("Erasing the %d bench accounts through web-ui: %s%n", clients, accounts.eraseAll());
            }
            try (var mongo = MongoClients.create(mongoBase)) {
                Mono.from(mongo.getDatabase(SCRATCH_DB).drop()).block(Duration.ofSeconds(30));
                if (!infra.equals("stack")) {
                    Mono.from(mongo.getDatabase(BENCH_DB).drop()).block(Duration.ofSeconds(30));
                }
            } catch (RuntimeException e) {
                log.info("Could not drop the scratch database: " + e.getClass().getSimpleName());
            }
            try (var admin = AdminClient.create(Map.of("bootstrap.servers", kafka))) {
                admin.deleteTopics(List.of(BENCH_TOPIC)).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.info("Could not delete the scratch topic: " + e.getClass().getSimpleName());
            }
            if (embeddedKafka != null) {
                embeddedKafka.close();
                embeddedMongo.close();
            }
        }
        System.exit(0);
    }

    record HttpResult(double rate, double p50, double p99, long errors) {}

    static HttpResult httpPhase(String baseUrl, Tokens tokens, int warmup, int requests) throws Exception {
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        runHttp(http, baseUrl, tokens, warmup, null);
        StoreCommands.reset();
        var latencies = new long[requests];
        var errors = new AtomicLong();
        long start = System.nanoTime();
        errors.addAndGet(runHttp(http, baseUrl, tokens, requests, latencies));
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new HttpResult(requests / seconds, p(latencies, 0.50), p(latencies, 0.99), errors.get());
    }

    /** The q-quantile of sorted nanosecond latencies, in milliseconds (nearest rank). */
    static double p(long[] sorted, double q) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * q) - 1))] / 1e6;
    }

    /** Each client posts sequentially until {@code total} requests are done; returns the number of non-201s. */
    static long runHttp(HttpClient http, String baseUrl, Tokens tokens, int total, long[] latencies) throws Exception {
        var next = new AtomicInteger();
        var errors = new AtomicLong();
        var uri = URI.create(baseUrl + "/api/v1/checkins");
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < tokens.clients(); c++) {
                int client = c;
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        var body =
                                "{\"mood\":%d,\"window\":\"WITHIN\",\"emotions\":[\"calm\",\"hopeful\"],\"energy\":6,\"sleepHours\":7.5,\"tags\":[\"needs-advocated\"]}"
                                        .formatted(i % 11);
                        // outside the timed part: a token refresh is not the service's latency
                        var token = tokens.token(client);
                        var request = HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        long t0 = System.nanoTime();
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 201) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        if (latencies != null) {
                            latencies[i] = System.nanoTime() - t0;
                        }
                    }
                    return null;
                });
            }
        }
        return errors.get();
    }

    /**
     * The service's own view of its POST latency, from its Prometheus endpoint (on the management port), to tell server
     * time from queueing.
     */
    static String serverSideMean(String managementUrl) {
        try {
            var body = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            double sum = 0;
            double count = 0;
            for (String line : body.lines().toList()) {
                if (line.contains("uri=\"/api/v1/checkins\"") && line.contains("method=\"POST\"")) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (line.startsWith("http_server_requests_seconds_sum")) {
                        sum += value;
                    } else if (line.startsWith("http_server_requests_seconds_count")) {
                        count += value;
                    }
                }
            }
            return count == 0 ? "n/a" : "%.2f ms over %.0f requests".formatted(sum / count * 1000, count);
        } catch (Exception e) {
            return "n/a (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** A raw phase's throughput and per-operation latency; {@code size} is the bytes written per operation. */
    record RawResult(double rate, double p50, double p99, int size) {}

    /** The BSON size of one check-in the service stored for the bench's clients (null ids: any check-in). */
    static String storedCheckInSize(String mongoBase, String database, List<String> clientIds) {
        try (var mongo = MongoClients.create(mongoBase)) {
            var filter = clientIds == null
                    ? new Document()
                    : new Document(
                            "clientId",
                            new Document(
                                    "$in",
                                    clientIds.stream().map(UUID::fromString).toList()));
            var doc = Mono.from(mongo.getDatabase(database)
                            .getCollection("checkins")
                            .withCodecRegistry(CODECS)
                            .find(filter)
                            .first())
                    .block(Duration.ofSeconds(30));
            return doc == null ? "not found" : bsonSize(doc) + " bytes";
        } catch (RuntimeException e) {
            return "n/a (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Check-ins stored and those whose events are still in their outbox, once the relay had a moment. */
    static String leftInOutboxes(String mongoBase) {
        try (var mongo = MongoClients.create(mongoBase)) {
            var checkIns = mongo.getDatabase(BENCH_DB).getCollection("checkins");
            var pending = new Document("outbox.events.0", new Document("$exists", true));
            long left = -1;
            for (int i = 0; i < 50 && left != 0; i++) {
                left = Mono.from(checkIns.countDocuments(pending)).block(Duration.ofSeconds(30));
                if (left != 0) {
                    Thread.sleep(100);
                }
            }
            long stored = Mono.from(checkIns.countDocuments()).block(Duration.ofSeconds(30));
            return "check-ins stored %d, with events still in their outbox (after up to 5 s) %d"
                    .formatted(stored, left);
        } catch (Exception e) {
            return "outbox count n/a (" + e.getClass().getSimpleName() + ")";
        }
    }

    static int bsonSize(Document doc) {
        return new RawBsonDocument(
                        doc, MongoClientSettings.getDefaultCodecRegistry().get(Document.class))
                .getByteBuffer()
                .remaining();
    }

    static Document rawCheckIn(String event) {
        var now = new Date();
        return new Document("_id", UUID.randomUUID().toString())
                .append("clientId", new org.bson.BsonBinary(UUID.randomUUID(), org.bson.UuidRepresentation.STANDARD))
                .append("recordedAt", now)
                .append("localDate", now)
                .append("mood", 6)
                .append("window", "WITHIN")
                .append("emotions", List.of("calm", "hopeful"))
                .append("energy", 6)
                .append("sleepHours", 7.5)
                .append("tags", List.of("needs-advocated"))
                .append(
                        "outbox",
                        new Document("events", List.of(event))
                                .append("pending", true)
                                .append("dueAt", now));
    }

    static RawResult insertPhase(String mongoBase, int workers, int total) throws Exception {
        try (var mongo = MongoClients.create(mongoBase)) {
            var collection = mongo.getDatabase(SCRATCH_DB).getCollection("bench_raw_inserts");
            var event = EventJson.write(sampleEvent());
            int size = bsonSize(rawCheckIn(event));
            Mono.from(collection.insertOne(rawCheckIn(event))).block(Duration.ofSeconds(30));
            var latencies = new long[total];
            var next = new AtomicInteger();
            long start = System.nanoTime();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int w = 0; w < workers; w++) {
                    pool.submit(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < total) {
                            var doc = rawCheckIn(event);
                            long t0 = System.nanoTime();
                            Mono.from(collection.insertOne(doc)).block(Duration.ofSeconds(30));
                            latencies[i] = System.nanoTime() - t0;
                        }
                        return null;
                    });
                }
            }
            double rate = total / ((System.nanoTime() - start) / 1e9);
            Arrays.sort(latencies);
            return new RawResult(rate, p(latencies, 0.50), p(latencies, 0.99), size);
        }
    }

    static RawResult producePhase(String bootstrap, int workers, int total) throws Exception {
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", bootstrap))) {
            try {
                admin.createTopics(List.of(new NewTopic(BENCH_TOPIC, 3, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            } catch (Exception exists) {
                // created by an earlier run
            }
        }
        var payload = EventJson.writeBytes(sampleEvent());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(BENCH_TOPIC, "warm-up", payload)).get(30, TimeUnit.SECONDS);
            var latencies = new long[total];
            var next = new AtomicInteger();
            long start = System.nanoTime();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int w = 0; w < workers; w++) {
                    pool.submit(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < total) {
                            long t0 = System.nanoTime();
                            producer.send(new ProducerRecord<>(
                                            BENCH_TOPIC, UUID.randomUUID().toString(), payload))
                                    .get(30, TimeUnit.SECONDS);
                            latencies[i] = System.nanoTime() - t0;
                        }
                        return null;
                    });
                }
            }
            double rate = total / ((System.nanoTime() - start) / 1e9);
            Arrays.sort(latencies);
            return new RawResult(rate, p(latencies, 0.50), p(latencies, 0.99), payload.length);
        }
    }

    static CheckInRecorded sampleEvent() {
        return CheckInRecorded.of(
                UUID.randomUUID(),
                UUID.randomUUID(),
                6,
                WindowOfTolerance.WITHIN,
                List.of("calm", "hopeful"),
                6,
                7.5,
                List.of("needs-advocated"),
                false,
                LocalDate.now());
    }

    static String token(RSAKey key, UUID accountId) throws Exception {
        return token(key, accountId, "CLIENT");
    }

    static String token(RSAKey key, UUID accountId, String role) throws Exception {
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .subject(accountId.toString())
                .claim("role", role)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                // web-ui's tokens live 5 minutes; a benchmark run is shorter than that
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** One bearer token per benchmark client, fresh enough for the next request. */
    interface Tokens {

        /** Renew a token this long before it expires (web-ui's tokens live five minutes). */
        Duration REFRESH_MARGIN = Duration.ofSeconds(60);

        int clients();

        String token(int client) throws Exception;

        long fetches();
    }

    /** Tokens the benchmark signs itself, as web-ui would (in-process and embedded modes). */
    static final class MintedTokens implements Tokens {

        private final RSAKey key;
        private final UUID[] accounts;
        private final String[] tokens;
        private final Instant[] expiries;
        private final AtomicLong fetches = new AtomicLong();

        MintedTokens(RSAKey key, int clients) {
            this.key = key;
            this.accounts = new UUID[clients];
            this.tokens = new String[clients];
            this.expiries = new Instant[clients];
            for (int i = 0; i < clients; i++) {
                accounts[i] = UUID.randomUUID();
            }
        }

        @Override
        public int clients() {
            return accounts.length;
        }

        @Override
        public synchronized String token(int client) throws Exception {
            if (tokens[client] == null || Instant.now().plus(REFRESH_MARGIN).isAfter(expiries[client])) {
                tokens[client] = CheckinBenchmark.token(key, accounts[client]);
                expiries[client] = Instant.now().plus(Duration.ofMinutes(5));
                fetches.incrementAndGet();
            }
            return tokens[client];
        }

        @Override
        public long fetches() {
            return fetches.get();
        }
    }

    /**
     * Real accounts on the running stack: registered through web-ui ({@code POST /api/accounts}, no session cookie,
     * so CSRF does not apply), each with a token from {@code POST /api/token} (HTTP Basic), fetched once and again
     * only shortly before it expires (token requests are throttled).
     */
    static final class WebUiTokens implements Tokens {

        private static final java.util.regex.Pattern SUBJECT =
                java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");
        private static final java.util.regex.Pattern TOKEN =
                java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
        private static final java.util.regex.Pattern EXPIRES =
                java.util.regex.Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

        private final String webUi;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final String[] emails;
        private final String[] passwords;
        private final String[] ids;
        private final String[] tokens;
        private final Instant[] expiries;
        private final Object[] locks;
        private final AtomicLong fetches = new AtomicLong();

        private WebUiTokens(String webUi, int clients) {
            this.webUi = webUi;
            this.emails = new String[clients];
            this.passwords = new String[clients];
            this.ids = new String[clients];
            this.tokens = new String[clients];
            this.expiries = new Instant[clients];
            this.locks = new Object[clients];
            var random = new java.security.SecureRandom();
            var run = Long.toString(System.currentTimeMillis(), 36);
            for (int i = 0; i < clients; i++) {
                emails[i] = "bench-" + run + "-" + i + "@example.org";
                var bytes = new byte[18];
                random.nextBytes(bytes);
                passwords[i] = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                locks[i] = new Object();
            }
        }

        static WebUiTokens register(String webUi, int clients) throws Exception {
            var accounts = new WebUiTokens(webUi, clients);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (int i = 0; i < clients; i++) {
                    int client = i;
                    done.add(pool.submit(() -> {
                        accounts.registerOne(client);
                        return null;
                    }));
                }
                for (var f : done) {
                    f.get();
                }
            }
            return accounts;
        }

        private void registerOne(int i) throws Exception {
            var body = "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Load test %d\",\"role\":\"CLIENT\"}"
                    .formatted(emails[i], passwords[i], i);
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(webUi + "/api/accounts"))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("web-ui refused to register a bench account: HTTP "
                        + response.statusCode() + " " + response.body());
            }
            var verified = http.send(
                    HttpRequest.newBuilder(URI.create(webUi + "/api/email-verifications"))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"token\":\"" + verificationToken(emails[i]) + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (verified.statusCode() != 204) {
                throw new IllegalStateException("web-ui did not verify a bench account: HTTP " + verified.statusCode());
            }
            token(i);
            var payload = new String(
                    java.util.Base64.getUrlDecoder().decode(tokens[i].split("\\.")[1]), StandardCharsets.UTF_8);
            var id = SUBJECT.matcher(payload);
            if (!id.find()) {
                throw new IllegalStateException("web-ui's token names no account");
            }
            ids[i] = id.group(1);
        }

        /** The token of the verification link the local stack's catch-all SMTP server wrote to its mail log. */
        private static String verificationToken(String email) throws Exception {
            var mailLog = java.nio.file.Path.of(System.getProperty("bench.mail-log", "data/local/logs/mail.log"));
            var link = java.util.regex.Pattern.compile("To: " + java.util.regex.Pattern.quote(email)
                    + "\\n[\\s\\S]*?verify-email\\?token=([A-Za-z0-9_-]+)");
            var deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                if (Files.exists(mailLog)) {
                    var found = link.matcher(Files.readString(mailLog));
                    if (found.find()) {
                        return found.group(1);
                    }
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("No verification mail for a bench account in " + mailLog);
        }

        @Override
        public int clients() {
            return emails.length;
        }

        @Override
        public String token(int client) throws Exception {
            synchronized (locks[client]) {
                if (tokens[client] == null || Instant.now().plus(REFRESH_MARGIN).isAfter(expiries[client])) {
                    var basic = java.util.Base64.getEncoder()
                            .encodeToString(
                                    (emails[client] + ":" + passwords[client]).getBytes(StandardCharsets.UTF_8));
                    var requested = Instant.now();
                    var response = http.send(
                            HttpRequest.newBuilder(URI.create(webUi + "/api/token"))
                                    .header("Authorization", "Basic " + basic)
                                    .timeout(Duration.ofSeconds(60))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    var token = TOKEN.matcher(response.body());
                    if (response.statusCode() != 200 || !token.find()) {
                        throw new IllegalStateException("web-ui gave no token: HTTP " + response.statusCode());
                    }
                    var expires = EXPIRES.matcher(response.body());
                    tokens[client] = token.group(1);
                    expiries[client] = requested.plusSeconds(expires.find() ? Long.parseLong(expires.group(1)) : 300);
                    fetches.incrementAndGet();
                }
                return tokens[client];
            }
        }

        @Override
        public long fetches() {
            return fetches.get();
        }

        List<String> accountIds() {
            return List.of(ids);
        }

        /** Erases every bench account through web-ui (the stack then deletes their check-ins); a summary line. */
        String eraseAll() {
            int erased = 0;
            var other = new java.util.TreeMap<String, Integer>();
            for (int i = 0; i < ids.length; i++) {
                try {
                    var response = http.send(
                            HttpRequest.newBuilder(URI.create(webUi + "/api/account/erase"))
                                    .header("Authorization", "Bearer " + token(i))
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(60))
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"password\":\"" + passwords[i] + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    // a 200 here is not the API's answer (it answers 204): an HTML page for an unknown path
                    if (response.statusCode() == 204) {
                        erased++;
                    } else {
                        other.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                    }
                } catch (Exception e) {
                    other.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                }
            }
            return erased + " of " + ids.length + " erased"
                    + (other.isEmpty()
                            ? ""
                            : "; not erased: " + other
                                    + " (this web-ui may not offer POST /api/account/erase yet; the accounts and"
                                    + " their check-ins stay in the local stack's data)");
        }
    }

    static HttpServer serveJwks(JWKSet jwks, int port) throws Exception {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        var body = jwks.toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

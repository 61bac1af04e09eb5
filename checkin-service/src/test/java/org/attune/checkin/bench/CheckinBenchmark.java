package org.attune.checkin.bench;

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
import java.nio.file.Path;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;

/**
 * Load benchmark for {@code POST /api/v1/checkins} (not a test). See checkin-service/README.md for the command.
 *
 * <p>Phases, all at the same concurrency N: (1) N HTTP clients, each with its own account and token, post check-ins
 * over real HTTP and the run reports throughput and p50/p99 latency; (2) N workers insert check-in-shaped documents
 * straight into the same MongoDB-protocol store; (3) N workers produce check-in-sized events straight to the same
 * Kafka broker with the service's producer settings (acks=all, idempotence) and wait for each ack. Then it prints
 * the ratios of the HTTP rate to the raw rates.
 *
 * <p>Tokens: the benchmark generates an RSA key, mints RS256 tokens the way web-ui does and serves the public key as
 * a JWKS on 127.0.0.1. By default it starts the service in-process, pointed at that JWKS and at the local stack's
 * broker and store (database {@code attune_checkin_bench}, dropped at the end).
 */
public final class CheckinBenchmark {

    static final String ISSUER = "attune-web-ui";
    static final String AUDIENCE = "attune-services";
    static final String BENCH_DB = "attune_checkin_bench";
    static final String BENCH_TOPIC = "attune.bench.v1";

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 16);
        int requests = Integer.getInteger("bench.requests", 4000);
        int warmup = Integer.getInteger("bench.warmup", 1000);
        String infra = System.getProperty("bench.infra", "stack");
        String kafka = System.getProperty("bench.kafka", "127.0.0.1:9092");
        String mongoBase = System.getProperty("bench.mongo", "mongodb://127.0.0.1:27017");
        String target = System.getProperty("bench.target", "");
        int jwksPort = Integer.getInteger("bench.jwks-port", 0);

        EmbeddedKafka embeddedKafka = null;
        EmbeddedMongo embeddedMongo = null;
        Path tmp = null;
        if (infra.equals("embedded")) {
            // The local stack's own broker and store, started in this JVM (for a machine without the stack running).
            tmp = Files.createTempDirectory("attune-bench");
            embeddedKafka = EmbeddedKafka.start(tmp.resolve("kafka"), freePort(), freePort());
            embeddedMongo = EmbeddedMongo.startPersistent(tmp.resolve("mongo/bench.mv"), freePort());
            TopicProvisioner.createAll(embeddedKafka.bootstrapServers());
            kafka = embeddedKafka.bootstrapServers();
            mongoBase = embeddedMongo.connectionString();
        }

        var key = new RSAKeyGenerator(2048).keyID("bench-key").generate();
        var jwks = serveJwks(new JWKSet(key.toPublicJWK()), jwksPort);
        var jwksUri = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";

        ConfigurableApplicationContext service = null;
        String baseUrl = target;
        if (baseUrl.isBlank()) {
            // Command-line arguments, so they win over application.yml.
            var serviceArgs = new java.util.ArrayList<>(List.of(
                    "--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + kafka,
                    "--spring.mongodb.uri=" + mongoBase + "/" + BENCH_DB,
                    "--spring.kafka.consumer.group-id=checkin-service-bench",
                    "--attune.security.jwks-uri=" + jwksUri,
                    "--logging.level.root=WARN"));
            // e.g. -Dbench.service-args="--attune.outbox.relay-enabled=false" to isolate a part of the path
            for (String extra : System.getProperty("bench.service-args", "").split("\\s+")) {
                if (!extra.isBlank()) {
                    serviceArgs.add(extra);
                }
            }
            service = new SpringApplicationBuilder(CheckinServiceApplication.class)
                    .run(serviceArgs.toArray(String[]::new));
            baseUrl = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) service).getWebServer().getPort();
        }

        System.out.printf(
                "Attune check-in benchmark: %d concurrent clients, %d measured requests (+%d warm-up)%n",
                clients, requests, warmup);
        System.out.printf(
                "  service %s | broker %s | store %s | %d cores%n",
                baseUrl, kafka, mongoBase, Runtime.getRuntime().availableProcessors());

        try {
            var http = httpPhase(baseUrl, key, clients, warmup, requests);
            var serverSide = serverSideMean(baseUrl);
            double insertRate = insertPhase(mongoBase, clients, requests);
            double produceRate = producePhase(kafka, clients, requests);

            System.out.println();
            System.out.printf(
                    "HTTP POST /api/v1/checkins : %8.0f req/s   p50 %6.2f ms   p99 %6.2f ms   errors %d%n",
                    http.rate, http.p50, http.p99, http.errors);
            System.out.printf("  server-side mean (http_server_requests, warm-up included): %s%n", serverSide);
            System.out.printf("raw store insert           : %8.0f ops/s%n", insertRate);
            System.out.printf("raw Kafka produce (acks=all): %7.0f msg/s%n", produceRate);
            System.out.printf("ratio HTTP / raw insert    : %8.2f%n", http.rate / insertRate);
            System.out.printf("ratio HTTP / raw produce   : %8.2f%n", http.rate / produceRate);
        } finally {
            if (service != null) {
                service.close();
            }
            jwks.stop(0);
            try (var mongo = MongoClients.create(mongoBase)) {
                Mono.from(mongo.getDatabase(BENCH_DB).drop()).block(Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                System.out.println(
                        "Could not drop " + BENCH_DB + ": " + e.getClass().getSimpleName());
            }
            if (embeddedKafka != null) {
                embeddedKafka.close();
                embeddedMongo.close();
            }
        }
        System.exit(0);
    }

    record HttpResult(double rate, double p50, double p99, long errors) {}

    static HttpResult httpPhase(String baseUrl, RSAKey key, int clients, int warmup, int requests) throws Exception {
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var tokens = new String[clients];
        for (int i = 0; i < clients; i++) {
            tokens[i] = token(key, UUID.randomUUID());
        }
        runHttp(http, baseUrl, tokens, warmup, null);
        var latencies = new long[requests];
        var errors = new AtomicLong();
        long start = System.nanoTime();
        errors.addAndGet(runHttp(http, baseUrl, tokens, requests, latencies));
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new HttpResult(
                requests / seconds,
                latencies[(int) (requests * 0.50)] / 1e6,
                latencies[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)] / 1e6,
                errors.get());
    }

    /** Each client posts sequentially until {@code total} requests are done; returns the number of non-201s. */
    static long runHttp(HttpClient http, String baseUrl, String[] tokens, int total, long[] latencies)
            throws Exception {
        var next = new AtomicInteger();
        var errors = new AtomicLong();
        var uri = URI.create(baseUrl + "/api/v1/checkins");
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String token : tokens) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        var body =
                                "{\"mood\":%d,\"window\":\"WITHIN\",\"emotions\":[\"calm\",\"hopeful\"],\"energy\":6,\"sleepHours\":7.5,\"tags\":[\"needs-advocated\"]}"
                                        .formatted(i % 11);
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

    /** The service's own view of its POST latency, from its Prometheus endpoint, to tell server time from queueing. */
    static String serverSideMean(String baseUrl) {
        try {
            var body = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
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

    static double insertPhase(String mongoBase, int workers, int total) throws Exception {
        try (var mongo = MongoClients.create(mongoBase)) {
            var collection = mongo.getDatabase(BENCH_DB).getCollection("bench_raw_inserts");
            var event = EventJson.write(sampleEvent());
            var next = new AtomicInteger();
            long start = System.nanoTime();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int w = 0; w < workers; w++) {
                    pool.submit(() -> {
                        while (next.getAndIncrement() < total) {
                            var now = new Date();
                            var doc = new Document("_id", UUID.randomUUID().toString())
                                    .append("clientId", UUID.randomUUID().toString())
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
                            Mono.from(collection.insertOne(doc)).block(Duration.ofSeconds(30));
                        }
                        return null;
                    });
                }
            }
            return total / ((System.nanoTime() - start) / 1e9);
        }
    }

    static double producePhase(String bootstrap, int workers, int total) throws Exception {
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
            var next = new AtomicInteger();
            long start = System.nanoTime();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int w = 0; w < workers; w++) {
                    pool.submit(() -> {
                        while (next.getAndIncrement() < total) {
                            producer.send(new ProducerRecord<>(
                                            BENCH_TOPIC, UUID.randomUUID().toString(), payload))
                                    .get(30, TimeUnit.SECONDS);
                        }
                        return null;
                    });
                }
            }
            return total / ((System.nanoTime() - start) / 1e9);
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
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .subject(accountId.toString())
                .claim("role", "CLIENT")
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

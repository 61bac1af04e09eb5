package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An acknowledged write is in the file: {@code kill -9} of the store's process under load loses none of them. */
class DurableStoreIT {

    private static final Logger log = LoggerFactory.getLogger(DurableStoreIT.class);
    private static final int WRITERS = 8;

    @TempDir
    Path dataDir;

    @Test
    void every_acknowledged_insert_survives_a_kill_9_of_the_store_process() throws Exception {
        var storeFile = dataDir.resolve("mongo/attune.mv");
        int port = freePort();
        var process = startStoreProcess(storeFile, port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        var sent = new AtomicInteger();
        var stop = new AtomicBoolean();
        long started = System.nanoTime();
        long killed;
        try (var client = MongoClients.create(
                        "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000");
                var writers = Executors.newFixedThreadPool(WRITERS)) {
            var collection = client.getDatabase("attune_checkin").getCollection("durability");
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        var id = writer + "-" + n;
                        sent.incrementAndGet();
                        try {
                            collection.insertOne(new Document("_id", id).append("mood", n % 11));
                            acknowledged.add(id);
                        } catch (MongoException storeGone) {
                            return;
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 1_500);
            killed = System.nanoTime();
            process.destroyForcibly();
            process.waitFor();
            stop.set(true);
        }
        double seconds = (killed - started) / 1e9;

        try (var mongo = EmbeddedMongo.startPersistent(storeFile, port);
                var client = MongoClients.create(mongo.connectionString())) {
            var stored = client.getDatabase("attune_checkin")
                    .getCollection("durability")
                    .find()
                    .map(document -> document.getString("_id"))
                    .into(new HashSet<>());
            var lost = acknowledged.stream().filter(id -> !stored.contains(id)).toList();
            log.info(
                    "kill -9 of the store: sent {}, acknowledged {} ({} per second over {} writers), stored {},"
                            + " lost {}; store file {} KiB",
                    sent.get(),
                    acknowledged.size(),
                    Math.round(acknowledged.size() / seconds),
                    WRITERS,
                    stored.size(),
                    lost.size(),
                    Files.size(storeFile) / 1024);
            assertThat(lost).as("acknowledged inserts missing after kill -9").isEmpty();
        }
    }

    private static Process startStoreProcess(Path storeFile, int port) throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        var process = new ProcessBuilder(List.of(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StoreProcess.class.getName(),
                        storeFile.toString(),
                        String.valueOf(port)))
                .redirectErrorStream(true)
                .start();
        var output = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line;
        while ((line = output.readLine()) != null && !line.contains(StoreProcess.READY)) {
            // the store's start-up log
        }
        assertThat(line).as("the store process started").isNotNull();
        // Keep draining, so the child never blocks on a full pipe.
        Thread.ofVirtual().start(() -> output.lines().forEach(ignored -> {}));
        return process;
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

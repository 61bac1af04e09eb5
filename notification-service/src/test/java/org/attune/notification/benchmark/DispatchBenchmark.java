package org.attune.notification.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.store.NotificationState;
import org.attune.notification.store.NotificationStore;
import org.attune.notification.support.Fleet;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Not a test: measures (1) how long N instances take to dispatch N due reminders (in-app delivery plus the published
 * NotificationDelivered events; optionally email), with duplicates and losses counted, and (2) the service's CPU while
 * idle.
 *
 * <p>Each instance runs as a child JVM (its CPU is read from /proc), against the embedded broker and mongo-java-server
 * in this JVM. Arguments: {@code [count=10000] [idleSeconds=60] [email=false] [scheduler=true] [instances=2]}; {@code
 * 0 60 false false 1} measures one idle service with its scheduler loop off, to tell the loop's share from Kafka
 * consumers' and the JVM's. The figures go to stdout and, with {@code -Dbench.out=FILE}, are appended to that file
 * (never through the logger: the seeding instance quiets logging). {@code -Dbench.child-jvm-options="..."} adds JVM
 * options to the instances (e.g. a flight recording). Exits 1 when the run fails. See README.md for the command.
 */
public final class DispatchBenchmark {

    /** One line of the report (figures only, no health data). */
    private static void report(String format, Object... args) throws IOException {
        var line = String.format(format, args).stripTrailing();
        System.out.println(line);
        var out = System.getProperty("bench.out", "");
        if (!out.isBlank()) {
            Files.writeString(
                    Path.of(out), line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // The embedded broker's threads would keep the JVM alive; the status tells a failed run from a good one.
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        boolean email = args.length > 2 && Boolean.parseBoolean(args[2]);
        boolean scheduler = args.length <= 3 || Boolean.parseBoolean(args[3]);
        int instances = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        System.setProperty("attune.test.infrastructure", "embedded");

        var database = "notification_bench_" + UUID.randomUUID().toString().substring(0, 8);
        try (var seeder =
                Fleet.start(database, "--attune.notifications.scheduler.enabled=false", "--logging.level.root=WARN")) {
            var store = seeder.getBean(NotificationStore.class);
            var preferences = seeder.getBean(PreferencesStore.class);
            Files.createDirectories(Path.of("target"));
            var jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
            for (var option : System.getProperty("bench.child-jvm-options", "").split("\\s+")) {
                if (!option.isBlank()) {
                    jvmOptions.add(option);
                }
            }
            var children = new ArrayList<Process>();
            try {
                for (int i = 1; i <= instances; i++) {
                    var log = Path.of("target", "benchmark-service-" + i + ".log");
                    Files.deleteIfExists(log);
                    children.add(Fleet.startProcess(
                            jvmOptions, database, log, "--attune.notifications.scheduler.enabled=" + scheduler));
                }
                for (int i = 0; i < children.size(); i++) {
                    waitForStartup(children.get(i), Path.of("target", "benchmark-service-" + (i + 1) + ".log"));
                }
                var now = Instant.now();
                var recipients = new ArrayList<String>();
                for (int i = 0; i < 100; i++) {
                    var recipient = UUID.randomUUID().toString();
                    recipients.add(recipient);
                    var p = Fleet.emailPreferences(recipient, "bench-" + recipient + "@example.org", now);
                    if (!email) {
                        p = new org.attune.notification.preferences.Preferences(
                                p.id(),
                                p.role(),
                                p.timeZone(),
                                null,
                                null,
                                "00:00",
                                "00:00",
                                java.util.Set.of(org.attune.events.Channel.IN_APP),
                                null,
                                java.util.List.of(),
                                p.language(),
                                now,
                                null,
                                null,
                                null);
                    }
                    preferences.save(p).block();
                }

                if (idleSeconds > 0) {
                    // Idle first, with nothing due.
                    long storeBefore = cpuTicks(ProcessHandle.current().pid());
                    long idleStart = System.nanoTime();
                    double idleCpu = cpuPercent(children, idleSeconds);
                    report(
                            "idle (empty store): service CPU %.2f%% of one core over %ds (%d instances); broker+store"
                                    + " JVM %.2f%%%n",
                            idleCpu,
                            idleSeconds,
                            instances,
                            percent(cpuTicks(ProcessHandle.current().pid()) - storeBefore, idleStart));
                }

                if (count == 0) {
                    return;
                }
                var notifications = Fleet.due(recipients, count, Instant.now());
                long cpuBefore = cpuTicks(children);
                long start = System.nanoTime();
                store.scheduleAll(notifications).block();
                long stored = System.nanoTime();
                var delivered = Query.query(Criteria.where("state").is(NotificationState.DELIVERED.name()));
                long deadline = stored
                        + Duration.ofMinutes(Long.getLong("bench.timeout-minutes", 15))
                                .toNanos();
                while (store.count(delivered).block() < count) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("not all delivered in time: "
                                + store.count(delivered).block() + " of " + count);
                    }
                    Thread.sleep(50);
                }
                long allDelivered = System.nanoTime();
                var unpublished = Query.query(Criteria.where("outbox.events.0").exists(true));
                while (store.count(unpublished).block() > 0) {
                    Thread.sleep(50);
                }
                long allPublished = System.nanoTime();
                if (email) {
                    var sent = Query.query(Criteria.where("emailState")
                            .is("SENT")
                            .and("outbox.events.0")
                            .exists(false));
                    while (store.count(sent).block() < count) {
                        Thread.sleep(50);
                    }
                }
                long done = System.nanoTime();
                long cpuAfter = cpuTicks(children);
                long once = store.count(Query.query(Criteria.where("state")
                                .is(NotificationState.DELIVERED.name())
                                .and("deliveries")
                                .is(1)))
                        .block();
                long twice = store.count(
                                Query.query(Criteria.where("deliveries").gt(1)))
                        .block();
                var owners = seeder.getBean(org.springframework.data.mongodb.core.ReactiveMongoTemplate.class)
                        .findDistinct(new Query(), "deliveredBy", NotificationStore.COLLECTION, String.class)
                        .collectList()
                        .block();
                report(
                        "%d due reminders, %d instances: stored in %d ms; all delivered %d ms after storing; all events"
                                + " published after %d ms%s; service CPU during dispatch %.1f s; delivered once %d,"
                                + " more than once %d, lost %d; instances that delivered %d%n",
                        count,
                        instances,
                        Duration.ofNanos(stored - start).toMillis(),
                        Duration.ofNanos(allDelivered - stored).toMillis(),
                        Duration.ofNanos(allPublished - stored).toMillis(),
                        email
                                ? String.format(
                                        "; all emails sent after %d ms",
                                        Duration.ofNanos(done - stored).toMillis())
                                : "",
                        (cpuAfter - cpuBefore) / 100.0,
                        once,
                        twice,
                        count - once - twice,
                        owners.size());

                if (idleSeconds > 0) {
                    long storeBefore = cpuTicks(ProcessHandle.current().pid());
                    long idleStart = System.nanoTime();
                    double idleFull = cpuPercent(children, idleSeconds);
                    report(
                            "idle (%d delivered notifications in the store): service CPU %.2f%% of one core over %ds;"
                                    + " broker+store JVM %.2f%%%n",
                            count,
                            idleFull,
                            idleSeconds,
                            percent(cpuTicks(ProcessHandle.current().pid()) - storeBefore, idleStart));
                }
            } finally {
                for (var child : children) {
                    child.destroy();
                }
                for (var child : children) {
                    child.waitFor();
                }
            }
        }
    }

    private static void waitForStartup(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IllegalStateException("service exited; see " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains("Started NotificationServiceApplication")) {
                Thread.sleep(5_000); // let partitions be assigned and the JIT settle
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("service did not start; see " + log);
    }

    private static double percent(long ticks, long sinceNanos) {
        return ticks / 100.0 / ((System.nanoTime() - sinceNanos) / 1e9) * 100.0;
    }

    private static long cpuTicks(List<Process> processes) throws Exception {
        long sum = 0;
        for (var process : processes) {
            sum += cpuTicks(process.pid());
        }
        return sum;
    }

    /** utime + stime of the process, in clock ticks (1/100 s on Linux). */
    private static long cpuTicks(long pid) throws Exception {
        var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static double cpuPercent(List<Process> processes, int seconds) throws Exception {
        long before = cpuTicks(processes);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long ticks = cpuTicks(processes) - before;
        double elapsed = (System.nanoTime() - start) / 1e9;
        return ticks / 100.0 / elapsed * 100.0;
    }
}

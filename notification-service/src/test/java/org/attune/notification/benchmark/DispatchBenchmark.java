package org.attune.notification.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.store.NotificationState;
import org.attune.notification.store.NotificationStore;
import org.attune.notification.support.Fleet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Not a test: measures (1) how long one instance takes to dispatch N due reminders (in-app delivery plus the
 * published NotificationDelivered events; optionally email) and (2) the service's CPU while idle.
 *
 * <p>The service runs as a child JVM (its CPU is read from /proc), against the embedded broker and mongo-java-server
 * in this JVM. Arguments: {@code [count=10000] [idleSeconds=60] [email=false] [scheduler=true]}; {@code 0 60 false
 * false} measures the idle service with its scheduler loop off, to tell the loop's share from Kafka consumers' and the
 * JVM's. See README.md for the command.
 */
public final class DispatchBenchmark {

    private static final Logger log = LoggerFactory.getLogger(DispatchBenchmark.class);

    /** One line of the report, through the logger like everything else (figures only, no health data). */
    private static void report(String format, Object... args) {
        log.info("{}", String.format(format, args).stripTrailing());
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            System.exit(0); // the embedded broker's threads would keep the JVM alive
        }
    }

    private static void run(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        boolean email = args.length > 2 && Boolean.parseBoolean(args[2]);
        boolean scheduler = args.length <= 3 || Boolean.parseBoolean(args[3]);
        System.setProperty("attune.test.infrastructure", "embedded");

        var database = "notification_bench_" + UUID.randomUUID().toString().substring(0, 8);
        try (var seeder =
                Fleet.start(database, "--attune.notifications.scheduler.enabled=false", "--logging.level.root=WARN")) {
            var store = seeder.getBean(NotificationStore.class);
            var preferences = seeder.getBean(PreferencesStore.class);
            Files.createDirectories(Path.of("target"));
            var child = Fleet.startProcess(database, Path.of("target", "benchmark-service.log"));
            try {
                waitForStartup(child);
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

                // Idle first, with nothing due.
                long storeBefore = cpuTicks(ProcessHandle.current().pid());
                long idleStart = System.nanoTime();
                double idleCpu = cpuPercent(child, idleSeconds);
                report(
                        "idle (empty store): service CPU %.2f%% of one core over %ds; broker+store JVM %.2f%%%n",
                        idleCpu,
                        idleSeconds,
                        percent(cpuTicks(ProcessHandle.current().pid()) - storeBefore, idleStart));

                if (count == 0) {
                    return;
                }
                var notifications = Fleet.due(recipients, count, Instant.now());
                long cpuBefore = cpuTicks(child);
                long start = System.nanoTime();
                store.scheduleAll(notifications).block();
                long stored = System.nanoTime();
                var delivered = Query.query(Criteria.where("state").is(NotificationState.DELIVERED.name()));
                while (store.count(delivered).block() < count) {
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
                long cpuAfter = cpuTicks(child);
                report(
                        "%d due reminders: stored in %d ms; all delivered %d ms after storing; all events published"
                                + " after %d ms%s; service CPU during dispatch %.1f s%n",
                        count,
                        Duration.ofNanos(stored - start).toMillis(),
                        Duration.ofNanos(allDelivered - stored).toMillis(),
                        Duration.ofNanos(allPublished - stored).toMillis(),
                        email
                                ? String.format(
                                        "; all emails sent after %d ms",
                                        Duration.ofNanos(done - stored).toMillis())
                                : "",
                        (cpuAfter - cpuBefore) / 100.0);

                storeBefore = cpuTicks(ProcessHandle.current().pid());
                idleStart = System.nanoTime();
                double idleFull = cpuPercent(child, idleSeconds);
                report(
                        "idle (%d delivered notifications in the store): service CPU %.2f%% of one core over %ds;"
                                + " broker+store JVM %.2f%%%n",
                        count,
                        idleFull,
                        idleSeconds,
                        percent(cpuTicks(ProcessHandle.current().pid()) - storeBefore, idleStart));
            } finally {
                child.destroy();
                child.waitFor();
            }
        }
    }

    private static void waitForStartup(Process child) throws Exception {
        var log = Path.of("target", "benchmark-service.log");
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

    private static long cpuTicks(Process process) throws Exception {
        return cpuTicks(process.pid());
    }

    /** utime + stime of the process, in clock ticks (1/100 s on Linux). */
    private static long cpuTicks(long pid) throws Exception {
        var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static double cpuPercent(Process process, int seconds) throws Exception {
        long before = cpuTicks(process);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long ticks = cpuTicks(process) - before;
        double elapsed = (System.nanoTime() - start) / 1e9;
        return ticks / 100.0 / elapsed * 100.0;
    }
}

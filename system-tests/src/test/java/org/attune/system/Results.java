package org.attune.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.attune.system.StackBenchmark.Timings;

/** The figures of one benchmark run, written as bench/results.md: ratios and goals first, absolute figures after. */
final class Results {

    private final boolean quick;
    private final List<String[]> goals = new ArrayList<>();
    private final List<String> absolute = new ArrayList<>();
    private final Map<String, String> notMeasured = new LinkedHashMap<>();
    private final String loadBefore;
    private String loadAtStart = "";
    private Timings brokerLatency;

    Results(boolean quick) {
        this.quick = quick;
        this.loadBefore = loadAverage();
    }

    void loadBefore(String machineFile) throws IOException {
        if (!machineFile.isBlank() && Files.isRegularFile(Path.of(machineFile))) {
            loadAtStart = Files.readString(Path.of(machineFile)).strip();
        }
    }

    void notMeasured(String goal, String why) {
        notMeasured.put(goal, why);
    }

    private void goal(String measure, String ratio, String figure, String goal, boolean met) {
        goals.add(new String[] {measure, ratio, figure, goal, met ? "**met**" : "not met"});
    }

    void startAndMemory(
            double startSeconds,
            double trainingSeconds,
            long servicesKiB,
            long launcherKiB,
            List<String> each,
            double emptySeconds,
            double emptyKiB) {
        double gib = servicesKiB / 1024.0 / 1024.0;
        goal(
                "P6 stack start to all healthy",
                f("%.0f × an empty JVM's start (%.2f s)", startSeconds / emptySeconds, emptySeconds),
                f("%.1f s", startSeconds),
                "≤ 15 s",
                startSeconds <= 15);
        goal(
                "P6 resident memory, idle (four services)",
                f("%.1f × an empty JVM's RSS each", servicesKiB / 4.0 / emptyKiB),
                f("%.2f GiB", gib),
                "≤ 1.2 GiB (with broker and store)",
                gib <= 1.2);
        absolute.add(f(
                "P6: stack started in %.1f s (broker, store, SMTP and four services from their AOT caches; the"
                        + " launcher runs inside the benchmark's JVM here), after %.1f s training the AOT caches (when"
                        + " a jar changed, 0 when current); services' RSS %s; the benchmark JVM (launcher: broker + store, plus"
                        + " the benchmark itself) %d MiB; an empty JVM with the services' flags: up in %.2f s, RSS %.0f MiB",
                startSeconds,
                trainingSeconds,
                String.join(", ", each),
                launcherKiB / 1024,
                emptySeconds,
                emptyKiB / 1024));
    }

    void ingest(Timings http, long errors, Timings insert, Timings modify, Timings produce) {
        goal(
                "P1 check-in ingest, 16 clients: HTTP rate ÷ raw insert rate",
                f("%.2f", http.rate() / insert.rate()),
                f("%.0f req/s ÷ %.0f ins/s", http.rate(), insert.rate()),
                "≥ 0.6",
                http.rate() / insert.rate() >= 0.6);
        goal(
                "P1 HTTP p99 ÷ raw insert p99",
                f("%.1f", http.p(0.99) / insert.p(0.99)),
                f("%.0f ms vs %.0f ms", http.p(0.99), insert.p(0.99)),
                "≤ 2",
                http.p(0.99) <= 2 * insert.p(0.99));
        absolute.add(f(
                "P1 (16 concurrent workers each): HTTP POST /api/v1/checkins %.0f req/s, p50 %.1f ms, p99 %.1f ms,"
                        + " %d non-201; raw insert %.0f ops/s, p50 %.1f, p99 %.1f ms; raw find-and-modify by id %.0f"
                        + " ops/s, p50 %.1f, p99 %.1f ms; raw produce (acks=all, idempotent) %.0f msg/s, p50 %.1f, p99"
                        + " %.1f ms; HTTP ÷ find-and-modify %.2f, HTTP ÷ produce %.2f",
                http.rate(),
                http.p(0.5),
                http.p(0.99),
                errors,
                insert.rate(),
                insert.p(0.5),
                insert.p(0.99),
                modify.rate(),
                modify.p(0.5),
                modify.p(0.99),
                produce.rate(),
                produce.p(0.5),
                produce.p(0.99),
                http.rate() / modify.rate(),
                http.rate() / produce.rate()));
    }

    void broker(Timings latency) {
        brokerLatency = latency;
        absolute.add(f(
                "Broker end to end (produce acks=all → a subscribed consumer, one at a time, %d messages): p50 %.1f ms,"
                        + " p95 %.1f ms, p99 %.1f ms",
                latency.sortedNanos().length, latency.p(0.5), latency.p(0.95), latency.p(0.99)));
    }

    void checkInToScreen(Timings t) {
        String ratio = brokerLatency == null ? "" : f("%.0f × broker p95", t.p(0.95) / brokerLatency.p(0.95));
        goal(
                "P2 check-in POST → therapist's open dashboard, p95",
                ratio,
                f("%.0f ms (p99 %.0f ms)", t.p(0.95), t.p(0.99)),
                "p95 ≤ 150 ms, p99 ≤ 300 ms",
                t.p(0.95) <= 150 && t.p(0.99) <= 300);
        absolute.add(f(
                "P2 (%d check-ins, one at a time, the dashboard open in headless Chromium): median %.0f ms, p95 %.0f ms,"
                        + " p99 %.0f ms, max %.0f ms",
                t.sortedNanos().length, t.p(0.5), t.p(0.95), t.p(0.99), t.p(1.0)));
    }

    void revoke(Timings t) {
        String ratio = brokerLatency == null ? "" : f("%.0f × broker p99", t.p(0.99) / brokerLatency.p(0.99));
        goal(
                "P3 revoke → every service refuses, while check-ins run, p99",
                ratio,
                f("%.0f ms at %.0f check-ins/s", t.p(0.99), t.rate()),
                "≤ 250 ms while 50 check-ins/s run",
                t.p(0.99) <= 250 && t.rate() >= 45);
        absolute.add(f(
                "P3 (%d revokes, each timed until all three services answer 403, polled every 10 ms; background"
                        + " check-ins %.0f/s): median %.0f ms, p99 (= max here) %.0f ms",
                t.sortedNanos().length, t.rate(), t.p(0.5), t.p(0.99)));
    }

    void heap(int sessions, long before, long after) {
        long perSession = (after - before) / sessions / 1024;
        goal(
                "P5 web-ui heap per signed-in session (therapist dashboard open)",
                "",
                f("%d KiB (%d sessions)%s", perSession, sessions, perSession < 0 ? "; the heap fell: noise" : ""),
                "≤ 300 KiB",
                // a few sessions are within the collector's noise (the heap can even fall): no verdict from them
                sessions >= 20 && perSession >= 0 && perSession <= 300);
        absolute.add(f(
                "P5: heap after full GC %d MiB → %d MiB with %d therapist sessions, each with a client's dashboard open",
                before / 1024 / 1024, after / 1024 / 1024, sessions));
    }

    void lighthouse(
            String page,
            double performance,
            double accessibility,
            double fcp,
            double lcp,
            double tbt,
            double bytes,
            String finalPath) {
        goal(
                "P7 Lighthouse mobile, " + page + ": performance (accessibility)",
                "",
                f("%.0f (%.0f)", performance, accessibility),
                "≥ 90 (100)",
                performance >= 90 && accessibility >= 100);
        absolute.add(f(
                "P7 %s (ended on %s): FCP %.1f s, LCP %.1f s, TBT %.0f ms, %.0f KiB transferred",
                page, finalPath, fcp / 1000, lcp / 1000, tbt, bytes / 1024));
    }

    private static final Pattern DISPATCH = Pattern.compile(
            "(\\d+) due reminders, (\\d+) instances: .*all delivered (\\d+) ms after storing; all events published"
                    + " after (\\d+) ms.*service CPU during dispatch ([\\d.]+) s; delivered once (\\d+), more than"
                    + " once (\\d+), lost (-?\\d+); instances that delivered (\\d+)");

    void dispatch(String file) throws IOException {
        if (file.isBlank() || !Files.isRegularFile(Path.of(file))) {
            throw new IllegalStateException("no dispatch figures (notification-service's benchmark did not finish)");
        }
        for (var line : Files.readAllLines(Path.of(file))) {
            var m = DISPATCH.matcher(line);
            if (m.find()) {
                double seconds = Long.parseLong(m.group(3)) / 1000.0;
                long twice = Long.parseLong(m.group(7));
                long lost = Long.parseLong(m.group(8));
                goal(
                        f("P4 %s due reminders, %s notification-service instances", m.group(1), m.group(2)),
                        "",
                        f("%.1f s, %d duplicates, %d lost", seconds, twice, lost),
                        "≤ 10 s (10,000), 0 duplicates, 0 lost",
                        Long.parseLong(m.group(1)) >= 10_000 && seconds <= 10 && twice == 0 && lost == 0);
                absolute.add("P4: " + line.strip() + " (its own embedded broker and store, in the benchmark's JVM)");
                return;
            }
        }
        throw new IllegalStateException("no dispatch figure in " + file);
    }

    void write(Path results, Path profiles) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("# Benchmark results");
        lines.add("");
        lines.add(f(
                "`./bench.sh%s`, %s UTC. %d cores; load average (1, 5, 15 min) before the build: %s; when the stack"
                        + " benchmark began: %s; at the end: %s.",
                quick ? " --quick" : "",
                Instant.now()
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString()
                        .replace('T', ' ')
                        .replace("Z", ""),
                Runtime.getRuntime().availableProcessors(),
                loadAtStart.replace("load average before the run: ", ""),
                loadBefore,
                loadAverage()));
        lines.add("");
        lines.add("| measure | ratio to its anchor | figure | goal | |");
        lines.add("|---|---|---|---|---|");
        for (var g : goals) {
            lines.add("| " + String.join(" | ", g) + " |");
        }
        notMeasured.forEach(
                (goal, why) -> lines.add("| " + goal + " | | not measured: " + why.replace('|', '/') + " | | |"));
        lines.add("");
        lines.add("## Absolute figures (context)");
        lines.add("");
        absolute.forEach(a -> lines.add("- " + a));
        lines.add("");
        if (Files.isRegularFile(profiles)) {
            lines.addAll(Files.readAllLines(profiles));
        }
        Files.createDirectories(results.getParent());
        Files.write(results, lines);
    }

    static String loadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

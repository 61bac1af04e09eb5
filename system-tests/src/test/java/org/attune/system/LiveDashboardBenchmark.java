package org.attune.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.attune.infra.local.LocalStack;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not a test: figures for the notes, run by hand with {@code ./mvnw -B -pl system-tests verify -Pbench}.
 * (1) From a client's check-in POST to the change on the therapist's open dashboard, over 50 check-ins, through the
 * real path: checkin-service stores, its relay publishes, web-ui consumes, the view reloads and pushes.
 * (2) web-ui heap per signed-in session with an open therapist dashboard, from heap after full GC.
 */
class LiveDashboardBenchmark {

    private static final Logger log = LoggerFactory.getLogger(LiveDashboardBenchmark.class);
    private static final int CHECK_INS = 50;
    private static final int SESSIONS = 20;

    @Test
    void measure() throws Exception {
        LocalStack stack = SystemStack.get();
        var lines = new ArrayList<String>();
        try (var browsers = Browsers.launch()) {
            lines.add(checkInToScreen(stack, browsers));
            lines.add(heapPerSession(stack, browsers));
        }
        lines.forEach(line -> log.info("{}", line));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/live-benchmark.txt"), lines);
    }

    private static String checkInToScreen(LocalStack stack, Browsers browsers) throws InterruptedException {
        var client = Person.client(stack);
        var therapist = Person.therapist(stack);
        grantAll(stack, client, therapist);
        var page = browsers.desktop();
        Screens.signIn(page, stack, therapist.email, therapist.password);
        Screens.open(page, stack, "/clients/" + client.id);
        var lastCheckIn = page.locator("#last-checkin");
        lastCheckIn.waitFor();
        // Each check-in a minute later than the one before (backdated from an hour ago), so the "last check-in"
        // line, shown to the minute, changes every time.
        var first = Instant.now().minus(Duration.ofMinutes(CHECK_INS + 5)).truncatedTo(ChronoUnit.MINUTES);
        var latencies = new ArrayList<Long>();
        for (int i = 0; i < CHECK_INS; i++) {
            var before = lastCheckIn.textContent();
            var body = Map.<String, Object>of(
                    "mood",
                    5 + i % 3,
                    "window",
                    "WITHIN",
                    "energy",
                    5,
                    "emotions",
                    List.of("calm"),
                    "tags",
                    List.of(),
                    "recordedAt",
                    first.plus(Duration.ofMinutes(i)).toString());
            long start = System.nanoTime();
            var response = Api.post(stack.checkinUrl(), "/api/v1/checkins", client.token(), body);
            if (response.status() != 201) {
                throw new IllegalStateException("check-in refused: " + response.status());
            }
            assertThat(lastCheckIn).not().hasText(before, new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            latencies.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(latencies);
        return "check-in POST to therapist screen, n=" + latencies.size() + ": median "
                + latencies.get(latencies.size() / 2) + " ms, p95 "
                + latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1) + " ms, max " + latencies.getLast()
                + " ms";
    }

    private static String heapPerSession(LocalStack stack, Browsers browsers) throws Exception {
        long pid = stack.pidOf("web-ui");
        var therapist = Person.therapist(stack);
        var client = Person.client(stack);
        grantAll(stack, client, therapist);
        long before = Heap.usedBytesAfterGc(pid);
        var pages = new ArrayList<Page>();
        for (int i = 0; i < SESSIONS; i++) {
            var page = browsers.desktop();
            Screens.signIn(page, stack, therapist.email, therapist.password);
            Screens.open(page, stack, "/clients/" + client.id);
            page.locator("#last-checkin").waitFor();
            pages.add(page);
        }
        long after = Heap.usedBytesAfterGc(pid);
        pages.forEach(page -> page.context().close());
        return "web-ui heap per signed-in session (therapist dashboard open), " + SESSIONS + " sessions: "
                + (after - before) / SESSIONS / 1024 + " KiB (heap after full GC " + before / 1024 / 1024 + " MiB -> "
                + after / 1024 / 1024 + " MiB)";
    }

    private static void grantAll(LocalStack stack, Person client, Person therapist) throws InterruptedException {
        var grant = Api.post(
                stack.webUiUrl(),
                "/api/consents",
                client.token(),
                Map.of("therapistEmail", therapist.email, "dataClasses", ClientAndTherapistScreensIT.ALL_CLASSES));
        if (grant.status() != 201) {
            throw new IllegalStateException("grant refused: " + grant.status());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline
                && Api.get(stack.checkinUrl(), "/api/v1/clients/" + client.id + "/summary", therapist.token())
                                .status()
                        != 200) {
            Thread.sleep(50);
        }
    }
}

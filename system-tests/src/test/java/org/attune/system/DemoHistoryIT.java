package org.attune.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import org.attune.infra.local.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Demo mode gives the demo client six weeks of history, posted through the services' public APIs. */
class DemoHistoryIT {

    static final String CLIENT_EMAIL = "demo-client@attune.example";
    static final String THERAPIST_EMAIL = "demo-therapist@attune.example";
    static final String PASSWORD = "quiet harbour lantern morning";
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
    }

    @Test
    void theDemoClientHasSixWeeksOfCheckInsQuestionnairesAndSessionFeedback() throws Exception {
        var client = Person.signIn(stack, CLIENT_EMAIL, PASSWORD, "CLIENT");
        var today = LocalDate.now(ZoneOffset.UTC);
        var range = "?from=" + today.minusDays(60) + "&to=" + today;

        // Keeps the last page seen, which the assertions below look at.
        var recordedAt = new ArrayList<Instant>();
        await().atMost(PATIENCE)
                .pollDelay(Duration.ofSeconds(1))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    var page = Api.get(stack.checkinUrl(), "/api/v1/checkins" + range + "&size=100", client.token());
                    assertThat(page.status()).isEqualTo(200);
                    recordedAt.clear();
                    page.json()
                            .get("items")
                            .forEach(item -> recordedAt.add(
                                    Instant.parse(item.get("recordedAt").asString())));
                    assertThat(recordedAt).as("demo check-ins").hasSizeGreaterThanOrEqualTo(22);
                });
        var oldest = recordedAt.stream().min(Instant::compareTo).orElseThrow();
        assertThat(oldest).isBefore(Instant.now().minus(35, ChronoUnit.DAYS));

        var progress = Api.get(stack.checkinUrl(), "/api/v1/progress" + range, client.token());
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body()).contains("PHQ-9").contains("GAD-7");

        var therapist = Person.signIn(stack, THERAPIST_EMAIL, PASSWORD, "THERAPIST");
        var shared =
                Api.get(stack.checkinUrl(), "/api/v1/clients/" + client.id + "/progress" + range, therapist.token());
        assertThat(shared.status())
                .as("the demo therapist sees the shared progress")
                .isEqualTo(200);
        assertThat(shared.body()).contains("PHQ-9");
    }
}

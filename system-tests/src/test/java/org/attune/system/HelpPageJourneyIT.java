package org.attune.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.attune.infra.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Crisis lines & help" on the whole stack, in headless Chromium: opening the page alerts nobody; each press of "Let
 * my therapist know" is its own flag on the therapist's dashboard; an acknowledgement there is what the client's help
 * page reports back. The client's safety plan travels with it: on their help page and, read-only, on the dashboard.
 */
class HelpPageJourneyIT {

    private static final LocatorAssertions.IsVisibleOptions PATIENTLY =
            new LocatorAssertions.IsVisibleOptions().setTimeout(Browsers.TIMEOUT_MS);
    private static final LocatorAssertions.ContainsTextOptions PATIENT_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(Browsers.TIMEOUT_MS);

    private static LocalStack stack;
    private static Browsers browsers;

    @BeforeAll
    static void start() {
        stack = SystemStack.get();
        browsers = Browsers.launch();
    }

    @AfterAll
    static void stop() {
        browsers.close();
    }

    @Test
    void openingHelpAlertsNobodyEachPressIsAFlagAndTheClientSeesWhatTheTherapistHasSeen() {
        var client = Person.client(stack);
        var therapist = Person.therapist(stack);
        shareSafetyAlerts(client, therapist);
        var plan = Api.put(
                stack.checkinUrl(),
                "/api/v1/safety-plan",
                client.token(),
                Map.of("sections", Map.of("peopleToAsk", List.of("Sam, my neighbour"))));
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);

        var clientPage = browsers.phone();
        Screens.signIn(clientPage, stack, client.email, client.password);
        Screens.open(clientPage, stack, "/today");
        clientPage.locator("#help-now").click();
        clientPage.waitForURL(url -> url.endsWith("/help"));
        assertThat(clientPage.locator("#crisis-lines")).containsText("116 123");
        assertThat(clientPage.locator("#help-safety-plan")).containsText("Sam, my neighbour", PATIENT_TEXT);
        assertThat(clientPage.locator("#help-tell-therapist")).isVisible(PATIENTLY);
        assertThat(clientPage.locator("#help-tell")).containsText("not an emergency service");
        Browsers.screenshot(clientPage, "help-page-before-telling");

        // Nothing anywhere: not in checkin-service's store, not for the therapist, not in their inbox.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> flagsStored(client) == 0);
        assertThat(flagsForTherapist(client, therapist)).isZero();
        assertThat(safetyAlertsInInbox(therapist)).isZero();

        clientPage.locator("#help-tell-therapist").click();
        assertThat(clientPage.locator("#help-alert-status"))
                .containsText("Your therapist has been sent a safety alert", PATIENT_TEXT);
        assertThat(clientPage.locator("#help-tell-therapist")).isEnabled();
        clientPage.locator("#help-tell-therapist").click();
        await().atMost(Duration.ofSeconds(30)).until(() -> flagsForTherapist(client, therapist) == 2);
        assertThat(flagsStored(client)).isEqualTo(2);

        var therapistPage = browsers.desktop();
        Screens.signIn(therapistPage, stack, therapist.email, therapist.password);
        Screens.open(therapistPage, stack, "/clients/" + client.id);
        var flags = therapistPage.locator("#safety-flags li");
        assertThat(flags.first()).isVisible(PATIENTLY);
        assertThat(flags).hasCount(2);
        assertThat(therapistPage.locator("#dashboard-safety-plan")).containsText("Sam, my neighbour");
        Browsers.screenshot(therapistPage, "therapist-dashboard-two-help-now-flags");
        therapistPage.locator("#safety-flags vaadin-button[id^='ack-']").first().click();
        assertThat(therapistPage.locator("#dashboard-status")).containsText("Acknowledged", PATIENT_TEXT);

        clientPage.reload();
        assertThat(clientPage.locator("#help-alert-seen"))
                .containsText("Your therapist has seen 1 of your 2 safety alerts", PATIENT_TEXT);
        Browsers.screenshot(clientPage, "help-page-one-of-two-seen");
        assertThat(flagsStored(client))
                .as("reading the page raised nothing more")
                .isEqualTo(2);
    }

    private static void shareSafetyAlerts(Person client, Person therapist) {
        var grant = Api.post(
                stack.webUiUrl(),
                "/api/consents",
                client.token(),
                Map.of("therapistEmail", therapist.email, "dataClasses", List.of("SAFETY_ALERTS")));
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
        // The services learn of the grant through Kafka; wait until checkin-service has.
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Api.get(stack.checkinUrl(), "/api/v1/clients/" + client.id + "/safety-flags", therapist.token())
                                        .status()
                                == 200);
    }

    private static long flagsStored(Person client) {
        try (var stores = new Stores(stack)) {
            return stores.documentsMentioning("attune_checkin", client.id, client.email).stream()
                    .filter(found -> found.startsWith("attune_checkin.safety_flags "))
                    .count();
        }
    }

    private static int flagsForTherapist(Person client, Person therapist) {
        var answer = Api.get(stack.checkinUrl(), "/api/v1/clients/" + client.id + "/safety-flags", therapist.token());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().size();
    }

    private static long safetyAlertsInInbox(Person therapist) {
        var inbox = Api.get(stack.notificationUrl(), "/api/v1/inbox", therapist.token());
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        var count = 0L;
        for (var item : inbox.json().path("items")) {
            if ("safety-alert".equals(item.path("kind").asString(""))) {
                count++;
            }
        }
        return count;
    }
}

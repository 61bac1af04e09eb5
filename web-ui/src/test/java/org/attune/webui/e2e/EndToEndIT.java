package org.attune.webui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.List;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.TestMail;
import org.attune.webui.account.Accounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole journey in headless Debian Chromium: a client and a therapist register, the client shares, the
 * therapist sees the client, the client stops sharing, and the client disappears from the therapist's open page.
 */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data"})
class EndToEndIT {

    private static final double TIMEOUT_MS = 30_000;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    Playwright playwright;
    Browser browser;

    @BeforeEach
    void launch() {
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page newPerson() {
        var page = browser.newContext().newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        return page;
    }

    private void register(Page page, String name, String email, String role) {
        page.navigate(url("/register"));
        page.getByLabel("What should we call you?").fill(name);
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.locator("vaadin-password-field input").fill(TestHttp.STRONG_PASSWORD);
        page.getByText(role).click();
        if (role.equals("A therapist")) {
            page.getByLabel("Registering body").fill("Health and Care Professions Council");
            page.getByLabel("Registration number").fill("PYL0001");
            page.getByLabel("Country of registration").fill("United Kingdom");
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("United Kingdom"))
                    .click();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        assertThat(page.getByText("We have sent a mail to"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(TIMEOUT_MS));
        page.navigate(url(TestMail.verificationPath(email.toLowerCase())));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my email address"))
                .click();
        assertThat(page.getByText("Your email address is confirmed"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(TIMEOUT_MS));
    }

    private void signIn(Page page, String email) {
        page.navigate(url("/login"));
        page.locator("input[name='username']").fill(email);
        page.locator("input[name='password']").fill(TestHttp.STRONG_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(u -> !u.contains("/login"), new Page.WaitForURLOptions().setTimeout(TIMEOUT_MS));
        // Everyone lands on their own start page: a client on Today, a therapist on their clients.
        page.waitForURL(
                u -> u.endsWith("/today") || u.endsWith("/clients"),
                new Page.WaitForURLOptions().setTimeout(TIMEOUT_MS));
    }

    @Test
    void aClientSharesTheTherapistSeesThemAndAfterRevokingTheyDisappear() throws Exception {
        var clientEmail = TestHttp.email("uma");
        var therapistEmail = TestHttp.email("vic");
        var client = newPerson();
        var therapist = newPerson();
        register(client, "Uma", clientEmail, "Someone in therapy");
        register(therapist, "Dr. Vic", therapistEmail, "A therapist");
        new TestHttp(port)
                .verifyTherapist(accounts.byEmail(therapistEmail).orElseThrow().id());

        signIn(client, clientEmail);
        client.navigate(url("/sharing"));
        client.getByLabel("Your therapist's email").fill(therapistEmail);
        client.getByText("Mood check-ins").first().click();
        client.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Share").setExact(true))
                .click();
        var stop = client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop sharing"));
        assertThat(stop).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(TIMEOUT_MS));

        signIn(therapist, therapistEmail);
        therapist.navigate(url("/clients"));
        var row = therapist.locator(".attune-client", new Page.LocatorOptions().setHasText("Uma"));
        assertThat(row).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(TIMEOUT_MS));

        long revoked = System.nanoTime();
        stop.click();
        assertThat(client.getByText("You are not sharing anything"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(TIMEOUT_MS));

        // The therapist's open page empties without a reload.
        assertThat(row).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(TIMEOUT_MS));
        // A figure for the notes, not an assertion: click on "Stop sharing" until the therapist's page lost the row.
        java.nio.file.Files.writeString(
                java.nio.file.Path.of("target/revoke-to-therapist-page-ms.txt"),
                String.valueOf((System.nanoTime() - revoked) / 1_000_000));
        assertThat(therapist.getByText("No client is sharing with you"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(TIMEOUT_MS));
    }
}

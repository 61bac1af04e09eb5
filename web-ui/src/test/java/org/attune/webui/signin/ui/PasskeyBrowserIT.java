package org.attune.webui.signin.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Paths;
import java.util.List;
import org.attune.testsupport.AttuneInfrastructureInitializer;
import org.attune.webui.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A passkey made and used in headless Chromium with its virtual authenticator, against Spring Security's WebAuthn
 * endpoints and the MongoDB store. The relying party is the public URL's host, so web-ui runs on a port chosen here
 * and the browser opens {@code localhost} on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = AttuneInfrastructureInitializer.class)
class PasskeyBrowserIT {

    private static final int PORT = freePort();

    @DynamicPropertySource
    static void onAPortOfItsOwn(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("attune.public-url", () -> "http://localhost:" + PORT);
        registry.add("attune.data-dir", () -> "target/it-data");
    }

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
                        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu")));
    }

    @AfterEach
    void close() {
        browser.close();
        playwright.close();
    }

    @Test
    void aPasskeyMadeWithTheVirtualAuthenticatorSignsItsOwnerInWithoutAPassword() {
        var email = TestHttp.email("pat");
        new TestHttp(PORT).register(email, "Pat", "CLIENT");
        var page = browser.newContext().newPage();
        page.setDefaultTimeout(30_000);
        var cdp = page.context().newCDPSession(page);
        cdp.send("WebAuthn.enable");
        var options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        var authenticator = new JsonObject();
        authenticator.add("options", options);
        cdp.send("WebAuthn.addVirtualAuthenticator", authenticator);

        page.navigate("http://localhost:" + PORT + "/login");
        page.locator("input[name='username']").fill(email);
        page.locator("input[name='password']").fill(TestHttp.STRONG_PASSWORD);
        page.locator("vaadin-login-form vaadin-button").first().click();
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate("http://localhost:" + PORT + "/sign-in-security");
        page.locator("#passkey-add").click();
        assertThat(page.locator("#passkey-add-outcome"))
                .hasText("Your passkey is saved. You can sign in with it from now on.");

        page.context().clearCookies();
        page.navigate("http://localhost:" + PORT + "/passkey-sign-in");
        page.locator("#passkey-sign-in").click();
        page.waitForURL(url -> !url.contains("passkey-sign-in"));
        page.navigate("http://localhost:" + PORT + "/sign-in-security");
        assertThat(page.locator("#passkey-list")).containsText("This device");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.attune.system;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Debian's headless Chromium (never a downloaded browser), pages at desktop and phone width, screenshots, axe. */
final class Browsers implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final double TIMEOUT_MS = 30_000;

    private final Playwright playwright;
    private final Browser browser;

    private Browsers() {
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    static Browsers launch() {
        return new Browsers();
    }

    Page desktop() {
        return page(1280, 860);
    }

    /** The narrowest phone the product promises to work on. */
    Page phone() {
        return page(360, 740);
    }

    private Page page(int width, int height) {
        var context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("en-GB")
                .setTimezoneId("Europe/London"));
        var page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        return page;
    }

    /** A full-page picture under {@code target/screenshots}, kept as a build artifact. */
    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int width = page.viewportSize().width;
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + "-" + width + "px.png"))
                .setFullPage(true));
    }

    /** axe-core's serious and critical findings on the page as it is now, one line each. */
    static List<String> seriousAccessibilityViolations(Page page) {
        var results = new AxeBuilder(page).analyze();
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .limit(3)
                                .toList())
                .toList();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

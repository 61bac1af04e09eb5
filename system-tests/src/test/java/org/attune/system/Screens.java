package org.attune.system;

import com.microsoft.playwright.Page;
import org.attune.infra.local.LocalStack;

/** Signing in through web-ui's own login page, as a person would. */
final class Screens {

    private Screens() {}

    static void signIn(Page page, LocalStack stack, String email, String password) {
        page.navigate(stack.webUiUrl().resolve("/login").toString());
        page.locator("input[name='username']").fill(email);
        page.locator("input[name='password']").fill(password);
        // Enter submits the form; the form also has a "Forgot password" button.
        page.locator("input[name='password']").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
    }

    static void open(Page page, LocalStack stack, String path) {
        page.navigate(stack.webUiUrl().resolve(path).toString());
    }
}

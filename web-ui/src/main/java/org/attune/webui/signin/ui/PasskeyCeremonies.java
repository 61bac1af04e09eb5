package org.attune.webui.signin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Runs a passkey ceremony in the browser (no frontend bundle needed): the script asks Spring Security's endpoints
 * for options, lets the browser talk to the authenticator and posts the answer back. The outcome comes back as
 * "ok", "cancelled" (the person or the browser said no), "refused" (the server did not accept it) or "failed".
 */
final class PasskeyCeremonies {

    private static final String SCRIPT = load();

    private PasskeyCeremonies() {}

    static void register(Component where, String label, SerializableConsumer<String> outcome) {
        run(where, "return attuneRegisterPasskey($2);", label, outcome);
    }

    /** On success the browser goes on to the page Spring Security names (a full load, with the new session). */
    static void signIn(Component where, SerializableConsumer<String> outcome) {
        run(where, "return attuneSignInWithPasskey();", "", outcome);
    }

    private static void run(Component where, String call, String label, SerializableConsumer<String> outcome) {
        var csrf = CsrfFields.token();
        where.getElement()
                .executeJs(
                        SCRIPT + "\n" + call,
                        csrf == null ? "" : csrf.getHeaderName(),
                        csrf == null ? "" : csrf.getToken(),
                        label)
                .then(String.class, outcome, error -> outcome.accept("failed"));
    }

    private static String load() {
        try (var in = PasskeyCeremonies.class.getResourceAsStream("passkeys.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.attune.webui.ui;

import static org.awaitility.Awaitility.await;

import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * For browserless tests of views that load off the request thread: their round trips do not run {@code UI.access}
 * tasks queued from other threads, so this runs them as the server would until what the test waits for is shown.
 */
public final class BackgroundAnswers {

    private BackgroundAnswers() {}

    /** @param roundTrip the test's {@code roundTrip()} */
    public static void awaitShown(Runnable roundTrip, BooleanSupplier shown) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .pollInSameThread()
                .until(() -> {
                    var session = VaadinSession.getCurrent();
                    session.getService().runPendingAccessTasks(session);
                    roundTrip.run();
                    return shown.getAsBoolean();
                });
    }
}

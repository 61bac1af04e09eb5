package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import org.attune.webui.live.LiveUpdates;
import org.attune.webui.security.Caller;

/**
 * A therapist page that follows live signals: it subscribes while attached, applies changes through
 * {@link UI#access} (server push, {@code @Push} on the app shell), and keeps a slow poll as a safety net in case a
 * signal is ever lost.
 */
abstract class LiveView extends Main {

    static final int SAFETY_NET_POLL_MILLIS = 30_000;
    private static final String LIVE_PAGES = "attune-live-pages";

    protected final LiveUpdates live;
    protected final Caller caller;
    private LiveUpdates.Subscription subscription;
    private Registration polling;
    private volatile UI attachedUi;

    LiveView(LiveUpdates live) {
        this.live = live;
        this.caller = Caller.current().orElseThrow();
    }

    /** Called on a background thread (or the caller's, in tests) for every signal this therapist may hear. */
    protected abstract void onSignal(LiveUpdates.Signal signal);

    /** Called in the UI on the safety-net poll. */
    protected abstract void onPoll();

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        attachedUi = ui;
        Consumer<LiveUpdates.Signal> listener = this::onSignal;
        subscription = live.subscribe(caller.id(), listener);
        // Counted per UI: during navigation the next live page may attach before this one detaches.
        ComponentUtil.setData(ui, LIVE_PAGES, livePages(ui) + 1);
        ui.setPollInterval(SAFETY_NET_POLL_MILLIS);
        polling = ui.addPollListener(poll -> onPoll());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        var ui = event.getUI();
        int left = Math.max(0, livePages(ui) - 1);
        ComponentUtil.setData(ui, LIVE_PAGES, left);
        if (left == 0) {
            // No poll on other pages, so an idle session still times out.
            ui.setPollInterval(-1);
        }
        attachedUi = null;
    }

    /** Runs the command in this view's UI: at once when this thread already holds the session, else via push. */
    protected void inUi(Command command) {
        var ui = attachedUi;
        if (ui == null) {
            return;
        }
        try {
            if (ui.getSession() != null && ui.getSession().hasLock()) {
                command.execute();
            } else {
                ui.access(command);
            }
        } catch (UIDetachedException closed) {
            // The page was closed meanwhile; nothing to update.
        }
    }

    private static int livePages(UI ui) {
        var count = ComponentUtil.getData(ui, LIVE_PAGES);
        return count instanceof Integer n ? n : 0;
    }

    boolean isSubscribed() {
        return subscription != null;
    }
}

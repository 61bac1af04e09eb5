package org.attune.webui.live;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.webui.consent.GrantChanged;
import org.attune.webui.consent.GrantStatus;
import org.attune.webui.consent.Grants;
import org.attune.webui.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In-memory broadcaster: open therapist views subscribe by therapist, and hear that something changed for a client
 * only while they hold an active grant that covers it. A signal carries no health data, only which client and what
 * kind of change, so the view re-reads through the services (which check consent again).
 */
@Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    public enum Kind {
        CHECK_IN,
        QUESTIONNAIRE,
        SESSION_FEEDBACK,
        SAFETY_FLAG,
        SHARING_STARTED,
        SHARING_ENDED
    }

    /** Something changed for this client. */
    public record Signal(UUID clientId, Kind kind) {}

    /** Ends a subscription; calling it twice is harmless. */
    public interface Subscription {
        void cancel();
    }

    private record Subscriber(UUID therapistId, Consumer<Signal> listener) {}

    private final Map<UUID, Set<Subscriber>> byTherapist = new ConcurrentHashMap<>();
    private final Grants grants;
    private final Clock clock;
    private final Executor delivery;

    LiveUpdates(
            Grants grants,
            Clock clock,
            @Value("${attune.live.deliver-on-caller-thread:false}") boolean onCallerThread) {
        this.grants = grants;
        this.clock = clock;
        // Each delivery on its own virtual thread, so a slow view never holds up the Kafka listener or other views.
        this.delivery = onCallerThread ? Runnable::run : Executors.newVirtualThreadPerTaskExecutor();
    }

    public Subscription subscribe(UUID therapistId, Consumer<Signal> listener) {
        var subscriber = new Subscriber(therapistId, listener);
        byTherapist
                .computeIfAbsent(therapistId, id -> new CopyOnWriteArraySet<>())
                .add(subscriber);
        return () -> byTherapist.computeIfPresent(therapistId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** How many views are listening now (for tests and metrics). */
    public int subscribers() {
        return byTherapist.values().stream().mapToInt(Set::size).sum();
    }

    /** A client's data of this class changed: tells the open views of therapists who may see that class now. */
    public void clientChanged(UUID clientId, Kind kind, DataClass dataClass) {
        if (byTherapist.isEmpty()) {
            return;
        }
        var now = clock.instant();
        var allowed = grants.list(new Caller(clientId, Role.CLIENT)).stream()
                .filter(g -> g.status() == GrantStatus.ACTIVE)
                .filter(g -> g.endsAt() == null || g.endsAt().isAfter(now))
                .filter(g -> g.dataClasses().contains(dataClass))
                .map(g -> UUID.fromString(g.therapistId()))
                .collect(Collectors.toSet());
        var signal = new Signal(clientId, kind);
        allowed.forEach(therapistId -> deliver(therapistId, signal));
    }

    /** A grant started or ended: the therapist's open views follow at once. */
    @EventListener
    void on(GrantChanged change) {
        sharingChanged(change.clientId(), change.therapistId(), change.active());
    }

    /** A grant between this client and therapist started or ended; views re-check the grant themselves. */
    public void sharingChanged(UUID clientId, UUID therapistId, boolean active) {
        deliver(therapistId, new Signal(clientId, active ? Kind.SHARING_STARTED : Kind.SHARING_ENDED));
    }

    private void deliver(UUID therapistId, Signal signal) {
        var subscribers = byTherapist.getOrDefault(therapistId, Set.of());
        for (var subscriber : List.copyOf(subscribers)) {
            delivery.execute(() -> {
                try {
                    subscriber.listener().accept(signal);
                } catch (RuntimeException e) {
                    // A closed or failing view must not stop the others; no content is logged.
                    log.debug(
                            "A live view could not take a {} signal: {}",
                            signal.kind(),
                            e.getClass().getSimpleName());
                }
            });
        }
    }
}

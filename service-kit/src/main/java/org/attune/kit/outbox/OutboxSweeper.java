package org.attune.kit.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay's sweep on its own thread while the application runs; stops before the context closes. After a
 * sweep that published something (a backlog after a crash or a broker outage) the next one follows at once, else after
 * the sweep interval.
 */
public final class OutboxSweeper implements SmartLifecycle {

    private static final long BACKLOG_PAUSE_MILLIS = 50;

    private final OutboxRelay relay;
    private final OutboxProperties properties;
    private ScheduledExecutorService executor;

    public OutboxSweeper(OutboxRelay relay, OutboxProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("outbox-sweep").daemon(true).factory());
        var own = executor;
        own.schedule(() -> sweepAndReschedule(own), properties.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepAndReschedule(ScheduledExecutorService own) {
        long published = relay.sweep();
        synchronized (this) {
            // not after a stop, nor onto the executor of a later start
            if (executor == own && !own.isShutdown()) {
                long delay = published > 0
                        ? BACKLOG_PAUSE_MILLIS
                        : properties.sweepInterval().toMillis();
                own.schedule(() -> sweepAndReschedule(own), delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}

package org.attune.kit.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/** Runs the relay's sweep on its own thread while the application runs; stops before the context closes. */
public final class OutboxSweeper implements SmartLifecycle {

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
        long interval = properties.sweepInterval().toMillis();
        executor.scheduleWithFixedDelay(relay::sweep, interval, interval, TimeUnit.MILLISECONDS);
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

package org.attune.notification.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.attune.notification.alerting.Escalations;
import org.attune.notification.alerting.SafetyAlerts;
import org.attune.notification.config.SchedulerProperties;
import org.attune.notification.preferences.ReminderPlanner;
import org.attune.notification.sessions.SessionPlanner;
import org.attune.notification.store.DueNotifications;
import org.attune.notification.store.EmailQueue;
import org.attune.notification.store.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The dispatch loop of one instance: plan what became due for planning, escalate unacknowledged safety alerts, deliver
 * due notifications, send emails; repeat at once while there was work, else pause for {@code poll-interval}. Each
 * instance has its own owner id for leases, so several instances share the work and none repeats another's. The events a pass stores are published by the kit
 * relay: at once by the writer, and by its sweep after a crash.
 */
@Component
public class SchedulerLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchedulerLoop.class);

    private final SchedulerProperties properties;
    private final Dispatcher dispatcher;
    private final EmailChannel email;
    private final ReminderPlanner reminders;
    private final SessionPlanner sessions;
    private final Escalations escalations;
    private final SafetyAlerts safetyAlerts;
    private final NotificationStore store;
    private final DueNotifications due;
    private final EmailQueue emails;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String owner = "instance-" + UUID.randomUUID();
    private volatile ExecutorService workers;
    private final java.util.concurrent.Semaphore wakeups = new java.util.concurrent.Semaphore(0);
    private volatile Thread thread;
    private volatile boolean running;

    SchedulerLoop(
            SchedulerProperties properties,
            Dispatcher dispatcher,
            EmailChannel email,
            ReminderPlanner reminders,
            SessionPlanner sessions,
            Escalations escalations,
            SafetyAlerts safetyAlerts,
            NotificationStore store,
            DueNotifications due,
            EmailQueue emails,
            ReactiveMongoTemplate mongo,
            Clock clock) {
        this.properties = properties;
        this.dispatcher = dispatcher;
        this.email = email;
        this.reminders = reminders;
        this.sessions = sessions;
        this.escalations = escalations;
        this.safetyAlerts = safetyAlerts;
        this.store = store;
        this.due = due;
        this.emails = emails;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Ends the current pause at once: something urgent was just stored. */
    public void wake() {
        wakeups.release();
    }

    public String owner() {
        return owner;
    }

    @Override
    public void start() {
        store.ensureIndexes().onErrorComplete().block();
        safetyAlerts.ensureIndexes().onErrorComplete().block();
        Outboxes.adoptLegacy(mongo, clock.instant())
                .doOnError(e -> log.warn(
                        "Could not convert older outboxes ({}); trying again on the next start",
                        e.getClass().getSimpleName()))
                .onErrorComplete()
                .block();
        if (!properties.enabled()) {
            return;
        }
        // start() may follow stop() (Spring pauses and restarts cached test contexts): every start gets a fresh pool.
        workers = Executors.newVirtualThreadPerTaskExecutor();
        running = true;
        thread = Thread.ofPlatform().name("notification-scheduler").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        var t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var pool = workers;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            int work = 0;
            try {
                work = runOnce();
            } catch (RuntimeException e) {
                log.warn(
                        "Scheduler pass failed ({}); trying again", e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                return;
            }
            if (work == 0) {
                try {
                    if (wakeups.tryAcquire(properties.pollInterval().toNanos(), TimeUnit.NANOSECONDS)) {
                        wakeups.drainPermits();
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One pass; emits how much work it found. Public for tests and benchmarks that drive passes themselves. */
    public int runOnce() throws InterruptedException {
        if (workers == null) {
            workers = Executors.newVirtualThreadPerTaskExecutor();
        }
        int work = 0;
        var now = clock.instant();
        work += reminders.planDue(now, properties.batchSize()).blockOptional().orElse(0);
        work += sessions.planDue(now, properties.batchSize()).blockOptional().orElse(0);
        // Escalations first, so one that falls due is delivered in this same pass.
        work += escalations
                .escalateDue(owner, now, properties.batchSize())
                .blockOptional()
                .orElse(0);
        int candidates = properties.batchSize() * properties.workers();
        var dueIds = due.candidates(now, candidates).collectList().block();
        work += parallel(dueIds, chunk -> dispatcher.dispatch(owner, chunk));
        var emailIds =
                emails.candidates(clock.instant(), candidates).collectList().block();
        work += parallel(emailIds, chunk -> email.send(owner, chunk));
        return work;
    }

    /** Splits the candidates over the workers; each claims its share one by one. */
    private int parallel(List<String> candidates, Function<List<String>, Integer> task) throws InterruptedException {
        if (candidates == null || candidates.isEmpty()) {
            return 0;
        }
        int workersNeeded = Math.min(properties.workers(), candidates.size());
        int chunk = (candidates.size() + workersNeeded - 1) / workersNeeded;
        var futures = new ArrayList<Future<Integer>>();
        for (int from = 0; from < candidates.size(); from += chunk) {
            var share = candidates.subList(from, Math.min(candidates.size(), from + chunk));
            futures.add(workers.submit(() -> task.apply(share)));
        }
        int sum = 0;
        for (var f : futures) {
            try {
                sum += f.get(10, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.warn("Scheduler worker failed ({})", e.getClass().getSimpleName());
            }
        }
        return sum;
    }
}

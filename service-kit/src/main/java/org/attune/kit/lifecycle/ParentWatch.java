package org.attune.kit.lifecycle;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends this service when the process that launched it is gone, so a killed launcher leaves no service behind holding
 * its port: first an orderly exit (shutdown hooks, Spring's graceful shutdown), then, if that has not finished within
 * {@code grace} (a broker or store that died with the launcher can make shutdown wait), a halt.
 */
public final class ParentWatch {

    private static final Logger log = LoggerFactory.getLogger(ParentWatch.class);

    private final Duration grace;
    private final Runnable exit;
    private final Runnable halt;
    private final AtomicBoolean ending = new AtomicBoolean();

    ParentWatch(Duration grace, Runnable exit, Runnable halt) {
        this.grace = grace;
        this.exit = exit;
        this.halt = halt;
    }

    /** Watches this process's parent, which must be {@code launcherPid}; ends at once if it is not (any more). */
    public static ParentWatch ofLauncher(long launcherPid, Duration grace) {
        var watch = new ParentWatch(
                grace, () -> System.exit(0), () -> Runtime.getRuntime().halt(1));
        watch.watch(launcherPid, ProcessHandle.current().parent());
        return watch;
    }

    /**
     * Starts watching. A parent that is absent or has another pid means the launcher died before this process
     * looked: its children were handed to another process.
     */
    void watch(long launcherPid, Optional<ProcessHandle> parent) {
        var launcher = parent.filter(handle -> handle.pid() == launcherPid && handle.isAlive());
        if (launcher.isEmpty()) {
            log.warn("The launcher (process {}) is gone; this service stops", launcherPid);
            end();
            return;
        }
        log.info("Stopping when the launcher (process {}) ends", launcherPid);
        launcher.get().onExit().thenRun(() -> {
            log.warn("The launcher (process {}) ended; this service stops", launcherPid);
            end();
        });
    }

    private void end() {
        if (!ending.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().name("parent-watch-halt").daemon().start(() -> {
            try {
                Thread.sleep(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.error("Orderly shutdown took longer than {}; halting", grace);
            halt.run();
        });
        // Not on the caller's thread: System.exit waits for shutdown hooks, which may wait for Spring's startup.
        Thread.ofPlatform().name("parent-watch-exit").start(exit);
    }

    Duration grace() {
        return grace;
    }

    boolean ending() {
        return ending.get();
    }
}

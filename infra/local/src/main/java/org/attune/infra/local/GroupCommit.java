package org.attune.infra.local;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes writes durable in batches: each writer waits until one run of {@code makeDurable} that started after its write
 * has finished. While one run is in progress, the writers arriving meanwhile gather for the next one, so under load a
 * single file sync covers many writes without adding a delay when the store is quiet.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Runnable makeDurable;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition requested = lock.newCondition();
    private final Condition handled = lock.newCondition();
    private final Thread committer;

    // Tickets: each waiting writer takes the next number; a run covers every ticket taken before it began.
    private long lastRequested;
    private long lastHandled;
    private long lastDurable;
    private long runs;
    private boolean closed;

    GroupCommit(Runnable makeDurable, String threadName) {
        this.makeDurable = makeDurable;
        this.committer = Thread.ofPlatform().name(threadName).daemon().start(this::commitWhileOpen);
    }

    /**
     * Returns once everything the calling thread wrote before is durable; throws if the run covering it failed (the
     * write may or may not have reached the file, so it must not be acknowledged).
     */
    void awaitDurable() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The store is closing; the write was not made durable");
            }
            long ticket = ++lastRequested;
            requested.signal();
            while (lastHandled < ticket) {
                handled.awaitUninterruptibly();
            }
            if (lastDurable < ticket) {
                throw new IllegalStateException("The store could not write to its file");
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many runs of {@code makeDurable} there were: fewer than writes when writes were grouped. */
    long runs() {
        lock.lock();
        try {
            return runs;
        } finally {
            lock.unlock();
        }
    }

    private void commitWhileOpen() {
        while (true) {
            long covered;
            lock.lock();
            try {
                while (lastRequested == lastHandled && !closed) {
                    requested.awaitUninterruptibly();
                }
                if (lastRequested == lastHandled) {
                    return;
                }
                covered = lastRequested;
            } finally {
                lock.unlock();
            }
            boolean durable = runOnce();
            lock.lock();
            try {
                runs++;
                lastHandled = covered;
                if (durable) {
                    lastDurable = covered;
                }
                handled.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean runOnce() {
        try {
            makeDurable.run();
            return true;
        } catch (RuntimeException e) {
            log.error("The store could not commit its writes to the file", e);
            return false;
        }
    }

    /** Makes the writes still waiting durable, then stops; later writers are refused. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            requested.signal();
        } finally {
            lock.unlock();
        }
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

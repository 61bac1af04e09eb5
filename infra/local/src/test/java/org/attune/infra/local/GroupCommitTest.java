package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void a_writer_returns_only_after_a_run_that_began_after_its_write() throws Exception {
        var written = new AtomicLong();
        var durableUpTo = new AtomicLong();
        Runnable makeDurable = () -> {
            long seen = written.get();
            LockSupport.parkNanos(2_000_000);
            durableUpTo.accumulateAndGet(seen, Math::max);
        };
        var violations = new ConcurrentLinkedQueue<String>();
        try (var commits = new GroupCommit(makeDurable, "test-commit");
                var writers = Executors.newFixedThreadPool(8)) {
            var done = new ArrayList<Future<?>>();
            for (int w = 0; w < 8; w++) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        long mine = written.incrementAndGet();
                        commits.awaitDurable();
                        if (durableUpTo.get() < mine) {
                            violations.add("write " + mine + " returned before it was durable");
                        }
                    }
                }));
            }
            for (var future : done) {
                future.get();
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void writers_waiting_together_share_one_run() throws Exception {
        int writers = 16;
        var barrier = new CyclicBarrier(writers);
        try (var commits = new GroupCommit(() -> LockSupport.parkNanos(20_000_000), "test-commit");
                var pool = Executors.newFixedThreadPool(writers)) {
            var done = new ArrayList<Future<?>>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    barrier.await();
                    commits.awaitDurable();
                    return null;
                }));
            }
            for (var future : done) {
                future.get();
            }
            // The first writer may start a run alone; everyone arriving during it shares the next one or two.
            assertThat(commits.runs()).isBetween(1L, 4L);
        }
    }

    @Test
    void a_write_whose_run_failed_is_refused_and_the_next_run_succeeds_again() {
        var failNext = new AtomicBoolean(true);
        try (var commits = new GroupCommit(
                () -> {
                    if (failNext.getAndSet(false)) {
                        throw new IllegalStateException("disk full");
                    }
                },
                "test-commit")) {
            assertThatThrownBy(commits::awaitDurable).isInstanceOf(IllegalStateException.class);
            commits.awaitDurable();
            assertThat(commits.runs()).isEqualTo(2);
        }
    }

    @Test
    void after_close_writes_are_refused() {
        var commits = new GroupCommit(() -> {}, "test-commit");
        commits.close();

        assertThatThrownBy(commits::awaitDurable).isInstanceOf(IllegalStateException.class);
    }
}

package org.attune.kit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ParentWatchTest {

    private final AtomicInteger exits = new AtomicInteger();
    private final AtomicInteger halts = new AtomicInteger();
    private Process launcher;

    @AfterEach
    void stopLauncher() {
        if (launcher != null) {
            launcher.destroyForcibly();
        }
    }

    @Test
    void the_service_exits_once_when_its_launcher_is_killed() throws Exception {
        launcher = new ProcessBuilder("sleep", "120").start();
        var watch = new ParentWatch(Duration.ofMinutes(1), exits::incrementAndGet, halts::incrementAndGet);
        watch.watch(launcher.pid(), Optional.of(launcher.toHandle()));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> exits.get() == 0);
        launcher.destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> exits.get() == 1);
        assertThat(halts).hasValue(0);
    }

    @Test
    void the_service_exits_at_once_when_the_launcher_was_gone_before_the_watch_began() {
        var watch = new ParentWatch(Duration.ofMinutes(1), exits::incrementAndGet, halts::incrementAndGet);
        watch.watch(4_000_000L, Optional.empty());

        await().atMost(Duration.ofSeconds(5)).until(() -> exits.get() == 1);
        assertThat(watch.ending()).isTrue();
    }

    @Test
    void a_parent_other_than_the_launcher_means_the_launcher_is_gone() {
        // An orphan is handed to another process (init or a subreaper); its pid is not the launcher's.
        var watch = new ParentWatch(Duration.ofMinutes(1), exits::incrementAndGet, halts::incrementAndGet);
        var adoptiveParent = ProcessHandle.current();
        watch.watch(adoptiveParent.pid() + 1, Optional.of(adoptiveParent));

        await().atMost(Duration.ofSeconds(5)).until(() -> exits.get() == 1);
    }

    @Test
    void the_service_is_halted_when_its_orderly_exit_hangs() {
        var neverDone = new CountDownLatch(1);
        var watch = new ParentWatch(
                Duration.ofMillis(200),
                () -> {
                    exits.incrementAndGet();
                    try {
                        neverDone.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                halts::incrementAndGet);
        watch.watch(4_000_000L, Optional.empty());

        await().atMost(Duration.ofSeconds(5)).until(() -> halts.get() == 1);
        assertThat(exits).hasValue(1);
        neverDone.countDown();
    }

    @Test
    void the_watch_is_on_only_when_a_launcher_names_itself() {
        var contexts =
                new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ParentWatchConfiguration.class));

        contexts.run(context -> assertThat(context).doesNotHaveBean(ParentWatch.class));
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        contexts.withPropertyValues("attune.parent.pid=" + parent)
                .run(context -> assertThat(context).getBean(ParentWatch.class).satisfies(watch -> {
                    assertThat(watch.ending()).isFalse();
                    assertThat(watch.grace()).isEqualTo(ParentWatchConfiguration.DEFAULT_GRACE);
                }));
        contexts.withPropertyValues("attune.parent.pid=" + parent, "attune.parent.grace=5s")
                .run(context ->
                        assertThat(context.getBean(ParentWatch.class).grace()).isEqualTo(Duration.ofSeconds(5)));
    }
}

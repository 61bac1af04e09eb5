package org.attune.webui.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A store answer is kept for its lifetime only, and a change through this instance forgets it at once. */
class RecentReadsTest {

    final AtomicLong nanos = new AtomicLong();
    final AtomicInteger reads = new AtomicInteger();
    final RecentReads<String, Integer> recent = new RecentReads<>(Duration.ofSeconds(1), nanos::get);

    private Integer read(String key) {
        return reads.incrementAndGet();
    }

    @Test
    void withinItsLifetimeTheSameQuestionIsAnsweredWithoutAnotherRead() {
        recent.get("ada", this::read);
        nanos.addAndGet(Duration.ofMillis(999).toNanos());

        assertThat(recent.get("ada", this::read)).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void afterItsLifetimeTheStoreIsAskedAgain() {
        recent.get("ada", this::read);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(recent.get("ada", this::read)).isEqualTo(2);
    }

    @Test
    void aForgottenAnswerIsReadAgainAtOnceAndOtherKeysAreNotShared() {
        recent.get("ada", this::read);
        recent.forget("ada");

        assertThat(recent.get("ada", this::read)).isEqualTo(2);
        assertThat(recent.get("noor", this::read)).isEqualTo(3);
        assertThat(reads).hasValue(3);
    }
}

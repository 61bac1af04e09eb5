package org.attune.webui.account;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The answer of a store read, kept for a moment: a signed-in page makes many requests a second, each asking the same
 * question about the same account. A change made through this instance forgets the answer at once; one made through
 * another web-ui instance is seen after at most {@code lifetime}, which is as prompt as a request could notice it.
 */
final class RecentReads<K, V> {

    /** Short enough that a suspension or a password change elsewhere still ends a session within a second. */
    static final Duration LIFETIME = Duration.ofSeconds(1);

    private static final int MOST = 10_000;

    private record Kept<V>(V value, long readAt) {}

    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final long lifetimeNanos;
    private final LongSupplier nanoTime;

    RecentReads(Duration lifetime, LongSupplier nanoTime) {
        this.lifetimeNanos = lifetime.toNanos();
        this.nanoTime = nanoTime;
    }

    RecentReads() {
        this(LIFETIME, System::nanoTime);
    }

    V get(K key, Function<K, V> read) {
        long now = nanoTime.getAsLong();
        var found = kept.get(key);
        if (found != null && now - found.readAt() < lifetimeNanos) {
            return found.value();
        }
        var value = read.apply(key);
        if (kept.size() >= MOST) {
            kept.clear(); // many accounts active at once: start over rather than grow
        }
        kept.put(key, new Kept<>(value, now));
        return value;
    }

    void forget(K key) {
        kept.remove(key);
    }
}

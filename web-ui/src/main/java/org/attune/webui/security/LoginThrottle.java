package org.attune.webui.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code attune.login.max-failures-per-account} failed sign-ins for one email,
 * or {@code attune.login.max-failures-per-ip} from one address, within the sliding {@code attune.login.window},
 * further attempts are refused until the oldest failure leaves the window. In memory: one web-ui instance.
 */
@Component
public class LoginThrottle {

    private final Clock clock;
    private final int maxPerAccount;
    private final int maxPerIp;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(
            Clock clock,
            @Value("${attune.login.max-failures-per-account:5}") int maxPerAccount,
            @Value("${attune.login.max-failures-per-ip:20}") int maxPerIp,
            @Value("${attune.login.window:15m}") Duration window) {
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
        this.maxPerIp = maxPerIp;
        this.window = window;
    }

    /** True when this attempt must be refused without checking the password. */
    public boolean blocked(String email, String ip) {
        return count(accountKey(email)) >= maxPerAccount || count(ipKey(ip)) >= maxPerIp;
    }

    public void failed(String email, String ip) {
        var now = clock.instant();
        add(accountKey(email), now);
        add(ipKey(ip), now);
    }

    /** A successful sign-in clears the account's failures (not the address's). */
    public void succeeded(String email) {
        failures.remove(accountKey(email));
    }

    public Duration window() {
        return window;
    }

    private static String accountKey(String email) {
        return "a:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    private static String ipKey(String ip) {
        return "i:" + (ip == null ? "" : ip);
    }

    private void add(String key, Instant at) {
        failures.compute(key, (k, times) -> {
            var deque = times == null ? new ArrayDeque<Instant>() : times;
            prune(deque);
            deque.addLast(at);
            return deque;
        });
    }

    private int count(String key) {
        var result = new int[1];
        failures.computeIfPresent(key, (k, times) -> {
            prune(times);
            result[0] = times.size();
            return times.isEmpty() ? null : times;
        });
        return result[0];
    }

    private void prune(Deque<Instant> times) {
        var cutoff = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }
}

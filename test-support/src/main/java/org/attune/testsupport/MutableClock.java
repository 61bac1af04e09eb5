package org.attune.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move forward by hand; it starts at the real time so tokens and grants made "now" line up. */
public class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock() {
        this(Instant.now());
    }

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Sets the time, also backwards (for a test that owns the clock alone). */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** Moves to {@code to}, which must not be in this clock's past: other tests share it. */
    public void moveTo(Instant to) {
        if (to.isBefore(now)) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        now = to;
    }
}

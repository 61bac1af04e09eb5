package org.attune.checkin.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.attune.events.AttuneEvent;
import org.attune.events.EventJson;

/**
 * The events a stored document still has to publish, kept inside that document so storing the fact and its events
 * is one single-document write. The relay publishes them and sets {@code pending} to false.
 *
 * @param events the events as their wire JSON
 * @param pending true until every event was acknowledged by the broker
 * @param dueAt when the sweeping relay takes over if the immediate publish did not finish
 */
public record Outbox(List<String> events, boolean pending, Instant dueAt, Instant publishedAt) {

    /** How long the immediate publish has before the sweeper publishes the events too. */
    public static final Duration GRACE = Duration.ofSeconds(5);

    public static Outbox of(Instant now, List<? extends AttuneEvent> events) {
        return new Outbox(events.stream().map(EventJson::write).toList(), true, now.plus(GRACE), null);
    }

    public static Outbox empty(Instant now) {
        return new Outbox(List.of(), false, now, now);
    }
}

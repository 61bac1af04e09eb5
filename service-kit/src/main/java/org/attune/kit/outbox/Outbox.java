package org.attune.kit.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.attune.events.AttuneEvent;
import org.attune.events.EventJson;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The events a stored document still has to publish, kept inside that document (field {@value #FIELD}) so storing a
 * fact and its events is one single-document write. The relay removes each event once the broker acknowledged it.
 *
 * @param events the events still to publish, as their wire JSON; empty when everything went out
 * @param dueAt until then the writer publishes them itself; after it, one relay instance claims the document
 * @param claimedBy the relay instance holding the claim, if any
 * @param publishedAt when the last event went out
 */
public record Outbox(List<String> events, Instant dueAt, String claimedBy, Instant publishedAt) {

    public static final String FIELD = "outbox";

    /**
     * How long the writer's immediate publish has before a sweeping relay (of any instance) takes the events over: long
     * enough that a busy instance's publish is not duplicated by another's sweep, short enough that a crash delays
     * the events by seconds, not minutes.
     */
    public static final Duration GRACE = Duration.ofSeconds(15);

    public Outbox {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The outbox of a document about to be stored with these events. */
    public static Outbox of(Instant now, List<? extends AttuneEvent> events) {
        return new Outbox(events.stream().map(EventJson::write).toList(), now.plus(GRACE), null, null);
    }

    public static Outbox empty(Instant now) {
        return new Outbox(List.of(), now, null, now);
    }

    /** Adds events to an existing document's outbox within {@code update}, the same write that changes the fact. */
    public static Update append(Update update, Instant now, List<? extends AttuneEvent> events) {
        return update.push(FIELD + ".events")
                .each(events.stream().map(EventJson::write).toArray())
                .set(FIELD + ".dueAt", now.plus(GRACE));
    }

    public boolean pending() {
        return !events.isEmpty();
    }
}

package org.attune.kit.outbox;

import java.util.List;

/** A service's collections whose documents carry an {@link Outbox}; the relay sweeps them all. */
public record OutboxCollections(List<String> names) {

    public static OutboxCollections of(String... names) {
        return new OutboxCollections(List.of(names));
    }
}

package org.attune.kit.testapp;

import org.attune.kit.outbox.OutboxCollections;
import org.attune.kit.security.PathRules;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The smallest service the kit can run in: one outbox collection, one path rule, everything else from the kit. */
@SpringBootApplication
public class KitTestApplication {

    public static final String ITEMS = "kit_items";

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(ITEMS);
    }

    @Bean
    PathRules nothingOfItsOwn() {
        return exchanges -> {};
    }
}

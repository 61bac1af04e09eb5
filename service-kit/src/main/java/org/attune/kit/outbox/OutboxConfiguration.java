package org.attune.kit.outbox;

import java.time.Clock;
import java.util.List;
import org.attune.kit.messaging.EventPublisher;
import org.attune.kit.messaging.MessagingConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The relay, for a service that declares {@link OutboxCollections}. */
@AutoConfiguration(after = MessagingConfiguration.class)
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean({OutboxCollections.class, ReactiveMongoTemplate.class, EventPublisher.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(
            ReactiveMongoTemplate mongo,
            EventPublisher publisher,
            Clock clock,
            OutboxProperties properties,
            List<OutboxCollections> collections,
            List<OutboxListener> listeners) {
        return new OutboxRelay(mongo, publisher, clock, properties, collections, listeners);
    }

    @Bean
    SmartLifecycle outboxSweeper(OutboxRelay relay, OutboxProperties properties) {
        return new OutboxSweeper(relay, properties);
    }
}

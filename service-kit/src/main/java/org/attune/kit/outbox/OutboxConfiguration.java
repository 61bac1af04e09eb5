package org.attune.kit.outbox;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
        return new Sweeper(relay, properties);
    }

    /** Runs the sweep on its own thread while the application runs; stops before the context closes. */
    static final class Sweeper implements SmartLifecycle {

        private final OutboxRelay relay;
        private final OutboxProperties properties;
        private ScheduledExecutorService executor;

        Sweeper(OutboxRelay relay, OutboxProperties properties) {
            this.relay = relay;
            this.properties = properties;
        }

        @Override
        public synchronized void start() {
            executor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("outbox-sweep").daemon(true).factory());
            long interval = properties.sweepInterval().toMillis();
            executor.scheduleWithFixedDelay(relay::sweep, interval, interval, TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void stop() {
            if (executor != null) {
                executor.shutdownNow();
                executor = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return executor != null;
        }
    }
}

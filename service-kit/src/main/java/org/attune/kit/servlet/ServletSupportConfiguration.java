package org.attune.kit.servlet;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import org.attune.kit.messaging.AppliedEvents;
import org.attune.kit.messaging.EventPublisher;
import org.attune.kit.messaging.MessagingConfiguration;
import org.attune.kit.outbox.OutboxCollections;
import org.attune.kit.outbox.OutboxListener;
import org.attune.kit.outbox.OutboxProperties;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.outbox.OutboxSweeper;
import org.attune.kit.support.SupportConfiguration;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The kit's parts for web-ui, a servlet application on the blocking MongoDB driver: the event de-duplication marks
 * and the store health check, by the same rules as in the WebFlux services. The only package of the kit allowed the
 * blocking driver.
 */
@AutoConfiguration(
        after = {SupportConfiguration.class, MessagingConfiguration.class},
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(MongoTemplate.class)
public class ServletSupportConfiguration {

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnMissingBean(AppliedEvents.class)
    AppliedEvents appliedEvents(MongoTemplate mongo, Clock clock) {
        return AppliedEvents.over(new BlockingMarks(mongo), clock);
    }

    /** The outbox relay, for a servlet application that declares {@link OutboxCollections}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({OutboxCollections.class, MongoTemplate.class, EventPublisher.class})
    @EnableConfigurationProperties(OutboxProperties.class)
    static class Outboxes {

        @Bean
        OutboxRelay outboxRelay(
                MongoTemplate mongo,
                EventPublisher publisher,
                Clock clock,
                OutboxProperties properties,
                List<OutboxCollections> collections,
                List<OutboxListener> listeners) {
            return OutboxRelay.over(
                    new BlockingOutboxStore(mongo), publisher, clock, properties, collections, listeners);
        }

        @Bean
        OutboxSweeper outboxSweeper(OutboxRelay relay, OutboxProperties properties) {
            return new OutboxSweeper(relay, properties);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractHealthIndicator.class)
    @ConditionalOnBean(MongoTemplate.class)
    static class StoreHealth {

        @Bean("mongoHealthIndicator")
        MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
            return new MongoPingHealthIndicator(mongo);
        }
    }

    /** The marks through the blocking driver; the work happens when the answer is subscribed to. */
    static final class BlockingMarks implements AppliedEvents.Store {

        private final MongoTemplate mongo;

        BlockingMarks(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @Override
        public Mono<Void> insert(AppliedEvents.AppliedEvent mark) {
            return Mono.fromRunnable(() -> mongo.insert(mark));
        }

        @Override
        public Mono<Boolean> exists(String id) {
            return Mono.fromCallable(() -> mongo.exists(query(where("_id").is(id)), AppliedEvents.AppliedEvent.class));
        }
    }

    /**
     * Checks the store with {@code ping}, which real MongoDB and mongo-java-server both answer; Boot's own indicator
     * sends {@code hello}, which mongo-java-server does not know. The bean name replaces Boot's indicator.
     */
    static final class MongoPingHealthIndicator extends AbstractHealthIndicator {

        private final MongoTemplate mongo;

        MongoPingHealthIndicator(MongoTemplate mongo) {
            super("MongoDB health check failed");
            this.mongo = mongo;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) {
            mongo.executeCommand(new Document("ping", 1));
            builder.up();
        }
    }
}

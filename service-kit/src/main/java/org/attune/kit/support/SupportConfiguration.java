package org.attune.kit.support;

import java.time.Clock;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** The clock every service reads time from, and a store health check that works on every MongoDB-protocol server. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
public class SupportConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        // One clock per service, so tests move time instead of waiting for it.
        return Clock.systemUTC();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({AbstractReactiveHealthIndicator.class, ReactiveMongoTemplate.class})
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    static class StoreHealth {

        @Bean("mongoHealthIndicator")
        MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
            return new MongoPingHealthIndicator(mongo);
        }
    }

    /**
     * Checks the store with {@code ping}, which real MongoDB and mongo-java-server both answer; Boot's own indicator
     * sends {@code hello}, which mongo-java-server does not know.
     */
    static class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

        private final ReactiveMongoTemplate mongo;

        MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
            this.mongo = mongo;
        }

        @Override
        protected Mono<Health> doHealthCheck(Health.Builder builder) {
            return mongo.executeCommand(new Document("ping", 1))
                    .map(answer -> builder.up().build());
        }
    }
}

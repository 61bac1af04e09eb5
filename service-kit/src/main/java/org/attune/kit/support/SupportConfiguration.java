package org.attune.kit.support;

import java.time.Clock;
import org.bson.Document;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.client.ReactorResourceFactory;
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

    /**
     * Reactor Netty's event loops and connection pool owned by each application context (and its management child)
     * instead of the JVM-wide globals: stopping one context, such as a second instance a test starts and closes, then
     * never stops the servers of another in the same JVM (spring-boot#38199). One context per JVM in production, so
     * nothing changes there.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "reactor.netty.http.HttpResources")
    static class OwnReactorNettyResources {

        @Bean
        static BeanPostProcessor contextOwnedReactorResources() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof ReactorResourceFactory factory) {
                        factory.setUseGlobalResources(false);
                    }
                    return bean;
                }
            };
        }
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

package org.attune.webui.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health as a {@code ping} on web-ui's own database. Spring Boot's default indicator sends {@code hello} to
 * every database on the server, a command the embedded MongoDB-protocol server of the local stack and of the tests
 * does not know, so it would report DOWN while the store works. The bean name replaces Boot's indicator.
 */
@Configuration(proxyBeanMethods = false)
class MongoHealthConfig {

    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                mongo.executeCommand(new Document("ping", 1));
                builder.up().withDetail("database", mongo.getDb().getName());
            }
        };
    }
}

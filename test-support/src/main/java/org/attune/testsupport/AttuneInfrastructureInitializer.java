package org.attune.testsupport;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring application context at the test Kafka broker, at a MongoDB database of its own (so test classes
 * never see each other's documents) and at the test token issuer ({@link TestTokens}). Set {@code attune.test.database} to share a database on purpose (a
 * restart test, say).
 */
public class AttuneInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var infrastructure = TestInfrastructure.get();
        var env = context.getEnvironment();
        var database = env.getProperty("attune.test.database");
        if (database == null) {
            var app = env.getProperty("spring.application.name", "attune").replaceAll("[^A-Za-z0-9]", "_");
            database = app + "_test_" + UUID.randomUUID().toString().substring(0, 8);
        }
        TestPropertyValues.of(
                        "spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                        "spring.mongodb.uri=" + infrastructure.mongoUri(database),
                        "attune.test.infrastructure.mode=" + infrastructure.mode(),
                        "attune.security.jwks-uri=" + TestTokens.get().jwksUri(),
                        "attune.security.issuer=" + TestTokens.ISSUER,
                        "attune.security.audience=" + TestTokens.AUDIENCE,
                        // the in-process broker shares the test's logging; keep its chatter out of test output
                        "logging.level.kafka=WARN",
                        "logging.level.org.apache.kafka=WARN",
                        "logging.level.state.change.logger=WARN")
                .applyTo(context);
    }
}

package org.attune.kit.access;

import java.time.Clock;
import org.attune.kit.messaging.MessagingConfiguration;
import org.attune.kit.security.PathRules;
import org.attune.kit.support.SupportConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;

/** The access log, and {@code GET /api/v1/access-log} for the client whose log it is. */
@AutoConfiguration(after = {SupportConfiguration.class, MessagingConfiguration.class})
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(ReactiveMongoTemplate.class)
public class AccessLogConfiguration {

    @Bean
    AccessLog accessLog(ReactiveMongoTemplate mongo, Clock clock) {
        return new AccessLog(mongo, clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Endpoint {

        @Bean
        AccessLogController accessLogController(AccessLog accessLog) {
            return new AccessLogController(accessLog);
        }

        @Bean
        PathRules accessLogPathRules() {
            return exchanges -> exchanges
                    .pathMatchers(HttpMethod.GET, AccessLogController.PATH)
                    .hasRole("CLIENT");
        }
    }
}

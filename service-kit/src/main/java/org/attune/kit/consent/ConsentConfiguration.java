package org.attune.kit.consent;

import java.time.Clock;
import org.attune.kit.access.AccessLog;
import org.attune.kit.access.AccessLogConfiguration;
import org.attune.kit.erasure.ErasedAccounts;
import org.attune.kit.erasure.ErasureConfiguration;
import org.attune.kit.messaging.AppliedEvents;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The consent projection, its listener and the therapist access gate. */
@AutoConfiguration(after = {ErasureConfiguration.class, AccessLogConfiguration.class})
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean({ReactiveMongoTemplate.class, ErasedAccounts.class, AccessLog.class})
@EnableConfigurationProperties(ConsentProperties.class)
public class ConsentConfiguration {

    @Bean
    ConsentProjection consentProjection(
            ReactiveMongoTemplate mongo, Clock clock, ErasedAccounts erasedAccounts, ConsentProperties properties) {
        return new ConsentProjection(mongo, clock, erasedAccounts, properties);
    }

    @Bean
    ConsentEventsListener consentEventsListener(ConsentProjection projection, AppliedEvents appliedEvents) {
        return new ConsentEventsListener(projection, appliedEvents);
    }

    @Bean
    TherapistAccess therapistAccess(ConsentProjection consent, AccessLog accessLog) {
        return new TherapistAccess(consent, accessLog);
    }
}

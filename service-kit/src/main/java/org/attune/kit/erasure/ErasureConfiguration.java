package org.attune.kit.erasure;

import java.util.List;
import org.attune.kit.messaging.AppliedEvents;
import org.attune.kit.messaging.MessagingConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Erasure markers, the erasure itself, its listener, and the guarded way to apply consumed events. */
@AutoConfiguration(after = MessagingConfiguration.class)
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean({ReactiveMongoTemplate.class, AppliedEvents.class})
public class ErasureConfiguration {

    @Bean
    ErasedAccounts erasedAccounts(ReactiveMongoTemplate mongo) {
        return new ErasedAccounts(mongo);
    }

    @Bean
    Erasure erasure(ErasedAccounts erasedAccounts, List<AccountDataEraser> erasers) {
        return new Erasure(erasedAccounts, erasers);
    }

    @Bean
    ConsumedEvents consumedEvents(AppliedEvents appliedEvents, ErasedAccounts erasedAccounts, Erasure erasure) {
        return new ConsumedEvents(appliedEvents, erasedAccounts, erasure);
    }

    @Bean
    AccountEventsListener accountEventsListener(AppliedEvents appliedEvents, Erasure erasure) {
        return new AccountEventsListener(appliedEvents, erasure);
    }
}

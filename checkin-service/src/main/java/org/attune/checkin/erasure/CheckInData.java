package org.attune.checkin.erasure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.UUID;
import org.attune.checkin.safety.SafetyFlags;
import org.attune.events.Role;
import org.attune.kit.erasure.AccountDataEraser;
import org.attune.kit.outbox.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What this service holds of an account beyond what the kit erases (consent grants, access log): a client's
 * check-ins, questionnaire responses, session feedback and safety flags, and an erased therapist's id on the flags
 * they acknowledged. The same four collections carry an outbox.
 */
@Configuration(proxyBeanMethods = false)
class CheckInData {

    static final List<String> COLLECTIONS =
            List.of("checkins", "questionnaire_responses", "session_feedback", "safety_flags");

    @Bean
    OutboxCollections outboxCollections() {
        return new OutboxCollections(COLLECTIONS);
    }

    @Bean
    AccountDataEraser checkInDataEraser(ReactiveMongoTemplate mongo, SafetyFlags safetyFlags) {
        return (UUID accountId, Role role) -> Flux.fromIterable(COLLECTIONS)
                .concatMap(collection -> mongo.remove(query(where("clientId").is(accountId)), collection))
                .then(safetyFlags.forgetAcknowledger(accountId))
                .then(Mono.empty());
    }
}

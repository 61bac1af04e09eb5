package org.attune.checkin.erasure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.UUID;
import org.attune.checkin.access.AccessLog;
import org.attune.checkin.consent.ConsentProjection;
import org.attune.checkin.outbox.OutboxRelay;
import org.attune.checkin.safety.SafetyFlags;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Removes everything this service holds about an account: its check-ins, questionnaire responses, session feedback,
 * safety flags, access-log entries and consent grants (as client or as therapist), and an erased therapist's id on
 * the flags they acknowledged. Idempotent.
 */
@Component
public class Erasure {

    private final ReactiveMongoTemplate mongo;
    private final AccessLog accessLog;
    private final ConsentProjection consent;
    private final SafetyFlags safetyFlags;
    private final ErasedAccounts erasedAccounts;

    Erasure(
            ReactiveMongoTemplate mongo,
            AccessLog accessLog,
            ConsentProjection consent,
            SafetyFlags safetyFlags,
            ErasedAccounts erasedAccounts) {
        this.mongo = mongo;
        this.accessLog = accessLog;
        this.consent = consent;
        this.safetyFlags = safetyFlags;
        this.erasedAccounts = erasedAccounts;
    }

    /** Marks the account erased first, so nothing about it is recreated while or after its data is deleted. */
    public Mono<Void> erase(UUID accountId, java.time.Instant erasedAt) {
        return erasedAccounts
                .mark(accountId, erasedAt)
                .thenMany(Flux.fromIterable(OutboxRelay.COLLECTIONS))
                .concatMap(collection -> mongo.remove(query(where("clientId").is(accountId)), collection))
                .then(accessLog.eraseAccount(accountId))
                .then(consent.eraseAccount(accountId))
                .then(safetyFlags.forgetAcknowledger(accountId))
                .then();
    }
}

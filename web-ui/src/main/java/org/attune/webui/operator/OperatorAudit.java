package org.attune.webui.operator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.webui.account.AccountDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every operator action, in the {@code operator_audit} collection and the {@code attune.audit} logger: who acted,
 * what they did, to which account, when. Kept when the account acted on is erased, with its id replaced by
 * {@link #ERASED} (the action stays accountable, the person is gone).
 */
@Component
class OperatorAudit {

    static final String ERASED = "erased-account";
    private static final Logger log = LoggerFactory.getLogger("attune.audit");

    enum Action {
        THERAPIST_VERIFIED,
        THERAPIST_DECLINED,
        ACCOUNT_SUSPENDED,
        ACCOUNT_REINSTATED,
        AUDIT_EXPORTED
    }

    @Document("operator_audit")
    record Entry(@Id String id, Instant at, String operatorId, Action action, String accountId) {}

    private final MongoTemplate mongo;
    private final Clock clock;

    OperatorAudit(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void record(UUID operatorId, Action action, String accountId) {
        mongo.insert(
                new Entry(UUID.randomUUID().toString(), clock.instant(), operatorId.toString(), action, accountId));
        log.info("{} operator={} account={}", action, operatorId, accountId == null ? "-" : accountId);
    }

    /** Newest first. */
    List<Entry> entries() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "at")), Entry.class);
    }

    @EventListener
    void pseudonymise(AccountDeleted deleted) {
        mongo.updateMulti(
                Query.query(Criteria.where("accountId").is(deleted.accountId())),
                Update.update("accountId", ERASED),
                Entry.class);
        mongo.updateMulti(
                Query.query(Criteria.where("operatorId").is(deleted.accountId())),
                Update.update("operatorId", ERASED),
                Entry.class);
    }
}

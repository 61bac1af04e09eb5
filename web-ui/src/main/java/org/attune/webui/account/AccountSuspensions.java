package org.attune.webui.account;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Accounts an operator has suspended: they cannot sign in, their open sessions end at their next request, and no
 * service token is signed for them. One document per suspended account, so suspending is a single insert.
 */
@Service
public class AccountSuspensions implements SuspendedAccounts {

    @Document("account_suspensions")
    record Suspension(@Id String accountId, Instant since) {}

    private final MongoTemplate mongo;
    private final Clock clock;
    private final RecentReads<String, Boolean> recent = new RecentReads<>();

    AccountSuspensions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public boolean isSuspended(UUID accountId) {
        return isSuspended(accountId.toString());
    }

    /** Asked on every request of a signed-in session and for every service token: kept a moment (RecentReads). */
    public boolean isSuspended(String accountId) {
        return recent.get(
                accountId, id -> mongo.exists(Query.query(Criteria.where("_id").is(id)), Suspension.class));
    }

    /** True when this call suspended the account, false when it already was. */
    public boolean suspend(String accountId) {
        try {
            mongo.insert(new Suspension(accountId, clock.instant()));
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        } finally {
            recent.forget(accountId);
        }
    }

    /** True when this call lifted a suspension. */
    public boolean reinstate(String accountId) {
        try {
            return mongo.remove(Query.query(Criteria.where("_id").is(accountId)), Suspension.class)
                            .getDeletedCount()
                    > 0;
        } finally {
            recent.forget(accountId);
        }
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        reinstate(deleted.accountId());
    }
}

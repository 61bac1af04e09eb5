package org.attune.webui.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Security events (sign-ins, failures, refusals, tokens) in the {@code audit_log} collection and the
 * {@code attune.audit} logger. Entries name the account id when one is known, never a password or what was typed.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("attune.audit");

    public enum Kind {
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        LOGIN_THROTTLED,
        TOKEN_ISSUED,
        TOKEN_REFUSED,
        TOKEN_THROTTLED,
        ACCOUNT_REGISTERED,
        EMAIL_VERIFIED,
        PASSWORD_CHANGED,
        PASSWORD_RESET,
        ACCOUNT_ERASED
    }

    @Document("audit_log")
    public record Entry(@Id String id, Instant at, Kind kind, String accountId, String ip) {}

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void record(Kind kind, String accountId, String ip) {
        var entry = new Entry(UUID.randomUUID().toString(), clock.instant(), kind, accountId, ip);
        mongo.insert(entry);
        log.info("{} account={} ip={}", kind, accountId == null ? "-" : accountId, ip == null ? "-" : ip);
    }

    public List<Entry> ofAccount(String accountId) {
        return mongo.find(Query.query(Criteria.where("accountId").is(accountId)).with(Sort.by("at")), Entry.class);
    }

    public List<Entry> recent(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "at")).limit(limit), Entry.class);
    }

    public void deleteOfAccount(String accountId) {
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId)), Entry.class);
    }
}

package org.attune.webui.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.attune.webui.account.Accounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Attempt limits shared by every web-ui instance: one counter document per limit and subject in
 * {@code throttle_counters}, changed only by single-document atomic operations (no transactions needed). An attempt is
 * counted before the work it guards (a password hash, a mail), so a parallel burst cannot slip past the limit: of N
 * simultaneous attempts exactly {@code max} see a count within it.
 *
 * <p>Subjects are stored only as SHA-256 digests, so a key is bounded in length whatever was typed and no email or
 * address is kept here. IPv6 addresses count per /64, the block one subscriber usually gets. Windows are fixed, from
 * the first attempt; expired counters are removed in batches on a schedule (no TTL index is needed).
 */
@Component
public class Throttle {

    public enum Limit {
        SIGN_IN_PER_ACCOUNT("sa"),
        SIGN_IN_PER_IP("si"),
        REGISTRATION_PER_IP("ri"),
        MAIL_PER_ADDRESS("ma"),
        MAIL_PER_IP("mi");

        private final String code;

        Limit(String code) {
            this.code = code;
        }

        boolean perAddress() {
            return this == SIGN_IN_PER_IP || this == REGISTRATION_PER_IP || this == MAIL_PER_IP;
        }
    }

    /**
     * Whether one attempt may go ahead, when the window ends, and whether this is the window's first refusal (worth
     * one audit entry; the rest of a flood is not).
     */
    public record Decision(boolean allowed, Instant windowEnds, boolean firstRefusal) {

        public long retryAfterSeconds(Clock clock) {
            return Math.max(1, Duration.between(clock.instant(), windowEnds).toSeconds() + 1);
        }
    }

    static final String COLLECTION = "throttle_counters";

    @Document(COLLECTION)
    record Counter(@Id String id, int count, Instant windowEnds) {}

    static final int CLEANUP_BATCH = 500;
    private static final int CLEANUP_MAX_BATCHES = 20;
    private static final int MAX_SUBJECT_LENGTH = 320;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<Limit, ThrottleProperties.Rule> rules = new EnumMap<>(Limit.class);
    private final Map<Limit, io.micrometer.core.instrument.Counter> refusals = new EnumMap<>(Limit.class);

    Throttle(MongoTemplate mongo, Clock clock, ThrottleProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        rules.put(Limit.SIGN_IN_PER_ACCOUNT, properties.signInPerAccount());
        rules.put(Limit.SIGN_IN_PER_IP, properties.signInPerIp());
        rules.put(Limit.REGISTRATION_PER_IP, properties.registrationPerIp());
        rules.put(Limit.MAIL_PER_ADDRESS, properties.mailPerAddress());
        rules.put(Limit.MAIL_PER_IP, properties.mailPerIp());
        for (var limit : Limit.values()) {
            refusals.put(
                    limit,
                    io.micrometer.core.instrument.Counter.builder("attune.throttle.refused")
                            .description("Attempts refused by a limit, before any password hash or mail")
                            .tag("limit", limit.name().toLowerCase(java.util.Locale.ROOT))
                            .register(meters));
        }
    }

    /** Counts one attempt against the limit; allowed while the count stays within the limit's maximum. */
    public Decision tryAcquire(Limit limit, String subject) {
        var rule = rules.get(limit);
        var id = key(limit, subject);
        // Three rounds are plenty: each lost race means another attempt just created or renewed the window.
        for (int round = 0; round < 3; round++) {
            var now = clock.instant();
            var counted = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(id).and("windowEnds").gt(now)),
                    new Update().inc("count", 1),
                    FindAndModifyOptions.options().returnNew(true),
                    Counter.class);
            if (counted != null) {
                return decide(limit, counted.count(), counted.windowEnds());
            }
            var windowEnds = now.plus(rule.window());
            var renewed = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(id).and("windowEnds").lte(now)),
                    new Update().set("count", 1).set("windowEnds", windowEnds),
                    FindAndModifyOptions.options().returnNew(true),
                    Counter.class);
            if (renewed != null) {
                return decide(limit, renewed.count(), renewed.windowEnds());
            }
            try {
                mongo.insert(new Counter(id, 1, windowEnds));
                return decide(limit, 1, windowEnds);
            } catch (DuplicateKeyException raced) {
                // another attempt created the window in between: count against it
            }
        }
        return decide(limit, Integer.MAX_VALUE, clock.instant().plus(rule.window()));
    }

    /** Gives back one counted attempt (a sign-in that succeeded should not use up the address's allowance). */
    public void release(Limit limit, String subject) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(key(limit, subject))
                        .and("count")
                        .gt(0)),
                new Update().inc("count", -1),
                Counter.class);
    }

    /** Forgets every attempt of this subject (a successful sign-in or a password reset clears the account's). */
    public void clear(Limit limit, String subject) {
        mongo.remove(Query.query(Criteria.where("_id").is(key(limit, subject))), Counter.class);
    }

    /** Removes counters whose window has ended, a batch at a time; returns how many went. */
    @Scheduled(fixedDelayString = "${attune.throttle.cleanup-interval:1m}")
    public int removeExpired() {
        int removed = 0;
        for (int batch = 0; batch < CLEANUP_MAX_BATCHES; batch++) {
            var expired = Query.query(Criteria.where("windowEnds").lte(clock.instant()))
                    .limit(CLEANUP_BATCH);
            expired.fields().include("_id");
            var ids = mongo.find(expired, org.bson.Document.class, COLLECTION).stream()
                    .map(document -> document.getString("_id"))
                    .toList();
            if (ids.isEmpty()) {
                break;
            }
            removed += (int) mongo.remove(Query.query(Criteria.where("_id").in(ids)), Counter.class)
                    .getDeletedCount();
            if (ids.size() < CLEANUP_BATCH) {
                break;
            }
        }
        return removed;
    }

    private Decision decide(Limit limit, int count, Instant windowEnds) {
        int max = rules.get(limit).max();
        if (count > max) {
            refusals.get(limit).increment();
        }
        return new Decision(count <= max, windowEnds, count == max + 1);
    }

    static String key(Limit limit, String subject) {
        var normal = limit.perAddress() ? addressBlock(subject) : Accounts.normalise(subject);
        if (normal.length() > MAX_SUBJECT_LENGTH) {
            normal = normal.substring(0, MAX_SUBJECT_LENGTH);
        }
        return limit.code + ":" + sha256(normal);
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 block. */
    static String addressBlock(String ip) {
        if (ip == null || ip.isBlank()) {
            return "unknown";
        }
        var trimmed = ip.strip();
        if (trimmed.indexOf(':') < 0) {
            return trimmed;
        }
        try {
            var literal = trimmed.startsWith("[") && trimmed.endsWith("]")
                    ? trimmed.substring(1, trimmed.length() - 1)
                    : trimmed;
            var bytes = InetAddress.ofLiteral(literal).getAddress();
            return bytes.length == 16 ? "v6:" + HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) : trimmed;
        } catch (IllegalArgumentException notALiteral) {
            return trimmed;
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

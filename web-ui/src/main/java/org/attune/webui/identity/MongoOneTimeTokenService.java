package org.attune.webui.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;

/**
 * Spring Security's {@link OneTimeTokenService} over MongoDB (Spring ships in-memory and JDBC ones only): 256 random
 * bits per token, of which only the SHA-256 digest is stored (as the {@code _id}, so a lookup is by key); consuming is a
 * single {@code findAndRemove}, so a token works once even when two requests race. One service per purpose: a mailed
 * email-verification token is no password-reset token. Generating a token drops the account's earlier ones of the
 * same purpose: only the newest link works.
 */
public final class MongoOneTimeTokenService implements OneTimeTokenService {

    public enum Purpose {
        EMAIL_VERIFICATION,
        PASSWORD_RESET
    }

    static final String COLLECTION = "one_time_tokens";

    @Document(COLLECTION)
    record StoredToken(@Id String hash, Purpose purpose, String accountId, Instant expiresAt) {}

    private static final int TOKEN_BYTES = 32;
    private static final int CLEANUP_BATCH = 500;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Purpose purpose;
    private final SecureRandom random = new SecureRandom();

    public MongoOneTimeTokenService(MongoTemplate mongo, Clock clock, Purpose purpose) {
        this.mongo = mongo;
        this.clock = clock;
        this.purpose = purpose;
    }

    /** A new token for the account id in {@code request.getUsername()}, valid for {@code request.getExpiresIn()}. */
    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        var bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        var value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expiresAt = clock.instant().plus(request.getExpiresIn());
        revokeAll(request.getUsername());
        mongo.insert(new StoredToken(hash(value), purpose, request.getUsername(), expiresAt));
        return new DefaultOneTimeToken(value, request.getUsername(), expiresAt);
    }

    /** The token, removed so it cannot be used again; null when it is unknown, used or expired. */
    @Override
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authenticationToken) {
        var value = authenticationToken.getTokenValue();
        if (value == null || value.isBlank()) {
            return null;
        }
        var stored = mongo.findAndRemove(live(value), StoredToken.class);
        return stored == null ? null : new DefaultOneTimeToken(value, stored.accountId(), stored.expiresAt());
    }

    /** The account a still-valid token belongs to, without using it up (to check a new password before resetting). */
    public Optional<String> peek(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(live(value), StoredToken.class))
                .map(StoredToken::accountId);
    }

    public void revokeAll(String accountId) {
        mongo.remove(
                Query.query(
                        Criteria.where("purpose").is(purpose).and("accountId").is(accountId)),
                StoredToken.class);
    }

    /** Removes expired tokens of this purpose, a batch at a time (mongo-java-server has no TTL indexes). */
    public int removeExpired() {
        int removed = 0;
        while (true) {
            var expired = Query.query(Criteria.where("purpose")
                            .is(purpose)
                            .and("expiresAt")
                            .lte(clock.instant()))
                    .limit(CLEANUP_BATCH);
            expired.fields().include("_id");
            var ids = mongo.find(expired, org.bson.Document.class, COLLECTION).stream()
                    .map(document -> document.getString("_id"))
                    .toList();
            if (ids.isEmpty()) {
                return removed;
            }
            removed += (int) mongo.remove(Query.query(Criteria.where("_id").in(ids)), StoredToken.class)
                    .getDeletedCount();
            if (ids.size() < CLEANUP_BATCH) {
                return removed;
            }
        }
    }

    private Query live(String value) {
        return Query.query(Criteria.where("_id")
                .is(hash(value))
                .and("purpose")
                .is(purpose)
                .and("expiresAt")
                .gt(clock.instant()));
    }

    private static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

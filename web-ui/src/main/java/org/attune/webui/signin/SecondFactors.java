package org.attune.webui.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.attune.webui.account.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * An account's authenticator-app factor (TOTP) and its ten single-use recovery codes, one document per account in
 * {@code second_factors}. A new enrolment stays unconfirmed until the first code from the app arrives; recovery
 * codes are kept only as SHA-256 hashes (they are 50 random bits each, so a slow hash adds nothing). Every check is
 * one atomic update: a code's step must be newer than the last one used (no replay), a recovery code is pulled out
 * as it is used (works once), and failed attempts are counted before the code is looked at (no parallel bursts).
 */
@Service
public class SecondFactors {

    static final int RECOVERY_CODES = 10;
    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final String ISSUER = "Attune";
    private static final char[] RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();

    @Document("second_factors")
    record Enrolment(
            @Id String accountId,
            String secret,
            boolean confirmed,
            long lastStep,
            List<String> recoveryCodes,
            Instant createdAt,
            Instant confirmedAt,
            int failures,
            Instant failuresSince) {}

    /** What the person copies into their authenticator app and keeps safe, shown once. */
    public record TotpSetup(String otpauthUri, String manualKey, List<String> recoveryCodes) {}

    public enum Outcome {
        AUTHENTICATOR_CODE,
        RECOVERY_CODE,
        WRONG,
        TOO_MANY_ATTEMPTS
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactors(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean hasAuthenticatorApp(UUID accountId) {
        return mongo.exists(
                Query.query(Criteria.where("_id")
                        .is(accountId.toString())
                        .and("confirmed")
                        .is(true)),
                Enrolment.class);
    }

    public int recoveryCodesLeft(UUID accountId) {
        var enrolment = mongo.findById(accountId.toString(), Enrolment.class);
        return enrolment == null || !enrolment.confirmed() || enrolment.recoveryCodes() == null
                ? 0
                : enrolment.recoveryCodes().size();
    }

    /**
     * Starts (or restarts) an enrolment with a new secret and new recovery codes.
     *
     * @throws IllegalStateException when an authenticator app is already confirmed (remove it first)
     */
    public TotpSetup startEnrolment(UUID accountId, String accountName) {
        if (hasAuthenticatorApp(accountId)) {
            throw new IllegalStateException("An authenticator app is already set up");
        }
        var secret = Totp.newSecret(random);
        var codes = recoveryCodes();
        mongo.save(new Enrolment(
                accountId.toString(), secret, false, Long.MIN_VALUE, hashes(codes), clock.instant(), null, 0, null));
        return new TotpSetup(Totp.otpauthUri(ISSUER, accountName, secret), Totp.grouped(secret), codes);
    }

    /**
     * Checks a code from the authenticator app (confirming a new enrolment with its first code) or a recovery code
     * (only once the app is confirmed).
     */
    public Outcome verify(UUID accountId, String typed) {
        var id = accountId.toString();
        var now = clock.instant();
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id).and("failuresSince").lt(now.minus(FAILURE_WINDOW))),
                new Update().set("failures", 0).set("failuresSince", null),
                Enrolment.class);
        var counted = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id)),
                new Update().inc("failures", 1),
                FindAndModifyOptions.options().returnNew(true),
                Enrolment.class);
        if (counted == null) {
            return Outcome.WRONG;
        }
        if (counted.failures() > MAX_FAILURES) {
            return Outcome.TOO_MANY_ATTEMPTS;
        }
        if (counted.failuresSince() == null) {
            mongo.updateFirst(
                    Query.query(
                            Criteria.where("_id").is(id).and("failuresSince").is(null)),
                    Update.update("failuresSince", now),
                    Enrolment.class);
        }
        var outcome = check(counted, normalise(typed), now);
        if (outcome != Outcome.WRONG) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(id)),
                    new Update().set("failures", 0).set("failuresSince", null),
                    Enrolment.class);
        }
        return outcome;
    }

    private Outcome check(Enrolment enrolment, String code, Instant now) {
        var step = Totp.matchingStep(enrolment.secret(), code, now);
        if (step.isPresent()) {
            var used = mongo.findAndModify(
                    Query.query(Criteria.where("_id")
                            .is(enrolment.accountId())
                            .and("secret")
                            .is(enrolment.secret())
                            .and("lastStep")
                            .lt(step.getAsLong())),
                    new Update()
                            .set("lastStep", step.getAsLong())
                            .set("confirmed", true)
                            .set("confirmedAt", enrolment.confirmed() ? enrolment.confirmedAt() : now),
                    Enrolment.class);
            return used == null ? Outcome.WRONG : Outcome.AUTHENTICATOR_CODE;
        }
        if (!enrolment.confirmed() || code.length() != 10) {
            return Outcome.WRONG;
        }
        var spent = mongo.findAndModify(
                Query.query(Criteria.where("_id")
                        .is(enrolment.accountId())
                        .and("confirmed")
                        .is(true)
                        .and("recoveryCodes")
                        .is(hash(code))),
                new Update().pull("recoveryCodes", hash(code)),
                Enrolment.class);
        return spent == null ? Outcome.WRONG : Outcome.RECOVERY_CODE;
    }

    /** Replaces the recovery codes (the old ones stop working); empty when no authenticator app is confirmed. */
    public List<String> newRecoveryCodes(UUID accountId) {
        var codes = recoveryCodes();
        var updated = mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(accountId.toString())
                        .and("confirmed")
                        .is(true)),
                Update.update("recoveryCodes", hashes(codes)),
                Enrolment.class);
        return updated.getModifiedCount() == 0 ? List.of() : codes;
    }

    public void remove(UUID accountId) {
        mongo.remove(Query.query(Criteria.where("_id").is(accountId.toString())), Enrolment.class);
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        mongo.remove(Query.query(Criteria.where("_id").is(deleted.accountId())), Enrolment.class);
    }

    private List<String> recoveryCodes() {
        var codes = new ArrayList<String>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET[random.nextInt(RECOVERY_ALPHABET.length)]);
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** Spaces and dashes dropped, upper case: "abcde-fghij", "ABCDE FGHIJ" and "123 456" are what was meant. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static List<String> hashes(List<String> codes) {
        return codes.stream().map(c -> hash(normalise(c))).toList();
    }

    private static String hash(String normalised) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

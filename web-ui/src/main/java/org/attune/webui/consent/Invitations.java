package org.attune.webui.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.kit.web.InvalidRequestException;
import org.attune.webui.security.Caller;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A therapist invites a client with a one-time code (valid for seven days); the client accepts it by choosing what
 * to share. Only a hash of the code is stored; accepting removes it, so it works once.
 */
@Service
public class Invitations {

    static final Duration VALIDITY = Duration.ofDays(7);

    /** The client holds the therapist's code, so saying why is no disclosure. */
    public static final String THERAPIST_NOT_VERIFIED =
            "This therapist's professional registration hasn't been confirmed on Attune yet, so sharing can't start."
                    + " Your code stays valid until it expires: please try again once they tell you it's confirmed.";

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 12;

    private final MongoTemplate mongo;
    private final Grants grants;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Invitations(MongoTemplate mongo, Grants grants, Clock clock) {
        this.mongo = mongo;
        this.grants = grants;
        this.clock = clock;
    }

    @Document("invitations")
    record Invitation(@Id String codeHash, String therapistId, Instant createdAt, Instant expiresAt) {}

    /** What the therapist passes on to the client. */
    public record Issued(String code, Instant expiresAt) {}

    public Issued invite(Caller therapist) {
        if (!therapist.isTherapist()) {
            throw new ConsentException(ConsentException.Kind.FORBIDDEN, "Only therapists invite clients.");
        }
        var code = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        var now = clock.instant();
        var invitation = new Invitation(hash(code.toString()), therapist.id().toString(), now, now.plus(VALIDITY));
        mongo.insert(invitation);
        return new Issued(code.toString(), invitation.expiresAt());
    }

    /** The client accepts; the code is used up even if the same pair already shares. */
    public Grant accept(Caller client, String code, Set<DataClass> dataClasses, Instant endsAt) {
        if (!client.isClient()) {
            throw new ConsentException(ConsentException.Kind.FORBIDDEN, "Only clients accept invitations.");
        }
        var problems = new ArrayList<InvalidRequestException.FieldProblem>();
        grants.validate(dataClasses, endsAt, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        // Checked before the code is used up: once the therapist is verified, the same code still works.
        var waiting = code == null
                ? null
                : mongo.findOne(
                        Query.query(Criteria.where("_id")
                                .is(hash(code))
                                .and("expiresAt")
                                .gt(clock.instant())),
                        Invitation.class);
        if (waiting != null && !grants.canReceiveShares(UUID.fromString(waiting.therapistId()))) {
            throw new ConsentException(ConsentException.Kind.FORBIDDEN, THERAPIST_NOT_VERIFIED);
        }
        var invitation = code == null
                ? null
                : mongo.findAndRemove(
                        Query.query(Criteria.where("_id")
                                .is(hash(code))
                                .and("expiresAt")
                                .gt(clock.instant())),
                        Invitation.class);
        if (invitation == null) {
            throw new ConsentException(
                    ConsentException.Kind.NOT_FOUND,
                    "This invitation code is not valid (any more). Please ask for a new one.");
        }
        return grants.grant(client.id(), UUID.fromString(invitation.therapistId()), dataClasses, endsAt);
    }

    /** Removes a therapist's open invitations (account erasure). */
    public void deleteOf(UUID therapistId) {
        mongo.remove(Query.query(Criteria.where("therapistId").is(therapistId.toString())), Invitation.class);
    }

    private static String hash(String code) {
        var normal = code.trim().toUpperCase(Locale.ROOT).replace("-", "");
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.attune.webui.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.events.EventJson;
import org.attune.events.Role;
import org.attune.events.Topics;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.web.InvalidRequestException;
import org.attune.webui.account.AccountSuspensions;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.TherapistVerifications;
import org.attune.webui.security.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Consent grants: a client grants a therapist some data classes, optionally until an end date, and can revoke at
 * any time with one call. Each change and its event are one document write; the kit's outbox relay publishes, and {@link ConsentOutbox} activates a grant once its
 * {@code ConsentGranted} is acknowledged.
 */
@Service
public class Grants {

    /** How long a change waits for the broker before it answers; the relay's sweep finishes what did not go out. */
    private static final java.time.Duration PUBLISH_WAIT = java.time.Duration.ofSeconds(35);

    private final MongoTemplate mongo;
    private final Accounts accounts;
    private final OutboxRelay relay;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TherapistVerifications verifications;
    private final AccountSuspensions suspensions;

    Grants(
            MongoTemplate mongo,
            Accounts accounts,
            OutboxRelay relay,
            Clock clock,
            ApplicationEventPublisher events,
            TherapistVerifications verifications,
            AccountSuspensions suspensions) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.relay = relay;
        this.clock = clock;
        this.events = events;
        this.verifications = verifications;
        this.suspensions = suspensions;
    }

    /**
     * The one answer for an address that is not a verified therapist (unknown, a client, waiting for the operator's
     * check, declined or suspended): it must not tell which of these it is.
     */
    public static final String CANNOT_SHARE_WITH_ADDRESS =
            "We couldn't share with that address. Ask your therapist for an invitation link.";

    /** A client can share only with a therapist an operator has verified and not suspended. */
    public boolean canReceiveShares(UUID therapistId) {
        return verifications.isVerified(therapistId) && !suspensions.isSuspended(therapistId);
    }

    /** A client grants the therapist with this email. */
    public Grant grantByEmail(Caller client, String therapistEmail, Set<DataClass> dataClasses, Instant endsAt) {
        requireClient(client);
        var problems = new ArrayList<InvalidRequestException.FieldProblem>();
        var therapist = therapistEmail == null || therapistEmail.isBlank()
                ? Optional.<org.attune.webui.account.Account>empty()
                : accounts.byEmail(therapistEmail)
                        .filter(a -> a.role() == Role.THERAPIST)
                        .filter(a -> canReceiveShares(UUID.fromString(a.id())));
        if (therapistEmail == null || therapistEmail.isBlank()) {
            problems.add(new InvalidRequestException.FieldProblem("therapistEmail", "is required"));
        } else if (therapist.isEmpty()) {
            problems.add(new InvalidRequestException.FieldProblem("therapistEmail", CANNOT_SHARE_WITH_ADDRESS));
        }
        validate(dataClasses, endsAt, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return grant(client.id(), UUID.fromString(therapist.get().id()), dataClasses, endsAt);
    }

    static final String DATA_CLASSES = "dataClasses";

    void validate(Set<DataClass> dataClasses, Instant endsAt, List<InvalidRequestException.FieldProblem> problems) {
        if (dataClasses == null || dataClasses.isEmpty()) {
            problems.add(new InvalidRequestException.FieldProblem(DATA_CLASSES, "choose at least one kind of data"));
        } else if (dataClasses.stream().anyMatch(java.util.Objects::isNull)) {
            problems.add(new InvalidRequestException.FieldProblem(DATA_CLASSES, "has an unknown kind of data"));
        }
        if (endsAt != null && !endsAt.isAfter(clock.instant())) {
            problems.add(new InvalidRequestException.FieldProblem("endsAt", "must be in the future"));
        }
    }

    /** Stores a new grant for the pair and publishes it; a pair has at most one live grant. */
    Grant grant(UUID clientId, UUID therapistId, Set<DataClass> dataClasses, Instant endsAt) {
        if (clientId.equals(therapistId)) {
            throw new ConsentException(ConsentException.Kind.CONFLICT, "You cannot share with yourself.");
        }
        if (!canReceiveShares(therapistId)) {
            throw new ConsentException(ConsentException.Kind.FORBIDDEN, CANNOT_SHARE_WITH_ADDRESS);
        }
        var live = mongo.exists(
                Query.query(Criteria.where("clientId")
                        .is(clientId.toString())
                        .and("therapistId")
                        .is(therapistId.toString())
                        .and("status")
                        .ne(GrantStatus.INACTIVE)),
                Grant.class);
        if (live) {
            throw new ConsentException(
                    ConsentException.Kind.CONFLICT,
                    "You already share with this therapist. Stop that sharing first to change what they see.");
        }
        var now = clock.instant();
        var consentId = UUID.randomUUID();
        var event = new ConsentGranted(
                UUID.randomUUID(),
                now,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                consentId,
                therapistId,
                EnumSet.copyOf(dataClasses),
                now,
                endsAt);
        var grant = new Grant(
                consentId.toString(),
                clientId.toString(),
                therapistId.toString(),
                EnumSet.copyOf(dataClasses),
                now,
                now,
                endsAt,
                GrantStatus.PROPOSED,
                null,
                null,
                Outbox.of(now, List.of(event)),
                false);
        mongo.insert(grant);
        relay.publishNow(Grant.COLLECTION, grant.id(), grant.outbox().events()).block(PUBLISH_WAIT);
        return Optional.ofNullable(mongo.findById(grant.id(), Grant.class)).orElse(grant);
    }

    /** The caller's grants: a client's own, or those given to a therapist. Newest first. */
    public List<Grant> list(Caller caller) {
        var field = caller.isClient() ? "clientId" : "therapistId";
        return mongo.find(
                Query.query(Criteria.where(field).is(caller.id().toString()))
                        .with(Sort.by(Sort.Direction.DESC, "createdAt")),
                Grant.class);
    }

    /** A therapist's grants that are in force now. */
    public List<Grant> activeFor(Caller therapist) {
        var now = clock.instant();
        return list(therapist).stream()
                .filter(g -> g.status() == GrantStatus.ACTIVE)
                .filter(g -> g.endsAt() == null || g.endsAt().isAfter(now))
                .toList();
    }

    /** A grant the caller is party to; the same answer whether it does not exist or is someone else's. */
    public Grant get(Caller caller, String grantId) {
        var grant = mongo.findById(grantId, Grant.class);
        var caller_ = caller.id().toString();
        if (grant == null || !(caller_.equals(grant.clientId()) || caller_.equals(grant.therapistId()))) {
            throw new ConsentException(ConsentException.Kind.NOT_FOUND, "There is no such sharing.");
        }
        return grant;
    }

    /** The client revokes; repeating it is harmless. Anyone else gets not-found. */
    public void revoke(Caller caller, String grantId) {
        var grant = get(caller, grantId);
        if (!grant.clientId().equals(caller.id().toString())) {
            throw new ConsentException(ConsentException.Kind.NOT_FOUND, "There is no such sharing.");
        }
        end(grant, ConsentEndReason.REVOKED_BY_CLIENT, false);
    }

    /** Ends every live grant whose end date has passed. */
    public int expire() {
        var now = clock.instant();
        var due = mongo.find(
                Query.query(Criteria.where("status")
                        .ne(GrantStatus.INACTIVE)
                        .and("endsAt")
                        .lte(now)),
                Grant.class);
        int ended = 0;
        for (var grant : due) {
            if (end(grant, ConsentEndReason.EXPIRED, false)) {
                ended++;
            }
        }
        return ended;
    }

    /** Ends every grant the account is party to and removes them once the services have been told. */
    public void eraseAccount(UUID accountId) {
        var id = accountId.toString();
        var all = mongo.find(
                Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("clientId").is(id),
                                Criteria.where("therapistId").is(id))),
                Grant.class);
        for (var grant : all) {
            if (grant.isLive()) {
                end(grant, ConsentEndReason.ACCOUNT_ERASED, true);
            } else {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(grant.id())), Update.update("purge", true), Grant.class);
                purgeSettled(grant.id());
            }
        }
    }

    /**
     * The consent topic's keys ({@link Topics#consentKey}) of every pair the account is part of, as client or
     * therapist: every pair it was ever part of, since grants are only deleted by an erasure, which tombstones them.
     */
    public Set<String> consentKeysOf(UUID accountId) {
        var id = accountId.toString();
        var keys = new TreeSet<String>();
        for (var grant : mongo.find(
                Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("clientId").is(id),
                                Criteria.where("therapistId").is(id))),
                Grant.class)) {
            keys.add(Topics.consentKey(UUID.fromString(grant.clientId()), UUID.fromString(grant.therapistId())));
        }
        return keys;
    }

    /**
     * True when no grant of the pair with this consent key is in force or still has an event waiting to be
     * published: the pair's last event on the topic is then its final {@code ConsentRevoked}, acknowledged, so a
     * tombstone written now comes after it.
     */
    public boolean isSettled(String consentKey) {
        int colon = consentKey.indexOf(':');
        var unsettled = mongo.exists(
                Query.query(new Criteria()
                        .andOperator(
                                Criteria.where("clientId").is(consentKey.substring(0, colon)),
                                Criteria.where("therapistId").is(consentKey.substring(colon + 1)),
                                new Criteria()
                                        .orOperator(
                                                Criteria.where("status").ne(GrantStatus.INACTIVE),
                                                Criteria.where("outbox.events.0")
                                                        .exists(true)))),
                Grant.class);
        return !unsettled;
    }

    private boolean end(Grant grant, ConsentEndReason reason, boolean purge) {
        var now = clock.instant();
        var event = new ConsentRevoked(
                UUID.randomUUID(),
                now,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                UUID.fromString(grant.clientId()),
                UUID.fromString(grant.id()),
                UUID.fromString(grant.therapistId()),
                reason);
        var ended = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(grant.id()).and("status").ne(GrantStatus.INACTIVE)),
                Outbox.append(
                        new Update()
                                .set("status", GrantStatus.INACTIVE)
                                .set("endReason", reason)
                                .set("endedAt", now)
                                .set("purge", purge),
                        now,
                        List.of(event)),
                FindAndModifyOptions.options().returnNew(true),
                Grant.class);
        if (ended != null) {
            relay.publishNow(Grant.COLLECTION, grant.id(), List.of(EventJson.write(event)))
                    .block(PUBLISH_WAIT);
        }
        if (ended != null) {
            // Open therapist views of this client close at once (live feature).
            events.publishEvent(
                    new GrantChanged(UUID.fromString(grant.clientId()), UUID.fromString(grant.therapistId()), false));
        }
        return ended != null;
    }

    /**
     * Removes a grant marked for purging (its account was erased) once nothing of it waits to be published; the
     * relay's listener does the same after the final revocation goes out ({@link ConsentOutbox}).
     */
    void purgeSettled(String grantId) {
        mongo.remove(
                Query.query(Criteria.where("_id")
                        .is(grantId)
                        .and("purge")
                        .is(true)
                        .and("outbox.events.0")
                        .exists(false)),
                Grant.class);
    }

    private static void requireClient(Caller caller) {
        if (!caller.isClient()) {
            throw new ConsentException(ConsentException.Kind.FORBIDDEN, "Only clients share their own data.");
        }
    }
}

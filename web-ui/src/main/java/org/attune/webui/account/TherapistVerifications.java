package org.attune.webui.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A therapist's professional registration and whether an operator has checked it. Clients can share only with a
 * VERIFIED therapist; a new therapist waits until an operator verifies or declines them.
 */
@Service
public class TherapistVerifications {

    public enum Status {
        WAITING,
        VERIFIED,
        DECLINED
    }

    @Document("therapist_registrations")
    public record Registration(
            @Id String accountId,
            String body,
            String number,
            String country,
            Status status,
            Instant submittedAt,
            Instant decidedAt) {

        public ProfessionalRegistration professional() {
            return new ProfessionalRegistration(body, number, country);
        }
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    TherapistVerifications(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void submit(String accountId, ProfessionalRegistration registration) {
        var normal = registration.normalised();
        mongo.insert(new Registration(
                accountId, normal.body(), normal.number(), normal.country(), Status.WAITING, clock.instant(), null));
    }

    /** A registration checked outside Attune's operator desk (the demo therapist): stored as VERIFIED. */
    public void recordVerified(String accountId, ProfessionalRegistration registration) {
        var normal = registration.normalised();
        var now = clock.instant();
        mongo.save(new Registration(
                accountId, normal.body(), normal.number(), normal.country(), Status.VERIFIED, now, now));
    }

    public Optional<Registration> of(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, Registration.class));
    }

    public boolean isVerified(UUID accountId) {
        return of(accountId.toString())
                .filter(r -> r.status() == Status.VERIFIED)
                .isPresent();
    }

    /** Registrations with this status, oldest first (the longest waiting at the top). */
    public List<Registration> withStatus(Status status) {
        return mongo.find(
                Query.query(Criteria.where("status").is(status)).with(Sort.by("submittedAt")), Registration.class);
    }

    /**
     * Records the operator's decision; empty when there is no such registration. A decision can be changed later (a
     * verified therapist whose registration lapsed can be declined).
     */
    public Optional<Registration> decide(String accountId, Status decision) {
        if (decision == Status.WAITING) {
            throw new IllegalArgumentException("A decision is VERIFIED or DECLINED");
        }
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(accountId)),
                new Update().set("status", decision).set("decidedAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true),
                Registration.class));
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        mongo.remove(Query.query(Criteria.where("_id").is(deleted.accountId())), Registration.class);
    }
}

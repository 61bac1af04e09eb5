package org.attune.webui.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.attune.events.Role;
import org.attune.kit.web.InvalidRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Registers and finds accounts. An email is unique because each normalised email is the {@code _id} of a document
 * in {@code account_emails}: the check is a single-document insert, which holds on every MongoDB-protocol server.
 */
@Service
public class Accounts {

    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_NAME_LENGTH = 80;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final MongoTemplate mongo;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final TherapistVerifications verifications;
    private final ApplicationEventPublisher events;
    private final RecentReads<UUID, Optional<SessionState>> sessionStates = new RecentReads<>();

    Accounts(
            MongoTemplate mongo,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            Clock clock,
            TherapistVerifications verifications,
            ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.encoder = encoder;
        this.policy = policy;
        this.clock = clock;
        this.verifications = verifications;
        this.events = events;
    }

    @Document("account_emails")
    record EmailKey(@Id String email, String accountId) {}

    public static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Creates a verified client account (a therapist needs their professional registration: see the other overload). */
    public Account register(String email, String password, String displayName, Role role) {
        return register(email, password, displayName, role, null);
    }

    /**
     * Creates an account whose email counts as verified: for accounts the deployment itself vouches for (demo mode,
     * tests). People register through {@code identity.Registration}, which creates the account unverified and mails a
     * link. A therapist's professional registration waits for an operator's check either way.
     *
     * @throws InvalidRequestException listing each field at fault
     * @throws EmailTakenException when the email already has an account
     */
    public Account register(
            String email, String password, String displayName, Role role, ProfessionalRegistration registration) {
        validate(email, password, displayName, role, registration);
        var account = insert(normalise(email), displayName.strip(), role, encoder.encode(password), clock.instant());
        submitIfTherapist(account, registration);
        return account;
    }

    /** A new therapist's professional registration goes to the operators' queue; nothing for anyone else. */
    public void submitIfTherapist(Account account, ProfessionalRegistration registration) {
        if (account.role() == Role.THERAPIST) {
            verifications.submit(account.id(), registration);
        }
    }

    /**
     * Creates an operator account (only from the operator's own configuration at start, never from a request).
     *
     * @throws InvalidRequestException listing each field at fault
     * @throws EmailTakenException when the email already has an account
     */
    public Account createOperator(String email, String password, String displayName) {
        var problems = new ArrayList<InvalidRequestException.FieldProblem>();
        check(email, password, displayName, Role.OPERATOR, problems);
        return insert(normalise(email), displayName.strip(), Role.OPERATOR, encoder.encode(password), clock.instant());
    }

    /**
     * Checks a registration's fields, looking at nothing stored (the answer must not depend on who has an account).
     *
     * @throws InvalidRequestException listing each field at fault
     */
    public void validate(
            String email, String password, String displayName, Role role, ProfessionalRegistration registration) {
        var problems = new ArrayList<InvalidRequestException.FieldProblem>();
        if (role == Role.OPERATOR) {
            problems.add(new InvalidRequestException.FieldProblem("role", "is CLIENT or THERAPIST"));
        } else if (role == Role.THERAPIST) {
            if (registration == null) {
                problems.add(new InvalidRequestException.FieldProblem(
                        "professionalRegistration", "is required for therapists (body, number, country)"));
            } else {
                problems.addAll(registration.problems());
            }
        }
        check(email, password, displayName, role, problems);
    }

    private void check(
            String email,
            String password,
            String displayName,
            Role role,
            List<InvalidRequestException.FieldProblem> problems) {
        var normalEmail = normalise(email);
        if (normalEmail.isEmpty()) {
            problems.add(new InvalidRequestException.FieldProblem("email", "is required"));
        } else if (!validEmail(normalEmail)) {
            problems.add(new InvalidRequestException.FieldProblem("email", "is not a valid email address"));
        }
        var name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            problems.add(new InvalidRequestException.FieldProblem("displayName", "is required"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add(new InvalidRequestException.FieldProblem(
                    "displayName", "can have at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (role == null) {
            problems.add(new InvalidRequestException.FieldProblem("role", "is required (CLIENT or THERAPIST)"));
        }
        policy.problem(password, normalEmail, name)
                .ifPresent(p -> problems.add(new InvalidRequestException.FieldProblem("password", p)));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    public static boolean validEmail(String normalEmail) {
        return normalEmail.length() <= MAX_EMAIL_LENGTH
                && EMAIL.matcher(normalEmail).matches();
    }

    /**
     * Stores a new account under an already normalised email and an already computed hash.
     *
     * @throws EmailTakenException when the email already has an account
     */
    public Account insert(String normalEmail, String name, Role role, String passwordHash, Instant emailVerifiedAt) {
        var id = UUID.randomUUID().toString();
        try {
            mongo.insert(new EmailKey(normalEmail, id));
        } catch (DuplicateKeyException taken) {
            throw new EmailTakenException();
        }
        var account = new Account(id, normalEmail, name, role, passwordHash, clock.instant(), emailVerifiedAt, 0);
        try {
            mongo.insert(account);
        } catch (RuntimeException e) {
            mongo.remove(Query.query(Criteria.where("_id").is(normalEmail)), EmailKey.class);
            throw e;
        }
        return account;
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Marks the email as verified (the person opened the link we mailed); true when it was not yet. */
    public boolean markEmailVerified(String accountId) {
        var marked = mongo.updateFirst(
                                Query.query(Criteria.where("_id")
                                        .is(accountId)
                                        .and("emailVerifiedAt")
                                        .is(null)),
                                Update.update("emailVerifiedAt", clock.instant()),
                                Account.class)
                        .getModifiedCount()
                > 0;
        forgetSessionState(accountId);
        return marked;
    }

    /**
     * Sets a new password (checked against the password rules) and raises the session epoch, which ends every session
     * signed in before; a reset by mailed link also verifies the email. Returns the new epoch.
     *
     * @throws InvalidRequestException when the new password is not accepted (field {@code password})
     */
    public long setPassword(Account account, String newPassword, boolean verifiesEmail) {
        checkNewPassword(account, newPassword);
        var update =
                new Update().set("passwordHash", encoder.encode(newPassword)).inc("sessionEpoch", 1);
        if (verifiesEmail && !account.emailVerified()) {
            update.set("emailVerifiedAt", clock.instant());
        }
        var changed = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(account.id())),
                update,
                FindAndModifyOptions.options().returnNew(true),
                Account.class);
        forgetSessionState(account.id());
        if (changed == null) {
            throw new IllegalStateException("The account no longer exists");
        }
        return changed.sessionEpoch();
    }

    /**
     * @throws InvalidRequestException when the password rules refuse this new password for this account (field
     *     {@code password})
     */
    public void checkNewPassword(Account account, String newPassword) {
        policy.problem(newPassword, account.email(), account.displayName()).ifPresent(problem -> {
            throw new InvalidRequestException(
                    java.util.List.of(new InvalidRequestException.FieldProblem("password", problem)));
        });
    }

    /** What a signed-in session needs to know on each request: is the account still there, verified, same epoch. */
    public record SessionState(boolean emailVerified, long sessionEpoch) {}

    /**
     * Asked on every request of a signed-in session and for every service token, so kept a moment ({@link
     * RecentReads}): a change through this instance is seen at once, one through another instance within a second.
     */
    public Optional<SessionState> sessionState(UUID accountId) {
        return sessionStates.get(accountId, this::readSessionState);
    }

    private void forgetSessionState(String accountId) {
        try {
            sessionStates.forget(UUID.fromString(accountId));
        } catch (IllegalArgumentException notAnId) {
            // Such an account has no session state kept.
        }
    }

    private Optional<SessionState> readSessionState(UUID accountId) {
        var query = Query.query(Criteria.where("_id").is(accountId.toString()));
        query.fields().include("emailVerifiedAt").include("sessionEpoch");
        var found = mongo.findOne(query, org.bson.Document.class, "accounts");
        if (found == null) {
            return Optional.empty();
        }
        var epoch = found.get("sessionEpoch") instanceof Number n ? n.longValue() : 0L;
        return Optional.of(new SessionState(found.get("emailVerifiedAt") != null, epoch));
    }

    public Optional<Account> byEmail(String email) {
        var key = mongo.findById(normalise(email), EmailKey.class);
        return key == null ? Optional.empty() : byId(key.accountId());
    }

    public Optional<Account> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Account.class));
    }

    public Optional<Account> byId(UUID id) {
        return byId(id.toString());
    }

    /** True when the password is this account's. */
    public boolean passwordMatches(Account account, String password) {
        return password != null && encoder.matches(password, account.passwordHash());
    }

    /** Removes the account and its email key; everything else the account owns is removed by its feature. */
    public void delete(Account account) {
        mongo.remove(Query.query(Criteria.where("_id").is(account.id())), Account.class);
        forgetSessionState(account.id());
        mongo.remove(Query.query(Criteria.where("_id").is(account.email())), EmailKey.class);
        events.publishEvent(new AccountDeleted(account.id(), account.email()));
    }
}

package org.attune.webui.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.attune.kit.web.InvalidRequestException;
import org.attune.webui.account.Account;
import org.attune.webui.account.Accounts;
import org.attune.webui.security.AccountSessions;
import org.attune.webui.security.AuditLog;
import org.attune.webui.security.Caller;
import org.attune.webui.security.Throttle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.stereotype.Service;

/**
 * Changing a password (signed in, with the current one) and resetting a forgotten one (with a one-time link, valid for
 * {@link #RESET_VALIDITY}). Either way every other session of the account ends (the session epoch rises) and the
 * person gets a mail saying so. Asking for a reset answers the same whether or not the email has an account.
 */
@Service
public class Passwords {

    public static final Duration RESET_VALIDITY = Duration.ofMinutes(30);

    /** How a reset by link went. */
    public enum ResetOutcome {
        DONE,
        /** Unknown, used or expired link. */
        INVALID_LINK
    }

    /** How a change went. */
    public enum ChangeOutcome {
        DONE,
        WRONG_CURRENT_PASSWORD,
        THROTTLED
    }

    private final MongoOneTimeTokenService resetTokens;
    private final Accounts accounts;
    private final AccountMail mail;
    private final Throttle throttle;
    private final AuditLog audit;
    private final Clock clock;

    Passwords(
            MongoTemplate mongo, Accounts accounts, AccountMail mail, Throttle throttle, AuditLog audit, Clock clock) {
        this.resetTokens = new MongoOneTimeTokenService(mongo, clock, MongoOneTimeTokenService.Purpose.PASSWORD_RESET);
        this.accounts = accounts;
        this.mail = mail;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * "Forgot password": mails a reset link if the email has an account, and nothing otherwise; the caller cannot tell.
     *
     * @throws ThrottledException over the mail limits (counted the same for every email)
     * @throws InvalidRequestException when what was typed is not an email address at all
     */
    public void requestReset(String email, String ip) {
        require(throttle.tryAcquire(Throttle.Limit.MAIL_PER_IP, ip));
        var normalEmail = Accounts.normalise(email);
        if (!Accounts.validEmail(normalEmail)) {
            throw new InvalidRequestException(java.util.List.of(
                    new InvalidRequestException.FieldProblem("email", "is not a valid email address")));
        }
        require(throttle.tryAcquire(Throttle.Limit.MAIL_PER_ADDRESS, normalEmail));
        mail.later(() -> accounts.byEmail(normalEmail).ifPresent(account -> {
            var token = resetTokens.generate(new GenerateOneTimeTokenRequest(account.id(), RESET_VALIDITY));
            mail.sendPasswordReset(account, token.getTokenValue(), RESET_VALIDITY.toMinutes());
        }));
    }

    /** The account a reset link is for, while the link is still valid (the link is not used up by looking). */
    public Optional<Account> accountOfResetLink(String token) {
        return resetTokens.peek(token).flatMap(accounts::byId);
    }

    /**
     * Sets a new password with a reset link: the link is used up, every session of the account ends, the email counts
     * as verified (the link reached it) and the account's sign-in limit starts afresh.
     *
     * @throws InvalidRequestException when the new password is not accepted; the link then still works
     */
    public ResetOutcome reset(String token, String newPassword) {
        var account = accountOfResetLink(token).orElse(null);
        if (account == null) {
            return ResetOutcome.INVALID_LINK;
        }
        accounts.checkNewPassword(account, newPassword);
        if (resetTokens.consume(OneTimeTokenAuthenticationToken.unauthenticated(token)) == null) {
            return ResetOutcome.INVALID_LINK;
        }
        accounts.setPassword(account, newPassword, true);
        resetTokens.revokeAll(account.id());
        throttle.clear(Throttle.Limit.SIGN_IN_PER_ACCOUNT, account.email());
        audit.record(AuditLog.Kind.PASSWORD_RESET, account.id(), null);
        mail.later(() -> mail.sendPasswordChanged(account));
        return ResetOutcome.DONE;
    }

    /**
     * A signed-in person changes their password: this session stays signed in, every other one ends. The current
     * password is checked within the sign-in limit of the account.
     *
     * @throws InvalidRequestException when the new password is not accepted
     */
    public ChangeOutcome change(Caller caller, String currentPassword, String newPassword) {
        var account = accounts.byId(caller.id()).orElse(null);
        if (account == null) {
            return ChangeOutcome.WRONG_CURRENT_PASSWORD;
        }
        accounts.checkNewPassword(account, newPassword);
        if (!throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_ACCOUNT, account.email())
                .allowed()) {
            return ChangeOutcome.THROTTLED;
        }
        if (!accounts.passwordMatches(account, currentPassword)) {
            return ChangeOutcome.WRONG_CURRENT_PASSWORD;
        }
        throttle.clear(Throttle.Limit.SIGN_IN_PER_ACCOUNT, account.email());
        // This session moves to the new epoch first: a session ahead of the account is never ended, so its own
        // requests in between are not mistaken for stale ones.
        AccountSessions.keepCurrentSession(account.sessionEpoch() + 1);
        accounts.setPassword(account, newPassword, false);
        audit.record(AuditLog.Kind.PASSWORD_CHANGED, account.id(), null);
        mail.later(() -> mail.sendPasswordChanged(account));
        return ChangeOutcome.DONE;
    }

    @Scheduled(fixedDelayString = "${attune.throttle.cleanup-interval:1m}")
    void removeExpired() {
        resetTokens.removeExpired();
    }

    private void require(Throttle.Decision decision) {
        if (!decision.allowed()) {
            throw new ThrottledException(decision.retryAfterSeconds(clock));
        }
    }
}

package org.attune.webui.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.attune.webui.account.Account;
import org.attune.webui.account.Accounts;
import org.attune.webui.security.AuditLog;
import org.attune.webui.security.Throttle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.stereotype.Service;

/**
 * Verifying an email: a one-time link valid for {@link #VALIDITY}, mailed at registration and again on request (within
 * the mail limits). Opening the link shows a page with a button; only pressing it uses the token, so a mail scanner
 * that fetches links does not use it up.
 */
@Service
public class EmailVerification {

    public static final Duration VALIDITY = Duration.ofHours(24);

    private final MongoOneTimeTokenService tokens;
    private final Accounts accounts;
    private final AccountMail mail;
    private final Throttle throttle;
    private final AuditLog audit;
    private final Clock clock;

    EmailVerification(
            MongoTemplate mongo, Accounts accounts, AccountMail mail, Throttle throttle, AuditLog audit, Clock clock) {
        this.tokens = new MongoOneTimeTokenService(mongo, clock, MongoOneTimeTokenService.Purpose.EMAIL_VERIFICATION);
        this.accounts = accounts;
        this.mail = mail;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /** Mails a fresh link (the earlier ones stop working). Runs on the mail worker. */
    void sendLink(Account account) {
        var token = tokens.generate(new GenerateOneTimeTokenRequest(account.id(), VALIDITY));
        mail.sendVerification(account, token.getTokenValue(), VALIDITY.toHours());
    }

    /**
     * A signed-in person whose email is not verified asks for the link again.
     *
     * @throws ThrottledException over the mail limits
     */
    public void resend(UUID accountId, String ip) {
        var account = accounts.byId(accountId).orElse(null);
        if (account == null || account.emailVerified()) {
            return;
        }
        require(throttle.tryAcquire(Throttle.Limit.MAIL_PER_IP, ip));
        require(throttle.tryAcquire(Throttle.Limit.MAIL_PER_ADDRESS, account.email()));
        mail.later(() -> sendLink(account));
    }

    /** Uses the token and verifies its account's email; false when the link is unknown, used or expired. */
    public boolean verify(String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        var consumed = tokens.consume(OneTimeTokenAuthenticationToken.unauthenticated(token));
        if (consumed == null) {
            return false;
        }
        if (accounts.markEmailVerified(consumed.getUsername())) {
            audit.record(AuditLog.Kind.EMAIL_VERIFIED, consumed.getUsername(), null);
        }
        return true;
    }

    @Scheduled(fixedDelayString = "${attune.throttle.cleanup-interval:1m}")
    void removeExpired() {
        tokens.removeExpired();
    }

    private void require(Throttle.Decision decision) {
        if (!decision.allowed()) {
            throw new ThrottledException(decision.retryAfterSeconds(clock));
        }
    }
}

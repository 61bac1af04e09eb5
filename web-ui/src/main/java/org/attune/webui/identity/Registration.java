package org.attune.webui.identity;

import java.time.Clock;
import org.attune.events.Role;
import org.attune.kit.web.InvalidRequestException;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.EmailTakenException;
import org.attune.webui.account.ProfessionalRegistration;
import org.attune.webui.security.AuditLog;
import org.attune.webui.security.Throttle;
import org.springframework.stereotype.Service;

/**
 * Registration as people do it, in a way that tells no one whether an email already has an account: the answer
 * depends only on what was typed (field problems) and on the limits (counted per address and per typed email before
 * the password is hashed). The password is hashed either way; storing the account and the mail happen after the
 * answer. A new address gets a link to verify it; an address that already has an account gets a note that someone
 * tried to register with it instead.
 */
@Service
public class Registration {

    private final Accounts accounts;
    private final EmailVerification verification;
    private final AccountMail mail;
    private final Throttle throttle;
    private final AuditLog audit;
    private final Clock clock;

    Registration(
            Accounts accounts,
            EmailVerification verification,
            AccountMail mail,
            Throttle throttle,
            AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.verification = verification;
        this.mail = mail;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Accepts a registration; the person finds out by mail what happens next.
     *
     * @throws ThrottledException over the registration limit of this address or the mail limit of this email
     * @throws InvalidRequestException listing each field at fault
     */
    public void register(
            String email,
            String password,
            String displayName,
            Role role,
            ProfessionalRegistration professionalRegistration,
            String ip) {
        require(throttle.tryAcquire(Throttle.Limit.REGISTRATION_PER_IP, ip));
        accounts.validate(email, password, displayName, role, professionalRegistration);
        var normalEmail = Accounts.normalise(email);
        require(throttle.tryAcquire(Throttle.Limit.MAIL_PER_ADDRESS, normalEmail));
        var hash = accounts.hash(password);
        var name = displayName.strip();
        mail.later(() -> {
            try {
                var account = accounts.insert(normalEmail, name, role, hash, null);
                audit.record(AuditLog.Kind.ACCOUNT_REGISTERED, account.id(), ip);
                accounts.submitIfTherapist(account, professionalRegistration);
                verification.sendLink(account);
            } catch (EmailTakenException taken) {
                mail.sendRegistrationAttempt(normalEmail);
            }
        });
    }

    private void require(Throttle.Decision decision) {
        if (!decision.allowed()) {
            throw new ThrottledException(decision.retryAfterSeconds(clock));
        }
    }
}

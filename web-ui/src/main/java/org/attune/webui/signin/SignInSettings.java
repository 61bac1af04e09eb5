package org.attune.webui.signin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.attune.webui.account.AccountPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * What the sign-in pages show and change for the person signed in now (also while their sign-in waits for its
 * second factor, when {@link org.attune.webui.security.Caller} does not know them yet). Changing an existing factor
 * needs a complete sign-in; setting up the first one is open to someone who must have one and has none.
 */
@Service
public class SignInSettings {

    public record Passkey(String id, String label, Instant created, Instant lastUsed) {}

    public record Status(
            boolean complete,
            boolean secondFactorRequired,
            boolean authenticatorApp,
            int recoveryCodesLeft,
            List<Passkey> passkeys) {

        public boolean hasStrongFactor() {
            return authenticatorApp || !passkeys.isEmpty();
        }
    }

    private final SignInPolicy policy;
    private final SecondFactors secondFactors;
    private final MongoPasskeys passkeys;

    SignInSettings(SignInPolicy policy, SecondFactors secondFactors, MongoPasskeys passkeys) {
        this.policy = policy;
        this.secondFactors = secondFactors;
        this.passkeys = passkeys;
    }

    /** Empty when nobody is signed in. */
    public Optional<Status> current() {
        return signedIn()
                .map(account -> new Status(
                        SignInPolicy.hasRole(authentication(), account),
                        policy.secondFactorRequired(account),
                        secondFactors.hasAuthenticatorApp(account.id()),
                        secondFactors.recoveryCodesLeft(account.id()),
                        passkeys.ofUser(account.email()).stream()
                                .map(c -> new Passkey(
                                        c.getCredentialId().toBase64UrlString(),
                                        c.getLabel(),
                                        c.getCreated(),
                                        c.getLastUsed()))
                                .toList()));
    }

    /** A new authenticator-app secret and recovery codes; empty when this sign-in may not set one up now. */
    public Optional<SecondFactors.TotpSetup> startAuthenticatorApp() {
        return changeable(true).flatMap(account -> {
            try {
                return Optional.of(secondFactors.startEnrolment(account.id(), account.email()));
            } catch (IllegalStateException alreadySetUp) {
                return Optional.empty();
            }
        });
    }

    public boolean removeAuthenticatorApp() {
        return changeable(false)
                .map(account -> {
                    secondFactors.remove(account.id());
                    return true;
                })
                .orElse(false);
    }

    public List<String> newRecoveryCodes() {
        return changeable(false)
                .map(account -> secondFactors.newRecoveryCodes(account.id()))
                .orElse(List.of());
    }

    public boolean removePasskey(String id) {
        return changeable(false)
                .map(account -> passkeys.deleteCredential(account.email(), id))
                .orElse(false);
    }

    /** The account, when this sign-in may change its factors (or, with {@code firstOne}, set up its first). */
    private Optional<AccountPrincipal> changeable(boolean firstOne) {
        return signedIn()
                .filter(account -> SignInPolicy.hasRole(authentication(), account)
                        || (firstOne
                                && !secondFactors.hasAuthenticatorApp(account.id())
                                && !passkeys.hasAny(account.email())));
    }

    private static Optional<AccountPrincipal> signedIn() {
        var authentication = authentication();
        return authentication != null
                        && authentication.isAuthenticated()
                        && authentication.getPrincipal() instanceof AccountPrincipal account
                ? Optional.of(account)
                : Optional.empty();
    }

    private static Authentication authentication() {
        return SecurityContextHolder.getContext().getAuthentication();
    }
}

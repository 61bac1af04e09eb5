package org.attune.webui.signin;

import java.util.ArrayList;
import java.util.function.Supplier;
import org.attune.events.Role;
import org.attune.webui.account.AccountPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * When a sign-in is complete. A password is one factor; a second one is required for therapists and operators while
 * {@code attune.sign-in.therapist-mfa-required} is on (the default; {@code ATTUNE_THERAPIST_MFA_REQUIRED}), and for
 * anyone who has set up an authenticator app. Strong enough then is, in Spring Security's factor authorities: a
 * passkey with user verification ({@code FACTOR_WEBAUTHN}), or a password and a code from the authenticator app or a
 * recovery code ({@code FACTOR_PASSWORD} and {@link #TOTP_AUTHORITY}).
 *
 * <p>Until a sign-in is complete it carries no role: no view, API, consent action or service token (all of which
 * require the role) is reachable; only finishing the sign-in is.
 */
@Component
public class SignInPolicy {

    /** The factor the authenticator app (or a recovery code) adds; distinct from Spring's emailed one-time token. */
    public static final String TOTP_AUTHORITY = "FACTOR_TOTP";

    private final SecondFactors secondFactors;
    private final boolean therapistsRequired;
    private final AuthorizationManager<Object> strong = AuthorizationManagers.anyOf(
            AllRequiredFactorsAuthorizationManager.builder()
                    .requireFactor(factor -> factor.webauthnAuthority())
                    .build(),
            AllRequiredFactorsAuthorizationManager.builder()
                    .requireFactor(factor -> factor.passwordAuthority())
                    .requireFactor(factor -> factor.authority(TOTP_AUTHORITY))
                    .build());

    SignInPolicy(
            SecondFactors secondFactors,
            @Value("${attune.sign-in.therapist-mfa-required:true}") boolean therapistsRequired) {
        this.secondFactors = secondFactors;
        this.therapistsRequired = therapistsRequired;
    }

    public boolean secondFactorRequired(AccountPrincipal account) {
        var staff = account.role() == Role.THERAPIST || account.role() == Role.OPERATOR;
        return (staff && therapistsRequired) || secondFactors.hasAuthenticatorApp(account.id());
    }

    /** The factors of this sign-in meet the strong rule (whether or not the account needs it). */
    public boolean hasStrongFactors(Authentication authentication) {
        Supplier<Authentication> current = () -> authentication;
        var decision = strong.authorize(current, this);
        return decision != null && decision.isGranted();
    }

    /** Signed in with a password (or passkey) but not yet with the second factor this account needs. */
    public boolean awaitsSecondFactor(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof AccountPrincipal account
                && !hasRole(authentication, account);
    }

    /**
     * A first factor's result as it may stand: unchanged when complete, otherwise the same sign-in without its role,
     * so it can do nothing but finish signing in.
     */
    Authentication withRoleOnlyIfComplete(Authentication result) {
        if (!(result.getPrincipal() instanceof AccountPrincipal account)
                || hasStrongFactors(result)
                || !secondFactorRequired(account)) {
            return result;
        }
        var authorities = new ArrayList<GrantedAuthority>();
        for (var authority : result.getAuthorities()) {
            if (!authority.getAuthority().startsWith("ROLE_")) {
                authorities.add(authority);
            }
        }
        var pending = UsernamePasswordAuthenticationToken.authenticated(account, null, authorities);
        pending.setDetails(result.getDetails());
        return pending;
    }

    static boolean hasRole(Authentication authentication, AccountPrincipal account) {
        var role = "ROLE_" + account.role().name();
        return authentication.getAuthorities().stream().anyMatch(a -> role.equals(a.getAuthority()));
    }
}

package org.attune.webui.signin;

import java.net.URI;
import java.util.Set;
import org.attune.webui.account.AccountPrincipal;
import org.attune.webui.account.AccountSuspensions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Strong sign-in, assembled from what Spring Security 7 provides: passkeys ({@code http.webAuthn}, its ceremony
 * endpoints and webauthn4j verification, over {@link MongoPasskeys}), multi-factor authentication (factor
 * authorities merged across the steps of one sign-in by {@link EnableMultiFactorAuthentication}) and the request
 * authorization API. Hand-written: the authenticator-app factor ({@link Totp}, {@link SecondFactors}) and the rule of
 * who needs which factors ({@link SignInPolicy}).
 *
 * <p>The security configuration calls {@link #passwordFactor}, {@link #configure} and {@link #configureApi}; nothing
 * else of it changes.
 */
@Configuration(proxyBeanMethods = false)
@EnableMultiFactorAuthentication(authorities = {})
public class StrongSignIn {

    private final SignInPolicy policy;
    private final SecondFactors secondFactors;
    private final MongoPasskeys passkeys;
    private final AccountSuspensions suspensions;
    private final UserDetailsService users;
    private final ApplicationEventPublisher events;
    private final URI publicUrl;
    private final SecurityContextHolderStrategy contexts;

    StrongSignIn(
            SignInPolicy policy,
            SecondFactors secondFactors,
            MongoPasskeys passkeys,
            AccountSuspensions suspensions,
            UserDetailsService users,
            ApplicationEventPublisher events,
            @Value("${attune.public-url}") URI publicUrl,
            SecurityContextHolderStrategy contexts) {
        this.policy = policy;
        this.secondFactors = secondFactors;
        this.passkeys = passkeys;
        this.suspensions = suspensions;
        this.users = users;
        this.events = events;
        this.publicUrl = publicUrl;
        this.contexts = contexts;
        // Spring's passkey filters take the global strategy when they are built, and some cannot be given another;
        // Vaadin makes its strategy the global one only once every bean exists, after the filter chains. Installing
        // that same strategy now, before the chains are built, lets those filters see who is signed in.
        SecurityContextHolder.setContextHolderStrategy(contexts);
    }

    /**
     * The relying party is the public URL's host, and ceremonies count only from its origin. Passkeys must verify
     * the person (PIN or biometrics), so that a passkey alone is two factors, and be discoverable, so that signing
     * in needs no email.
     */
    @Bean
    Webauthn4JRelyingPartyOperations passkeyRelyingParty() {
        var operations = new Webauthn4JRelyingPartyOperations(
                passkeys,
                passkeys,
                PublicKeyCredentialRpEntity.builder()
                        .id(publicUrl.getHost())
                        .name("Attune")
                        .build(),
                Set.of(origin()));
        operations.setCustomizeCreationOptions(
                options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build()));
        operations.setCustomizeRequestOptions(
                options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return operations;
    }

    private String origin() {
        var port = publicUrl.getPort();
        return publicUrl.getScheme() + "://" + publicUrl.getHost() + (port < 0 ? "" : ":" + port);
    }

    /** The password provider as the first factor: its sign-in carries no role while a second factor is due. */
    public AuthenticationProvider passwordFactor(AuthenticationProvider password) {
        return new FirstFactorProvider(password, policy);
    }

    /** Passkeys, the authenticator-app step and suspension checks on the browser (Vaadin) chain. */
    public void configure(HttpSecurity http) throws Exception {
        var relyingParty = http.getSharedObject(org.springframework.context.ApplicationContext.class)
                .getBean(Webauthn4JRelyingPartyOperations.class);
        var passkeyManager = new ProviderManager(
                new PasskeyAccountProvider(new WebAuthnAuthenticationProvider(relyingParty, users), users));
        passkeyManager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        var uri = publicUrl.getHost();
        http.webAuthn(webAuthn -> webAuthn.rpId(uri)
                .rpName("Attune")
                .allowedOrigins(origin())
                .disableDefaultRegistrationPage(true)
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(passkeyManager);
                        filter.setSecurityContextHolderStrategy(contexts);
                        filter.setMfaEnabled(true);
                        // Spring's passkey configurer leaves the session id as it was; a sign-in must change it.
                        filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                        return filter;
                    }
                }));
        var codeManager = new ProviderManager(new AuthenticatorCodeProvider(users, secondFactors));
        codeManager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        var codeFilter = new AuthenticatorCodeFilter(codeManager, contexts);
        codeFilter.setApplicationEventPublisher(events);
        http.addFilterAfter(codeFilter, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers("/webauthn/register", "/webauthn/register/**")
                                .access(mayChangePasskeys()));
        configureApi(http);
    }

    /** Sessions of a suspended account end at their next request, on any chain. */
    public void configureApi(HttpSecurity http) {
        http.addFilterAfter(new EndSuspendedSessions(suspensions, contexts), SecurityContextHolderFilter.class);
    }

    /**
     * Adding or removing a passkey needs a complete sign-in, except for someone who must set up a second factor and
     * has none yet (their password is all they can have).
     */
    private AuthorizationManager<RequestAuthorizationContext> mayChangePasskeys() {
        return (authentication, context) -> {
            var current = authentication.get();
            if (current == null
                    || !current.isAuthenticated()
                    || !(current.getPrincipal() instanceof AccountPrincipal account)) {
                return new AuthorizationDecision(false);
            }
            boolean complete = SignInPolicy.hasRole(current, account);
            boolean nothingYet = !secondFactors.hasAuthenticatorApp(account.id()) && !passkeys.hasAny(account.email());
            return new AuthorizationDecision(complete || nothingYet);
        };
    }
}

package org.attune.webui.config;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.webui.security.AccountSessions;
import org.attune.webui.security.SecurityHeadersFilter;
import org.attune.webui.security.SessionEpochFilter;
import org.attune.webui.security.SessionLifetimeFilter;
import org.attune.webui.security.SignInFailures;
import org.attune.webui.security.SignInThrottledException;
import org.attune.webui.security.Throttle;
import org.attune.webui.security.ThrottledSignIn;
import org.attune.webui.signin.StrongSignIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. The JSON API ({@code /api/**}, {@code /.well-known/**}) accepts web-ui's own bearer tokens or
 * the browser session; CSRF protection applies to unsafe requests that ride on the session cookie, never to
 * bearer-token calls. Everything else is the Vaadin application, where Vaadin's view access control decides which
 * views need a signed-in person. Both send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    /** The page behind a reminder email's link, passed through to notification-service. */
    static final String REMINDER_LINKS = "/reminder-links/*";

    /** Path of the login view ({@code LoginView}); Vaadin sends people who are not signed in there. */
    static final String LOGIN_PATH = "/login";

    /**
     * Vaadin's production bundle needs inline bootstrap scripts and inline styles; everything else is same-origin
     * only, and no one may frame the application.
     */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService users,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            Throttle throttle,
            StrongSignIn strong) {
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        // Account status (suspended) is checked after the password, so it tells nothing to someone without it.
        provider.setPreAuthenticationChecks(user -> {});
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        // Limits are counted before the password hash; the first factor's authority is added after it.
        var manager = new ProviderManager(strong.passwordFactor(ThrottledSignIn.guard(provider, throttle)));
        var publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(
                Map.of(SignInThrottledException.class, AuthenticationFailureLockedEvent.class));
        manager.setAuthenticationEventPublisher(publisher);
        return manager;
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter(CONTENT_SECURITY_POLICY));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private final Clock clock;
    private final Duration absoluteLifetime;
    private final AccountSessions accountSessions;

    SecurityConfig(
            Clock clock,
            @Value("${attune.session.absolute-lifetime:12h}") Duration absoluteLifetime,
            AccountSessions accountSessions) {
        this.clock = clock;
        this.absoluteLifetime = absoluteLifetime;
        this.accountSessions = accountSessions;
    }

    /** Not a bean: a Filter bean would also be registered with the servlet container on its own. */
    private SessionLifetimeFilter sessionLifetime() {
        return new SessionLifetimeFilter(clock, absoluteLifetime);
    }

    /** Not a bean either, for the same reason. */
    private SessionEpochFilter sessionEpochs() {
        return new SessionEpochFilter(accountSessions);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, JwtDecoder ownTokenDecoder, StrongSignIn strong)
            throws Exception {
        var roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(jwt -> {
            var role = jwt.getClaimAsString("role");
            return role == null ? List.<GrantedAuthority>of() : List.of(new SimpleGrantedAuthority("ROLE_" + role));
        });
        // No authenticationManager here: the resource server brings its own JWT provider (the DAO one would
        // shadow it); /api/token authenticates passwords itself.
        http.securityMatcher("/api/**", "/.well-known/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/.well-known/**")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/accounts",
                                "/api/token",
                                "/api/email-verifications",
                                "/api/password-reset-requests",
                                "/api/password-resets")
                        .permitAll()
                        .requestMatchers("/api/operator/**")
                        .hasRole("OPERATOR")
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(
                        rs -> rs.jwt(jwt -> jwt.decoder(ownTokenDecoder).jwtAuthenticationConverter(roles))
                                .authenticationEntryPoint(ProblemResponses.unauthorized())
                                .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::unsafeSessionRequest))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .addFilterBefore(sessionLifetime(), SecurityContextHolderFilter.class)
                .addFilterAfter(sessionEpochs(), SecurityContextHolderFilter.class);
        strong.configureApi(http);
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, AuthenticationManager authenticationManager, StrongSignIn strong) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll()
                // A reminder email's link: its signed token is the permission, checked by notification-service.
                .requestMatchers(REMINDER_LINKS)
                .permitAll());
        // No session and no CSRF token behind an email link; a forged request would need the signed token itself.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(REMINDER_LINKS));
        http.authenticationManager(authenticationManager)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterBefore(sessionLifetime(), SecurityContextHolderFilter.class)
                .addFilterAfter(sessionEpochs(), SecurityContextHolderFilter.class);
        strong.configure(http);
        headers(http);
        return SignInFailures.redirect(
                http.with(vaadin(), vaadin -> vaadin.loginView(LOGIN_PATH)).build(), LOGIN_PATH);
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .contentTypeOptions(Customizer.withDefaults())
                .cacheControl(Customizer.withDefaults()));
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * CSRF matters only where the browser adds the credentials by itself: an unsafe request without an
     * Authorization header that carries a session cookie.
     */
    static boolean unsafeSessionRequest(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader("Authorization") != null) {
            return false;
        }
        return request.getRequestedSessionId() != null;
    }

    /** 401 and 403 of the JSON API as problem+json. */
    static final class ProblemResponses {

        private ProblemResponses() {}

        static org.springframework.security.web.AuthenticationEntryPoint unauthorized() {
            return (request, response, e) -> {
                response.setHeader("WWW-Authenticate", "Bearer");
                write(response, HttpStatus.UNAUTHORIZED, "Please sign in or send a valid token.");
            };
        }

        static org.springframework.security.web.access.AccessDeniedHandler forbidden() {
            return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "This is not available to you.");
        }

        private static void write(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
                throws java.io.IOException {
            response.setStatus(status.value());
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                            + status.value() + ",\"detail\":\"" + detail + "\"}");
        }
    }
}

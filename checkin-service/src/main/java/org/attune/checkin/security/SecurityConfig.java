package org.attune.checkin.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.attune.checkin.config.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every request carries a web-ui token (RS256, issuer and audience checked, {@code sub} an account id, {@code role}
 * CLIENT or THERAPIST). Keys are fetched from the JWKS URL on first use, so the service starts while web-ui is down.
 * Deny by default.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    private static final Set<String> ROLES = Set.of("CLIENT", "THERAPIST");

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(
                                "/actuator/health/**",
                                "/actuator/health",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs/**",
                                "/v3/api-docs",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/webjars/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/questionnaires", "/api/v1/questionnaires/*")
                        .authenticated()
                        .pathMatchers("/api/v1/clients/**")
                        .hasRole("THERAPIST")
                        .pathMatchers(
                                "/api/v1/checkins",
                                "/api/v1/questionnaires/*/responses",
                                "/api/v1/session-feedback",
                                "/api/v1/session-feedback/*/share",
                                "/api/v1/safety-flags",
                                "/api/v1/help-now",
                                "/api/v1/progress",
                                "/api/v1/access-log")
                        .hasRole("CLIENT")
                        .pathMatchers(HttpMethod.GET, "/api/v1/export")
                        .authenticated()
                        .anyExchange()
                        .denyAll())
                .oauth2ResourceServer(oauth -> oauth.jwt(
                                jwt -> jwt.jwtAuthenticationConverter(SecurityConfig::toAuthentication))
                        .authenticationEntryPoint((exchange, e) -> problem(
                                exchange,
                                HttpStatus.UNAUTHORIZED,
                                "Not signed in",
                                "Please sign in again; your session may have ended."))
                        .accessDeniedHandler((exchange, e) -> problem(
                                exchange, HttpStatus.FORBIDDEN, "Forbidden", "This is not available to your account.")))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((exchange, e) -> problem(
                                exchange,
                                HttpStatus.UNAUTHORIZED,
                                "Not signed in",
                                "Please sign in again; your session may have ended."))
                        .accessDeniedHandler((exchange, e) -> problem(
                                exchange, HttpStatus.FORBIDDEN, "Forbidden", "This is not available to your account.")))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
        // withJwkSetUri fetches the key set lazily, on the first token to validate.
        var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(properties.issuer(), properties.audience()));
        // Keys that cannot be fetched (web-ui down) make the token unverifiable: a 401, never a 500.
        return token -> decoder.decode(token)
                .onErrorMap(
                        e -> !(e instanceof JwtException),
                        e -> new BadJwtException("The token could not be verified right now", e));
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> audienceValidator =
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
        OAuth2TokenValidator<Jwt> roleValidator =
                new JwtClaimValidator<Object>("role", role -> role instanceof String r && ROLES.contains(r));
        OAuth2TokenValidator<Jwt> subjectValidator = jwt -> isUuid(jwt.getSubject())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "sub must be an account id", null));
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), audienceValidator, roleValidator, subjectValidator);
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Mono<JwtAuthenticationToken> toAuthentication(Jwt jwt) {
        var role = jwt.getClaimAsString("role");
        return Mono.just(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        var body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\",\"instance\":\""
                + exchange.getRequest().getPath().value().replace("\\", "").replace("\"", "") + "\"}";
        var buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}

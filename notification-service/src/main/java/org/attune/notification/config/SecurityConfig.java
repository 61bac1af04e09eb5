package org.attune.notification.config;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens signed by web-ui: keys fetched lazily from the JWKS endpoint (the service starts while web-ui is
 * down), issuer and audience checked, {@code role} mapped to {@code ROLE_CLIENT} / {@code ROLE_THERAPIST}. Everything
 * not explicitly public needs a valid token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
        // withJwkSetUri fetches keys on first use, not at startup.
        var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        properties.jwksUri().toString())
                .build();
        OAuth2TokenValidator<Jwt> audience =
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(
                                new OAuth2Error("invalid_token", "The token is not meant for this service", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience));
        return decoder;
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(ex -> ex.pathMatchers(
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
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt ->
                                jwt.jwtDecoder(decoder).jwtAuthenticationConverter(SecurityConfig::toAuthentication))
                        .authenticationEntryPoint((exchange, e) ->
                                problem(exchange, HttpStatus.UNAUTHORIZED, "A valid sign-in is needed for this."))
                        .accessDeniedHandler((exchange, e) ->
                                problem(exchange, HttpStatus.FORBIDDEN, "This is not available to you.")))
                .exceptionHandling(eh -> eh.authenticationEntryPoint((exchange, e) ->
                                problem(exchange, HttpStatus.UNAUTHORIZED, "A valid sign-in is needed for this."))
                        .accessDeniedHandler((exchange, e) ->
                                problem(exchange, HttpStatus.FORBIDDEN, "This is not available to you.")))
                .build();
    }

    private static Mono<AbstractAuthenticationToken> toAuthentication(Jwt jwt) {
        Converter<Jwt, Collection<GrantedAuthority>> roles = token -> {
            String role = token.getClaimAsString("role");
            if ("CLIENT".equals(role) || "THERAPIST".equals(role)) {
                return List.of(new SimpleGrantedAuthority("ROLE_" + role));
            }
            return List.of();
        };
        return Mono.just(new JwtAuthenticationToken(jwt, roles.convert(jwt), jwt.getSubject()));
    }

    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String detail) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}";
        var buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}

package org.attune.content.config;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A stateless OAuth2 resource server: tokens signed by web-ui (RS256), checked for issuer, audience and lifetime,
 * with the {@code role} claim mapped to {@code ROLE_CLIENT} or {@code ROLE_THERAPIST}. Everything is denied unless
 * listed here. Signing keys are fetched on first use, so the service starts while web-ui is down.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String[] OPEN = {
        "/actuator/health/**",
        "/actuator/health",
        "/actuator/info",
        "/actuator/prometheus",
        "/v3/api-docs/**",
        "/v3/api-docs",
        "/swagger-ui/**",
        "/swagger-ui.html",
        "/webjars/**"
    };

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> problem(
                exchange, HttpStatus.UNAUTHORIZED, "Unauthenticated", "A valid sign-in token is needed for this.");
        ServerAccessDeniedHandler denied =
                (exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN, "Forbidden", "This account may not do this.");
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(authorize -> authorize
                        .pathMatchers(OPEN)
                        .permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/content/*/engagements")
                        .hasRole("CLIENT")
                        .pathMatchers("/api/v1/recommendations/**", "/api/v1/assignments/**", "/api/v1/access-log")
                        .hasRole("CLIENT")
                        .pathMatchers("/api/v1/clients/**")
                        .hasRole("THERAPIST")
                        .pathMatchers(HttpMethod.GET, "/api/v1/content", "/api/v1/content/**", "/api/v1/export")
                        .hasAnyRole("CLIENT", "THERAPIST")
                        .anyExchange()
                        .denyAll())
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter())))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
        // Nimbus fetches the key set lazily, on the first token it has to check.
        var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        properties.jwksUri().toString())
                .build();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(List.of(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                new JwtClaimValidator<String>("sub", SecurityConfig::isUuid),
                new JwtClaimValidator<String>("role", role -> "CLIENT".equals(role) || "THERAPIST".equals(role))));
        decoder.setJwtValidator(validator);
        // While web-ui (and so its key set) is unreachable, tokens cannot be checked: refuse them as unauthenticated
        // (401) instead of letting the key-fetch failure surface as a server error.
        return token -> decoder.decode(token)
                .onErrorMap(
                        e -> !(e instanceof JwtException),
                        e -> new JwtException("The signing keys cannot be fetched right now", e));
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ReactiveJwtAuthenticationConverterAdapter authenticationConverter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("role");
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\",\"instance\":\""
                + exchange.getRequest().getPath().value().replace("\"", "") + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}

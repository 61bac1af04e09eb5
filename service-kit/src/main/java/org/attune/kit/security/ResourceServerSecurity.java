package org.attune.kit.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every request to a service carries a web-ui token: RS256 only, issuer, audience and expiry checked, {@code sub} an
 * account id, {@code role} CLIENT or THERAPIST. Keys come from the JWKS URL on first use, so a service starts while
 * web-ui is down; a key that cannot be fetched makes the token unverifiable (401), never a 500. Deny by default: a
 * service's {@link PathRules} open what it serves.
 */
@AutoConfiguration(
        beforeName =
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(ReactiveJwtDecoder.class)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerSecurity {

    private static final java.time.Duration KEY_SET_PATIENCE = java.time.Duration.ofSeconds(5);

    static final String[] OPEN_PATHS = {
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
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, List<PathRules> rules) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                // Stateless: each request brings its token. Without these, every request resolved a WebSession, whose
                // creation hops to Reactor's small parallel pool (shared by everything in the JVM), so handlers ran
                // there instead of on the server's own threads, two thread switches per request.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(OPEN_PATHS).permitAll();
                    rules.forEach(rule -> rule.authorize(exchanges));
                    exchanges.anyExchange().denyAll();
                })
                .oauth2ResourceServer(oauth -> oauth.jwt(
                                jwt -> jwt.jwtAuthenticationConverter(ResourceServerSecurity::toAuthentication))
                        .authenticationEntryPoint((exchange, e) -> notSignedIn(exchange))
                        .accessDeniedHandler((exchange, e) -> forbidden(exchange)))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((exchange, e) -> notSignedIn(exchange))
                        .accessDeniedHandler((exchange, e) -> forbidden(exchange)))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
        var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(TokenValidation.validator(properties.issuer(), properties.audience()));
        // A key set that does not answer in time makes the token unverifiable too: a 401, never a hung request.
        return token -> decoder.decode(token)
                .timeout(KEY_SET_PATIENCE)
                .onErrorMap(
                        e -> !(e instanceof JwtException),
                        e -> new BadJwtException("The token could not be verified right now", e));
    }

    private static Mono<JwtAuthenticationToken> toAuthentication(Jwt jwt) {
        var role = jwt.getClaimAsString("role");
        return Mono.just(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    private static Mono<Void> notSignedIn(ServerWebExchange exchange) {
        return problem(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "Not signed in",
                "Please sign in again; your session may have ended.");
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange) {
        return problem(exchange, HttpStatus.FORBIDDEN, "Forbidden", "This is not available to your account.");
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

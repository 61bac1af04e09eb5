package org.attune.content.config;

import org.attune.kit.outbox.OutboxCollections;
import org.attune.kit.security.PathRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What content-service declares to the service kit: which role reaches which path (the kit opens health and the API
 * description, serves the access log and denies everything else), and which collections carry an outbox.
 */
@Configuration(proxyBeanMethods = false)
class ContentPlumbing {

    @Bean
    PathRules contentPathRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, "/api/v1/content/*/engagements")
                .hasRole("CLIENT")
                // A client's own written answer to a reflection; before the wider GET rule for the library below.
                .pathMatchers("/api/v1/content/*/answer")
                .hasRole("CLIENT")
                .pathMatchers("/api/v1/recommendations/**", "/api/v1/assignments/**")
                .hasRole("CLIENT")
                .pathMatchers("/api/v1/clients/**")
                .hasRole("THERAPIST")
                .pathMatchers(HttpMethod.GET, "/api/v1/content", "/api/v1/content/**", "/api/v1/export")
                .hasAnyRole("CLIENT", "THERAPIST");
    }

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("recommendations", "assignments");
    }
}

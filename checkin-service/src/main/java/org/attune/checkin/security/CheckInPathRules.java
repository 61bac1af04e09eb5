package org.attune.checkin.security;

import org.attune.kit.security.PathRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call what in this service; the kit denies everything not named here. */
@Configuration(proxyBeanMethods = false)
class CheckInPathRules {

    @Bean
    PathRules checkInPaths() {
        return exchanges -> exchanges
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
                        "/api/v1/progress")
                .hasRole("CLIENT")
                // The FHIR export carries only the caller's own data and is for a client's portability.
                .pathMatchers(HttpMethod.GET, "/api/v1/export/fhir")
                .hasRole("CLIENT")
                .pathMatchers(HttpMethod.GET, "/api/v1/export")
                .authenticated();
    }
}

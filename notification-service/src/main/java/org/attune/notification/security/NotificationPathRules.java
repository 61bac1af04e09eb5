package org.attune.notification.security;

import org.attune.kit.security.PathRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what in this service; the kit denies everything not named here. Every endpoint serves both roles (each
 * person's own preferences, inbox and export, and the session schedule, which a therapist reaches only for a client
 * who shares it with them, checked per request in the schedule controller), except the safety-alert settings, which
 * only therapists have. The one public path is the reminder link page, whose token carries its own narrow permission.
 */
@Configuration(proxyBeanMethods = false)
class NotificationPathRules {

    @Bean
    PathRules notificationPaths() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/v1/preferences", "/api/v1/session-schedule", "/api/v1/inbox")
                .hasAnyRole("CLIENT", "THERAPIST")
                .pathMatchers(HttpMethod.PUT, "/api/v1/preferences", "/api/v1/session-schedule")
                .hasAnyRole("CLIENT", "THERAPIST")
                .pathMatchers(
                        HttpMethod.POST, "/api/v1/inbox/*/read", "/api/v1/inbox/*/dismiss", "/api/v1/inbox/*/snooze")
                .hasAnyRole("CLIENT", "THERAPIST")
                .pathMatchers(HttpMethod.POST, "/api/v1/preferences/muted-kinds", "/api/v1/preferences/pause")
                .hasAnyRole("CLIENT", "THERAPIST")
                .pathMatchers(HttpMethod.DELETE, "/api/v1/preferences/pause")
                .hasAnyRole("CLIENT", "THERAPIST")
                .pathMatchers(HttpMethod.GET, "/api/v1/export")
                .hasAnyRole("CLIENT", "THERAPIST")
                // A therapist's acknowledgement window and escalation address for safety alerts.
                .pathMatchers(HttpMethod.GET, "/api/v1/alert-settings")
                .hasRole("THERAPIST")
                .pathMatchers(HttpMethod.PUT, "/api/v1/alert-settings")
                .hasRole("THERAPIST")
                // The page behind a reminder email's link: its signed token is the permission (mute that kind or
                // pause reminders, nothing else), so it works without signing in.
                .pathMatchers(HttpMethod.GET, "/reminder-links/*")
                .permitAll()
                .pathMatchers(HttpMethod.POST, "/reminder-links/*")
                .permitAll();
    }
}

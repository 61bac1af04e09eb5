package org.attune.notification.alerting;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Locale;
import org.attune.kit.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A therapist's own safety-alert settings: the acknowledgement window and an escalation address. A new window applies
 * to alerts that arrive from then on; an alert already waiting keeps the window it started with, so a change can never
 * make a waiting alert skip or repeat an escalation. The address applies to every escalation sent from then on.
 */
@RestController
@RequestMapping("/api/v1/alert-settings")
class AlertSettingsController {

    private final AlertSettingsStore store;
    private final Clock clock;

    AlertSettingsController(AlertSettingsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param acknowledgementWindowMinutes how long an alert waits for the therapist's acknowledgement before it is
     *     sent again (15 to 4320 minutes; 240 when never chosen)
     * @param escalationEmail where escalations are emailed besides the therapist's own address (from their
     *     notification preferences); null or absent for none
     */
    record AlertSettingsBody(
            @NotNull @Min(AlertSettings.SHORTEST_WINDOW_MINUTES) @Max(AlertSettings.LONGEST_WINDOW_MINUTES)
            Integer acknowledgementWindowMinutes,

            @Email(regexp = ".+@.+\\..+", message = "must be an email address like oncall@practice.org")
            @Size(max = 254)
            String escalationEmail) {

        static AlertSettingsBody of(AlertSettings s) {
            return new AlertSettingsBody(s.acknowledgementWindowMinutes(), s.escalationEmail());
        }
    }

    @Operation(summary = "The caller's safety-alert settings, or the defaults (4 hours, no escalation address)")
    @GetMapping
    Mono<AlertSettingsBody> get(@AuthenticationPrincipal Jwt jwt) {
        return store.get(Caller.of(jwt).id().toString()).map(AlertSettingsBody::of);
    }

    @Operation(summary = "Replace the caller's acknowledgement window and escalation address")
    @PutMapping
    Mono<AlertSettingsBody> put(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AlertSettingsBody body) {
        var address = body.escalationEmail() == null || body.escalationEmail().isBlank()
                ? null
                : body.escalationEmail().strip().toLowerCase(Locale.ROOT);
        var settings = new AlertSettings(
                Caller.of(jwt).id().toString(), body.acknowledgementWindowMinutes(), address, clock.instant());
        return store.save(settings).map(AlertSettingsBody::of);
    }
}

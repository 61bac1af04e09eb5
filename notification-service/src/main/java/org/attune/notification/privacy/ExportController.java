package org.attune.notification.privacy;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.kit.consent.ConsentGrant;
import org.attune.kit.consent.ConsentProjection;
import org.attune.kit.security.Caller;
import org.attune.notification.alerting.AlertSettings;
import org.attune.notification.alerting.AlertSettingsStore;
import org.attune.notification.alerting.SafetyAlert;
import org.attune.notification.alerting.SafetyAlerts;
import org.attune.notification.preferences.Preferences;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.sessions.SessionSchedules;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationStore;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Everything this service holds about the caller, as JSON. */
@RestController
class ExportController {

    private final NotificationStore notifications;
    private final PreferencesStore preferences;
    private final ConsentProjection consent;
    private final SessionSchedules schedules;
    private final AlertSettingsStore alertSettings;
    private final SafetyAlerts safetyAlerts;
    private final Clock clock;

    ExportController(
            NotificationStore notifications,
            PreferencesStore preferences,
            ConsentProjection consent,
            SessionSchedules schedules,
            AlertSettingsStore alertSettings,
            SafetyAlerts safetyAlerts,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.consent = consent;
        this.schedules = schedules;
        this.alertSettings = alertSettings;
        this.safetyAlerts = safetyAlerts;
        this.clock = clock;
    }

    record ExportedNotification(
            String id,
            String kind,
            String state,
            String localDate,
            Instant dueAt,
            Instant createdAt,
            Instant deliveredAt,
            Instant openedAt,
            Instant dismissedAt,
            Instant cancelledAt,
            Instant expiredAt,
            String emailState,
            Instant emailSentAt) {

        static ExportedNotification of(Notification n) {
            return new ExportedNotification(
                    n.id(),
                    n.kind().wireName(),
                    n.state().name(),
                    n.localDate(),
                    n.dueAt(),
                    n.createdAt(),
                    n.deliveredAt(),
                    n.openedAt(),
                    n.dismissedAt(),
                    n.cancelledAt(),
                    n.expiredAt(),
                    n.emailState() == null ? null : n.emailState().name(),
                    n.emailSentAt());
        }
    }

    /** A safety alert about the caller (a client) and whether it was acknowledged or sent again. */
    record ExportedSafetyAlert(
            String flagId,
            Instant alertedAt,
            int escalations,
            Instant lastEscalatedAt,
            Instant acknowledgedAt,
            Instant endedAt,
            String endReason) {

        static ExportedSafetyAlert of(SafetyAlert a) {
            return new ExportedSafetyAlert(
                    a.flagId(),
                    a.alertedAt(),
                    a.escalations(),
                    a.lastEscalatedAt(),
                    a.acknowledgedAt(),
                    a.endedAt(),
                    a.endReason() == null ? null : a.endReason().name());
        }
    }

    /**
     * @param alertSettings a therapist's saved safety-alert settings; null when none were saved
     * @param safetyAlerts for a client, the alerts their safety flags raised
     */
    record Export(
            String accountId,
            Instant exportedAt,
            Preferences preferences,
            List<ExportedNotification> notifications,
            List<Map<String, Object>> sessionSchedules,
            List<ConsentGrant> consents,
            AlertSettings alertSettings,
            List<ExportedSafetyAlert> safetyAlerts) {}

    @Operation(summary = "Everything this service holds about the caller, as JSON")
    @GetMapping("/api/v1/export")
    Mono<Export> export(@AuthenticationPrincipal Jwt jwt) {
        var caller = Caller.of(jwt);
        var me = caller.id().toString();
        return Mono.zip(
                        preferences.get(me, caller.role()),
                        notifications
                                .forRecipient(me)
                                .map(ExportedNotification::of)
                                .collectList(),
                        schedules
                                .forClient(me)
                                .map(d -> (Map<String, Object>) d)
                                .collectList(),
                        consent.involving(caller.id()).collectList(),
                        alertSettings.find(me).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        safetyAlerts
                                .aboutClient(me)
                                .map(ExportedSafetyAlert::of)
                                .collectList())
                .map(t -> new Export(
                        me,
                        clock.instant(),
                        t.getT1(),
                        t.getT2(),
                        t.getT3(),
                        t.getT4(),
                        t.getT5().orElse(null),
                        t.getT6()));
    }
}

package org.attune.notification.privacy;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.attune.kit.consent.ConsentGrant;
import org.attune.kit.consent.ConsentProjection;
import org.attune.kit.security.Caller;
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
    private final Clock clock;

    ExportController(
            NotificationStore notifications,
            PreferencesStore preferences,
            ConsentProjection consent,
            SessionSchedules schedules,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.consent = consent;
        this.schedules = schedules;
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

    record Export(
            String accountId,
            Instant exportedAt,
            Preferences preferences,
            List<ExportedNotification> notifications,
            List<Map<String, Object>> sessionSchedules,
            List<ConsentGrant> consents) {}

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
                        consent.involving(caller.id()).collectList())
                .map(t -> new Export(me, clock.instant(), t.getT1(), t.getT2(), t.getT3(), t.getT4()));
    }
}

package org.attune.checkin.safety;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.DataClass;
import org.attune.events.SafetyFlagAcknowledged;
import org.attune.events.SafetyFlagReason;
import org.attune.kit.access.AccessLog;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Safety flags for the therapist's dashboard (with an active SAFETY_ALERTS grant; every read is access-logged) and
 * for the client, who sees their own.
 */
@RestController
class SafetyFlagController {

    static final String RESOURCE = "safety-flags";
    static final String NO_SUCH_FLAG = "There is no such safety flag for this client.";

    private final SafetyFlags flags;
    private final TherapistAccess access;
    private final AccessLog accessLog;
    private final OutboxRelay relay;
    private final Clock clock;

    SafetyFlagController(
            SafetyFlags flags, TherapistAccess access, AccessLog accessLog, OutboxRelay relay, Clock clock) {
        this.flags = flags;
        this.access = access;
        this.accessLog = accessLog;
        this.relay = relay;
        this.clock = clock;
    }

    /** {@code acknowledgedAt} is null while the flag is open. */
    record FlagView(String id, SafetyFlagReason reason, Instant raisedAt, Instant acknowledgedAt) {
        static FlagView of(SafetyFlag f) {
            return new FlagView(f.id(), f.reason(), f.raisedAt(), f.acknowledgedAt());
        }
    }

    /** The client's flags, newest first; {@code open=true} only open ones, {@code open=false} only acknowledged. */
    @Operation(summary = "A client's safety flags, for a therapist with SAFETY_ALERTS (access-logged)")
    @GetMapping("/api/v1/clients/{clientId}/safety-flags")
    Mono<List<FlagView>> forTherapist(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID clientId,
            @RequestParam(required = false) Boolean open) {
        var therapistId = Caller.of(jwt).id();
        return access.require(therapistId, clientId, EnumSet.of(DataClass.SAFETY_ALERTS))
                .flatMap(granted -> accessLog
                        .record(therapistId, clientId, granted, RESOURCE)
                        .then(flags.list(clientId, open).map(FlagView::of).collectList()));
    }

    /**
     * Marks the flag as seen; repeating it changes nothing and answers the same. 404 for a flag not of this client.
     * The first acknowledgement publishes {@code SafetyFlagAcknowledged}, which ends the alert's escalation.
     */
    @Operation(summary = "Acknowledge one of a client's safety flags; repeating it changes nothing")
    @PostMapping("/api/v1/clients/{clientId}/safety-flags/{flagId}/acknowledge")
    Mono<FlagView> acknowledge(
            @AuthenticationPrincipal Jwt jwt, @PathVariable UUID clientId, @PathVariable String flagId) {
        var therapistId = Caller.of(jwt).id();
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var event = validFlagId(flagId)
                ? new SafetyFlagAcknowledged(
                        UUID.randomUUID(),
                        now,
                        AttuneEvent.CURRENT_SCHEMA_VERSION,
                        clientId,
                        UUID.fromString(flagId),
                        therapistId)
                : null;
        return access.require(therapistId, clientId, EnumSet.of(DataClass.SAFETY_ALERTS))
                .filter(granted -> event != null)
                .flatMap(granted -> flags.acknowledge(clientId, flagId, event)
                        .doOnNext(acknowledged -> {
                            if (acknowledged.first()) {
                                relay.publishSoon(SafetyFlag.COLLECTION, flagId, List.of(event));
                            }
                        })
                        .flatMap(acknowledged -> accessLog
                                .record(therapistId, clientId, granted, RESOURCE + "/acknowledge")
                                .thenReturn(acknowledged.flag())))
                .map(FlagView::of)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, NO_SUCH_FLAG)));
    }

    /** Flag ids are the UUIDs of their SafetyFlagRaised; anything else names no flag (404). */
    private static boolean validFlagId(String flagId) {
        try {
            UUID.fromString(flagId);
            return flagId.length() == 36;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    /** The client's own flags, newest first, with whether a therapist has acknowledged each. */
    @Operation(summary = "The caller's own safety flags, with whether a therapist has acknowledged each")
    @GetMapping("/api/v1/safety-flags")
    Mono<List<FlagView>> own(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) Boolean open) {
        return flags.list(Caller.of(jwt).id(), open).map(FlagView::of).collectList();
    }
}

package org.attune.checkin.safety;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.security.Caller;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class HelpNowController {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final SafetyNotices notices;
    private final Clock clock;

    HelpNowController(ReactiveMongoTemplate mongo, OutboxRelay relay, SafetyNotices notices, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * The client asks for help now: crisis lines at once, and a safety flag for a therapist who has alerts shared.
     * Every press is its own flag and its own alert: safety alerts are never de-duplicated or rate-limited, and a
     * therapist's screens may group them but never drop one.
     */
    @Operation(summary = "Ask for help now: crisis lines at once, and a safety flag for a therapist with alerts shared")
    @PostMapping("/api/v1/help-now")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<HelpNowView> helpNow(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String region) {
        var clientId = Caller.of(jwt).id();
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var help = notices.forReasons(List.of(SafetyFlagReason.HELP_NOW), region);
        var flagId = UUID.randomUUID();
        var event = new SafetyFlagRaised(
                UUID.randomUUID(),
                now,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                flagId,
                SafetyFlagReason.HELP_NOW,
                "help-now");
        var flag = new SafetyFlag(
                flagId.toString(),
                clientId,
                SafetyFlagReason.HELP_NOW,
                "help-now",
                now,
                null,
                null,
                Outbox.of(now, List.of(event)));
        return mongo.insert(flag)
                .doOnNext(stored -> relay.publishSoon(SafetyFlag.COLLECTION, stored.id(), stored.outbox()))
                .map(stored -> new HelpNowView(stored.id(), stored.raisedAt(), true, help))
                // The crisis lines are shown even when the store is down; the client is told no alert went out.
                .onErrorResume(e -> Mono.just(new HelpNowView(null, now, false, help)));
    }

    /** {@code alertRecorded} false means the flag could not be stored, so no therapist alert will follow. */
    record HelpNowView(
            String flagId, java.time.Instant raisedAt, boolean alertRecorded, SafetyNotices.SafetyNotice help) {}
}

package org.attune.kit.access;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.kit.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class AccessLogController {

    static final String PATH = "/api/v1/access-log";

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Operation(summary = "The client's own access log: who read which of their data classes, and when; newest first")
    @GetMapping(PATH)
    Mono<AccessLogView> mine(@AuthenticationPrincipal Jwt jwt) {
        return accessLog
                .forClient(Caller.of(jwt).id())
                .map(e -> new AccessLogView.Entry(
                        e.therapistId(),
                        e.therapistErased() ? AccessLogEntry.ERASED_THERAPIST : null,
                        e.dataClass(),
                        e.resource(),
                        e.at()))
                .collectList()
                .map(AccessLogView::new);
    }

    /**
     * @param therapistId null when the therapist's account was erased; {@code reader} then names them as such
     */
    record AccessLogView(List<Entry> entries) {
        record Entry(UUID therapistId, String reader, DataClass dataClass, String resource, Instant at) {}
    }
}

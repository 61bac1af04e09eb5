package org.attune.checkin.access;

import java.util.List;
import org.attune.checkin.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class AccessLogController {

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /** The client's own access log: who read which of their data classes, and when; newest first. */
    @GetMapping("/api/v1/access-log")
    Mono<AccessLogView> mine(@AuthenticationPrincipal Jwt jwt) {
        return accessLog
                .forClient(Caller.of(jwt).id())
                .map(e -> new AccessLogView.Entry(e.therapistId(), e.dataClass(), e.resource(), e.at()))
                .collectList()
                .map(AccessLogView::new);
    }

    record AccessLogView(List<Entry> entries) {
        record Entry(
                java.util.UUID therapistId,
                org.attune.events.DataClass dataClass,
                String resource,
                java.time.Instant at) {}
    }
}

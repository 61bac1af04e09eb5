package org.attune.checkin.checkin;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.attune.checkin.web.Paging;
import org.attune.kit.security.Caller;
import org.attune.kit.web.FieldRules;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/checkins")
class CheckInController {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final CheckInService service;

    CheckInController(CheckInService service) {
        this.service = service;
    }

    @Operation(summary = "Record a daily check-in (replayed, not repeated, with the same Idempotency-Key)")
    @PostMapping
    Mono<ResponseEntity<CheckInView>> record(
            @AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody CheckInRequest body) {
        var caller = Caller.of(jwt);
        if (idempotencyKey != null
                && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            new FieldRules()
                    .add("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters")
                    .throwIfAny();
        }
        var valid = body.validate(service.now());
        return service.record(caller.id(), valid, idempotencyKey)
                .map(recorded -> ResponseEntity.status(HttpStatus.CREATED)
                        .header("Idempotent-Replayed", String.valueOf(!recorded.created()))
                        .body(CheckInView.justRecorded(recorded.checkIn())));
    }

    @Operation(summary = "The caller's own check-ins, a page at a time")
    @GetMapping
    Mono<CheckInPage> list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging.check(page, size, from, to);
        return service.list(Caller.of(jwt).id(), from, to, page == null ? 0 : page, size == null ? 20 : size);
    }
}

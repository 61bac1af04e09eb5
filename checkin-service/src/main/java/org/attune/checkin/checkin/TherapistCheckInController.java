package org.attune.checkin.checkin;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.attune.checkin.web.Paging;
import org.attune.events.DataClass;
import org.attune.kit.access.AccessLog;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

@RestController
class TherapistCheckInController {

    private final CheckInStore store;
    private final TherapistAccess access;
    private final AccessLog accessLog;

    TherapistCheckInController(CheckInStore store, TherapistAccess access, AccessLog accessLog) {
        this.store = store;
        this.access = access;
        this.accessLog = accessLog;
    }

    /** A client's check-ins for a therapist with MOOD_CHECKINS; notes only with NOTES. Every read is logged. */
    @Operation(
            summary = "A client's check-ins, for a therapist with MOOD_CHECKINS; notes only with NOTES (access-logged)")
    @GetMapping("/api/v1/clients/{clientId}/checkins")
    Mono<CheckInPage> list(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID clientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging.check(page, size, from, to);
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        var therapistId = Caller.of(jwt).id();
        return access.require(therapistId, clientId, EnumSet.of(DataClass.MOOD_CHECKINS, DataClass.NOTES))
                .flatMap(granted -> {
                    if (!granted.contains(DataClass.MOOD_CHECKINS)) {
                        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, TherapistAccess.NO_ACCESS));
                    }
                    boolean notes = granted.contains(DataClass.NOTES);
                    return accessLog
                            .record(therapistId, clientId, granted, "checkins")
                            .then(store.count(clientId, from, to)
                                    .zipWith(store.page(clientId, from, to, p, s)
                                            .map(c -> CheckInView.forTherapist(c, notes))
                                            .collectList()))
                            .map(t -> new CheckInPage(t.getT2(), p, s, t.getT1()));
                });
    }
}

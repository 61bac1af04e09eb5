package org.attune.checkin.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.attune.checkin.consent.ConsentProjection;
import org.attune.events.DataClass;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The one gate for therapist reads: which of the wanted data classes an active grant covers. Without any, the answer
 * is the same 403 whether or not the client exists.
 */
@Component
public class TherapistAccess {

    public static final String NO_ACCESS = "You don't have access to this client's data.";

    private final ConsentProjection consent;

    TherapistAccess(ConsentProjection consent) {
        this.consent = consent;
    }

    /** Emits the granted subset of {@code wanted}, or fails with 403 when it is empty. */
    public Mono<Set<DataClass>> require(UUID therapistId, UUID clientId, Set<DataClass> wanted) {
        return consent.activeClasses(therapistId, clientId).flatMap(active -> {
            var granted = EnumSet.noneOf(DataClass.class);
            granted.addAll(wanted);
            granted.retainAll(active);
            if (granted.isEmpty()) {
                return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, NO_ACCESS));
            }
            return Mono.just((Set<DataClass>) granted);
        });
    }

    public Mono<Set<DataClass>> granted(UUID therapistId, UUID clientId) {
        return consent.activeClasses(therapistId, clientId);
    }
}

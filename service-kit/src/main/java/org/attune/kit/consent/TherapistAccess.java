package org.attune.kit.consent;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.kit.access.AccessLog;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The one gate for therapist reads: which of the wanted data classes an active grant covers. Without any, the answer
 * is the same 403 whether or not the client exists. {@link #read} also records the read in the client's access log
 * before any data is returned.
 */
public class TherapistAccess {

    public static final String NO_ACCESS = "You don't have access to this client's data.";

    private final ConsentProjection consent;
    private final AccessLog accessLog;

    TherapistAccess(ConsentProjection consent, AccessLog accessLog) {
        this.consent = consent;
        this.accessLog = accessLog;
    }

    /** Emits the granted subset of {@code wanted}, or fails with 403 when it is empty. Logs nothing. */
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

    /** Checks the grant for the wanted classes and logs the read of the granted ones as {@code resource}. */
    public Mono<Set<DataClass>> read(UUID therapistId, UUID clientId, Set<DataClass> wanted, String resource) {
        return require(therapistId, clientId, wanted)
                .flatMap(granted -> accessLog
                        .record(therapistId, clientId, granted, resource)
                        .thenReturn(granted));
    }

    /** The same for one data class. */
    public Mono<Void> read(UUID therapistId, UUID clientId, DataClass dataClass, String resource) {
        return read(therapistId, clientId, EnumSet.of(dataClass), resource).then();
    }

    /** Logs a read whose grant the caller already checked (e.g. per item of a list). */
    public Mono<Void> log(UUID therapistId, UUID clientId, Set<DataClass> classes, String resource) {
        return accessLog.record(therapistId, clientId, classes, resource);
    }

    public Mono<Set<DataClass>> granted(UUID therapistId, UUID clientId) {
        return consent.activeClasses(therapistId, clientId);
    }

    public Mono<Boolean> allows(UUID therapistId, UUID clientId, DataClass dataClass) {
        return granted(therapistId, clientId).map(classes -> classes.contains(dataClass));
    }
}

package org.attune.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.attune.events.DataClass;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.security.Caller;
import org.attune.kit.web.InvalidRequestException;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The caller's own in-app inbox: unread first, then newest first. A therapist's alerts about a client (safety alert,
 * rupture signal) name that client only while the client still shares the alert's data class with them, and each
 * answer that names them is in the client's access log; without the grant the therapist still sees the gentle,
 * anonymous message.
 */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

    static final String RESOURCE = "inbox";

    private final NotificationStore store;
    private final Messages messages;
    private final TherapistAccess access;
    private final Clock clock;

    InboxController(NotificationStore store, Messages messages, TherapistAccess access, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.access = access;
        this.clock = clock;
    }

    /**
     * One inbox entry.
     *
     * @param clientId the client a therapist-facing notification is about (safety alert, rupture signal, consent
     *     granted/ended), so the UI can link to that client; null on a client's own notifications and on entries stored
     *     without it
     */
    record Item(
            String id,
            String kind,
            String clientId,
            String title,
            String body,
            String state,
            boolean unread,
            boolean urgent,
            Instant deliveredAt,
            Instant openedAt) {}

    record Page(List<Item> items, int page, int size, long total, long unread) {}

    record SnoozeRequest(@NotNull @Min(1) @Max(1440) Integer minutes) {}

    record Snoozed(String id, String state, Instant dueAt) {}

    @Operation(summary = "The caller's delivered notifications, unread first, then newest first, with totals")
    @GetMapping
    Mono<Page> inbox(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw InvalidRequestException.of("page", "must be between 0 and 10000");
        }
        if (size < 1 || size > 100) {
            throw InvalidRequestException.of("size", "must be between 1 and 100");
        }
        var caller = Caller.of(jwt);
        var me = caller.id().toString();
        return store.inbox(me, page, size)
                .collectList()
                .flatMap(notifications -> items(caller, notifications))
                .zipWith(store.inboxCount(me).zipWith(store.unreadCount(me)))
                .map(t -> new Page(
                        t.getT1(), page, size, t.getT2().getT1(), t.getT2().getT2()));
    }

    @Operation(summary = "Mark one of the caller's notifications as read")
    @PostMapping("/{id}/read")
    Mono<Item> read(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        var caller = Caller.of(jwt);
        return store.open(id, caller.id().toString(), clock.instant())
                .flatMap(n -> items(caller, List.of(n)))
                .map(List::getFirst)
                .switchIfEmpty(notFound());
    }

    @Operation(summary = "Take one of the caller's notifications out of the inbox")
    @PostMapping("/{id}/dismiss")
    Mono<Item> dismiss(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        var caller = Caller.of(jwt);
        return store.dismiss(id, caller.id().toString(), clock.instant())
                .flatMap(n -> items(caller, List.of(n)))
                .map(List::getFirst)
                .switchIfEmpty(notFound());
    }

    @Operation(summary = "Deliver one of the caller's notifications again later; safety messages stay (409)")
    @PostMapping("/{id}/snooze")
    Mono<Snoozed> snooze(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String id, @Valid @RequestBody SnoozeRequest request) {
        var me = jwt.getSubject();
        var now = clock.instant();
        return store.find(id)
                .filter(n -> n.recipientId().equals(me))
                .switchIfEmpty(notFound())
                .flatMap(n -> {
                    if (n.urgent()) {
                        return Mono.error(new ResponseStatusException(
                                HttpStatus.CONFLICT, messages.text("inbox.safety-not-snoozable")));
                    }
                    return store.snooze(id, me, now, now.plus(Duration.ofMinutes(request.minutes())))
                            .switchIfEmpty(notFound());
                })
                .map(n -> new Snoozed(n.id(), n.state().name(), n.dueAt()));
    }

    /**
     * The entries as the caller may see them. For a therapist, each client an alert is about is checked once per
     * answer: the alerts whose data class the client still shares name the client, and that read is logged.
     */
    private Mono<List<Item>> items(Caller caller, List<Notification> notifications) {
        if (!caller.isTherapist()) {
            return Mono.just(notifications.stream().map(n -> item(n, null)).toList());
        }
        Map<String, Set<DataClass>> wantedPerClient = notifications.stream()
                .filter(n ->
                        aboutAnotherPerson(n) != null && n.kind().sharedAs().isPresent())
                .collect(Collectors.groupingBy(
                        Notification::clientId,
                        Collectors.mapping(
                                n -> n.kind().sharedAs().get(),
                                Collectors.toCollection(() -> EnumSet.noneOf(DataClass.class)))));
        return Flux.fromIterable(wantedPerClient.entrySet())
                .concatMap(wanted -> access.read(
                                caller.id(), UUID.fromString(wanted.getKey()), wanted.getValue(), RESOURCE)
                        .onErrorResume(ResponseStatusException.class, noLongerShared -> Mono.just(Set.of()))
                        .map(granted -> Map.entry(wanted.getKey(), granted)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(grantedPerClient -> notifications.stream()
                        .map(n -> item(n, grantedPerClient.getOrDefault(n.clientId(), Set.of())))
                        .toList());
    }

    /** @param granted for a therapist, what the client the notification is about shares with them now */
    private Item item(Notification n, Set<DataClass> granted) {
        var about = aboutAnotherPerson(n);
        var sharedAs = n.kind().sharedAs();
        boolean stillShared = true;
        if (about != null && sharedAs.isPresent() && (granted == null || !granted.contains(sharedAs.get()))) {
            about = null;
            stillShared = false;
        }
        return new Item(
                n.id(),
                n.kind().wireName(),
                about,
                messages.title(n),
                messages.body(n, stillShared),
                n.state().name(),
                n.unread(),
                n.urgent(),
                n.deliveredAt(),
                n.openedAt());
    }

    /** The client a notification is about, when that is someone other than its recipient. */
    private static String aboutAnotherPerson(Notification n) {
        return n.clientId() == null || n.clientId().equals(n.recipientId()) ? null : n.clientId();
    }

    private static <T> Mono<T> notFound() {
        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such message in your inbox."));
    }
}

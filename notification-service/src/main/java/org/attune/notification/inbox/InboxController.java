package org.attune.notification.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationStore;
import org.attune.notification.web.InvalidRequestException;
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
import reactor.core.publisher.Mono;

/** The caller's own in-app inbox: unread first, then newest first. */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

    private final NotificationStore store;
    private final Messages messages;
    private final Clock clock;

    InboxController(NotificationStore store, Messages messages, Clock clock) {
        this.store = store;
        this.messages = messages;
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

    @GetMapping
    Mono<Page> inbox(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw new InvalidRequestException("page", "must be between 0 and 10000");
        }
        if (size < 1 || size > 100) {
            throw new InvalidRequestException("size", "must be between 1 and 100");
        }
        var me = jwt.getSubject();
        return store.inbox(me, page, size)
                .map(this::item)
                .collectList()
                .zipWith(store.inboxCount(me).zipWith(store.unreadCount(me)))
                .map(t -> new Page(
                        t.getT1(), page, size, t.getT2().getT1(), t.getT2().getT2()));
    }

    @PostMapping("/{id}/read")
    Mono<Item> read(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return store.open(id, jwt.getSubject(), clock.instant()).map(this::item).switchIfEmpty(notFound());
    }

    @PostMapping("/{id}/dismiss")
    Mono<Item> dismiss(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return store.dismiss(id, jwt.getSubject(), clock.instant())
                .map(this::item)
                .switchIfEmpty(notFound());
    }

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

    private Item item(Notification n) {
        return new Item(
                n.id(),
                n.kind().wireName(),
                aboutAnotherPerson(n),
                messages.title(n),
                messages.body(n),
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

package org.attune.content.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.attune.content.consent.ConsentAccess;
import org.attune.content.engagement.Engagement;
import org.attune.content.engagement.EngagementKind;
import org.attune.content.engagement.Engagements;
import org.attune.content.library.Library;
import org.attune.content.messaging.Outbox;
import org.attune.content.messaging.OutboxRelay;
import org.attune.content.web.Caller;
import org.attune.content.web.InvalidInput;
import org.attune.events.AttuneEvent;
import org.attune.events.ContentAssigned;
import org.attune.events.DataClass;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Therapists assign pieces to clients who share CONTENT_ACTIVITY with them; clients see their assignments and
 * complete them through engagements; therapists see the completion while the sharing lasts.
 */
@RestController
class AssignmentController {

    static final int MAX_NOTE = 1000;

    private final ReactiveMongoTemplate mongo;
    private final ConsentAccess consent;
    private final Library library;
    private final Engagements engagements;
    private final OutboxRelay relay;
    private final Clock clock;

    AssignmentController(
            ReactiveMongoTemplate mongo,
            ConsentAccess consent,
            Library library,
            Engagements engagements,
            OutboxRelay relay,
            Clock clock) {
        this.mongo = mongo;
        this.consent = consent;
        this.library = library;
        this.engagements = engagements;
        this.relay = relay;
        this.clock = clock;
    }

    record AssignmentRequest(
            @NotBlank @Size(max = 120) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*")
            String slug,

            @Size(max = MAX_NOTE) String note,
            LocalDate dueDate) {}

    record AssignmentView(
            String assignmentId,
            String clientId,
            String therapistId,
            String slug,
            String title,
            String note,
            LocalDate dueDate,
            Instant assignedAt,
            boolean completed,
            Instant completedAt) {}

    @PostMapping("/api/v1/clients/{clientId}/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AssignmentView> assign(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID clientId,
            @Valid @RequestBody AssignmentRequest request) {
        var therapist = Caller.of(jwt).requireTherapist();
        Instant now = clock.instant();
        if (request.dueDate() != null
                && request.dueDate()
                        .isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1))) {
            throw new InvalidInput("dueDate", "must not be in the past");
        }
        return consent.allows(therapist.id(), clientId, DataClass.CONTENT_ACTIVITY)
                .flatMap(allowed -> allowed
                        ? library.active(request.slug())
                                .switchIfEmpty(Mono.error(new ResponseStatusException(
                                        HttpStatus.NOT_FOUND, "There is no piece with that name.")))
                        : Mono.error(new ResponseStatusException(
                                HttpStatus.FORBIDDEN, "There is no active sharing that covers this.")))
                .flatMap(piece -> {
                    UUID assignmentId = UUID.randomUUID();
                    String note = request.note() == null || request.note().isBlank()
                            ? null
                            : request.note().strip();
                    var event = new ContentAssigned(
                            UUID.randomUUID(),
                            now,
                            AttuneEvent.CURRENT_SCHEMA_VERSION,
                            clientId,
                            assignmentId,
                            therapist.id(),
                            piece.slug(),
                            piece.title(),
                            note,
                            request.dueDate());
                    var assignment = new Assignment(
                            assignmentId.toString(),
                            clientId.toString(),
                            therapist.id().toString(),
                            piece.slug(),
                            piece.title(),
                            note,
                            request.dueDate() == null ? null : request.dueDate().toString(),
                            now,
                            Outbox.pending(event));
                    return mongo.insert(assignment)
                            .flatMap(saved -> relay.publishNow("assignments", saved.id(), event)
                                    .thenReturn(saved));
                })
                .map(saved -> view(saved, Map.of()));
    }

    @GetMapping("/api/v1/assignments")
    Mono<List<AssignmentView>> mine(@AuthenticationPrincipal Jwt jwt) {
        var client = Caller.of(jwt).requireClient();
        return withCompletion(
                client.id(), Criteria.where("clientId").is(client.id().toString()));
    }

    @GetMapping("/api/v1/clients/{clientId}/assignments")
    Mono<List<AssignmentView>> forClient(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID clientId) {
        var therapist = Caller.of(jwt).requireTherapist();
        return consent.require(therapist.id(), clientId, DataClass.CONTENT_ACTIVITY, "assignments")
                .then(withCompletion(
                        clientId,
                        Criteria.where("clientId")
                                .is(clientId.toString())
                                .and("therapistId")
                                .is(therapist.id().toString())));
    }

    private Mono<List<AssignmentView>> withCompletion(UUID clientId, Criteria criteria) {
        var assignments = mongo.find(
                        Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "assignedAt")), Assignment.class)
                .collectList();
        var completions =
                engagements.of(clientId, EngagementKind.COMPLETED).collect(Collectors.groupingBy(Engagement::slug));
        return Mono.zip(assignments, completions)
                .map(both ->
                        both.getT1().stream().map(a -> view(a, both.getT2())).toList());
    }

    private static AssignmentView view(Assignment a, Map<String, List<Engagement>> completions) {
        String assignedDay = LocalDate.ofInstant(a.assignedAt(), ZoneOffset.UTC).toString();
        Instant completedAt = completions.getOrDefault(a.slug(), List.of()).stream()
                .filter(e -> e.day().compareTo(assignedDay) >= 0)
                .map(Engagement::at)
                .findFirst()
                .orElse(null);
        return new AssignmentView(
                a.id(),
                a.clientId(),
                a.therapistId(),
                a.slug(),
                a.title(),
                a.note(),
                a.dueDate() == null ? null : LocalDate.parse(a.dueDate()),
                a.assignedAt(),
                completedAt != null,
                completedAt);
    }
}

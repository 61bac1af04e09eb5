package org.attune.content.assignment;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.attune.content.engagement.Engagement;
import org.attune.content.engagement.EngagementKind;
import org.attune.content.engagement.Engagements;
import org.attune.content.library.Library;
import org.attune.events.AttuneEvent;
import org.attune.events.ContentAssigned;
import org.attune.events.DataClass;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.security.Caller;
import org.attune.kit.web.InvalidRequestException;
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
    private final TherapistAccess access;
    private final Library library;
    private final Engagements engagements;
    private final OutboxRelay relay;
    private final Clock clock;

    AssignmentController(
            ReactiveMongoTemplate mongo,
            TherapistAccess access,
            Library library,
            Engagements engagements,
            OutboxRelay relay,
            Clock clock) {
        this.mongo = mongo;
        this.access = access;
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

    @Operation(summary = "Assign a piece to a client who shares their content activity.")
    @PostMapping("/api/v1/clients/{clientId}/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AssignmentView> assign(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID clientId,
            @Valid @RequestBody AssignmentRequest request) {
        // The path rules let only therapists here.
        var therapist = Caller.of(jwt);
        Instant now = clock.instant();
        if (request.dueDate() != null
                && request.dueDate()
                        .isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1))) {
            throw InvalidRequestException.of("dueDate", "must not be in the past");
        }
        // Assigning reads nothing of the client's, so it is checked against the grant but not access-logged.
        return access.require(therapist.id(), clientId, EnumSet.of(DataClass.CONTENT_ACTIVITY))
                .then(library.active(request.slug())
                        .switchIfEmpty(Mono.error(new ResponseStatusException(
                                HttpStatus.NOT_FOUND, "There is no piece with that name."))))
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
                            Outbox.of(now, List.of(event)));
                    return mongo.insert(assignment)
                            .flatMap(saved -> relay.publishNow(
                                            "assignments",
                                            saved.id(),
                                            saved.outbox().events())
                                    .thenReturn(saved));
                })
                .map(saved -> view(saved, Map.of()));
    }

    @Operation(summary = "List the signed-in client's assignments, newest first.")
    @GetMapping("/api/v1/assignments")
    Mono<List<AssignmentView>> mine(@AuthenticationPrincipal Jwt jwt) {
        var client = Caller.of(jwt);
        return withCompletion(
                client.id(), Criteria.where("clientId").is(client.id().toString()));
    }

    @Operation(summary = "List what this therapist assigned to a client, with completion.")
    @GetMapping("/api/v1/clients/{clientId}/assignments")
    Mono<List<AssignmentView>> forClient(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID clientId) {
        var therapist = Caller.of(jwt);
        return access.read(therapist.id(), clientId, DataClass.CONTENT_ACTIVITY, "assignments")
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

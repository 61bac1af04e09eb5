package org.attune.checkin.questionnaire;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.checkin.safety.SafetyFlags;
import org.attune.checkin.safety.SafetyNotices;
import org.attune.checkin.web.RecordedAt;
import org.attune.events.AttuneEvent;
import org.attune.events.QuestionnaireCompleted;
import org.attune.events.SafetyFlagRaised;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.security.Caller;
import org.attune.kit.web.FieldRules;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/questionnaires")
class QuestionnaireController {

    private final InstrumentCatalog catalog;
    private final QuestionnaireResponses responses;
    private final OutboxRelay relay;
    private final SafetyNotices notices;
    private final SafetyFlags safetyFlags;
    private final Clock clock;

    QuestionnaireController(
            InstrumentCatalog catalog,
            QuestionnaireResponses responses,
            OutboxRelay relay,
            SafetyNotices notices,
            SafetyFlags safetyFlags,
            Clock clock) {
        this.catalog = catalog;
        this.responses = responses;
        this.relay = relay;
        this.notices = notices;
        this.safetyFlags = safetyFlags;
        this.clock = clock;
    }

    /** Checks with an endpoint of their own (the session connection check) are not questionnaires a client fills in. */
    @Operation(summary = "List the questionnaires a client can answer")
    @GetMapping
    Collection<Instrument> all() {
        return catalog.all().stream()
                .filter(Instrument::answeredAsQuestionnaire)
                .toList();
    }

    @Operation(summary = "Get one questionnaire by its code")
    @GetMapping("/{code}")
    Instrument one(@PathVariable String code) {
        return instrument(code);
    }

    private Instrument instrument(String code) {
        return catalog.find(code)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no questionnaire " + "with that code."));
    }

    record ResponseRequest(Map<String, Integer> answers, Instant recordedAt) {}

    @Operation(summary = "Answer a questionnaire: scored at once, with crisis resources when a safety item is flagged")
    @PostMapping("/{code}/responses")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseView> respond(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String code,
            @RequestParam(required = false) String region,
            @RequestBody ResponseRequest body) {
        var clientId = Caller.of(jwt).id();
        var instrument = instrument(code);
        if (!instrument.answeredAsQuestionnaire()) {
            // Answered here it would skip what its own endpoint does (for the session check: the rupture signal).
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "The " + instrument.code() + " check is answered through POST " + instrument.answeredThrough()
                            + ", not as a questionnaire.");
        }
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var rules = new FieldRules();
        // The response is about recordedAt (possibly backdated); its events, and any safety flag, happen now.
        var completedAt = RecordedAt.resolve(body.recordedAt(), now, rules);
        rules.throwIfAny();
        var result = Scoring.score(instrument, body.answers());
        return responses
                .latestBefore(clientId, instrument.code(), completedAt)
                .map(previous -> java.util.Optional.of(previous.band()))
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(previousBand -> {
                    var responseId = UUID.randomUUID();
                    String previous = previousBand.orElse(null);
                    boolean worsened = previous != null
                            && instrument
                                    .severityOf(previous)
                                    .map(p -> instrument
                                                    .severityOf(result.band().code())
                                                    .orElseThrow()
                                            > p)
                                    .orElse(false);
                    var events = events(clientId, responseId, instrument, result, previous, worsened, now);
                    var response = new QuestionnaireResponse(
                            responseId.toString(),
                            clientId,
                            instrument.code(),
                            Map.copyOf(body.answers()),
                            result.total(),
                            result.maxTotal(),
                            result.band().code(),
                            result.band().label(),
                            previous,
                            worsened,
                            result.flags(),
                            completedAt,
                            Outbox.of(now, events));
                    // The flags are stored as their own documents right after the response (the relay does it too
                    // before publishing, should the process die in between).
                    return responses
                            .insert(response)
                            .flatMap(stored -> Flux.fromIterable(events)
                                    .ofType(SafetyFlagRaised.class)
                                    .concatMap(safetyFlags::recordRaised)
                                    .then(Mono.just(stored)));
                })
                .doOnNext(stored -> relay.publishSoon(QuestionnaireResponse.COLLECTION, stored.id(), stored.outbox()))
                .map(stored -> ResponseView.of(
                        stored, result.safety().isEmpty() ? null : notices.forReasons(result.safety(), region)));
    }

    private static List<AttuneEvent> events(
            UUID clientId,
            UUID responseId,
            Instrument instrument,
            Scoring.Result result,
            String previous,
            boolean worsened,
            Instant now) {
        var events = new ArrayList<AttuneEvent>();
        events.add(new QuestionnaireCompleted(
                UUID.randomUUID(),
                now,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                responseId,
                instrument.code(),
                result.total(),
                result.maxTotal(),
                result.band().code(),
                previous,
                worsened,
                result.flags()));
        // One SafetyFlagRaised per safety reason (self-harm item, severe band), whatever the total.
        for (var reason : result.safety()) {
            events.add(new SafetyFlagRaised(
                    UUID.randomUUID(),
                    now,
                    AttuneEvent.CURRENT_SCHEMA_VERSION,
                    clientId,
                    UUID.randomUUID(),
                    reason,
                    "questionnaire:" + instrument.code() + ":" + responseId));
        }
        return events;
    }

    /** The scored response; {@code help} is present whenever a safety flag was raised. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ResponseView(
            String id,
            String code,
            int total,
            int maxTotal,
            String band,
            String bandLabel,
            String previousBand,
            boolean worsened,
            List<String> flags,
            Instant completedAt,
            SafetyNotices.SafetyNotice help) {

        static ResponseView of(QuestionnaireResponse r, SafetyNotices.SafetyNotice help) {
            return new ResponseView(
                    r.id(),
                    r.code(),
                    r.total(),
                    r.maxTotal(),
                    r.band(),
                    r.bandLabel(),
                    r.previousBand(),
                    r.worsened(),
                    r.flags(),
                    r.completedAt(),
                    help);
        }
    }
}

package org.attune.webui.therapist;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Calls checkin-service and content-service as the therapist. Reads go through {@link ServiceTokens#getJson}; the
 * acknowledgement is a POST with the same kind of token. Answers are read leniently (unknown fields ignored) and
 * nothing of their content is logged.
 */
@Component
class HttpTherapistGateway implements TherapistGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpTherapistGateway.class);

    private final ServiceTokens services;
    private final RestClient rest;

    HttpTherapistGateway(ServiceTokens services) {
        this.services = services;
        this.rest = services.restClient(Duration.ofSeconds(5));
    }

    @Override
    public Optional<ClientSummary> summary(Caller therapist, UUID clientId) {
        return services.getJson(ServiceTokens.Service.CHECKIN, "/api/v1/clients/" + clientId + "/summary", therapist)
                .flatMap(node -> safely(node, HttpTherapistGateway::summary));
    }

    @Override
    public Optional<List<SafetyFlagItem>> safetyFlags(Caller therapist, UUID clientId) {
        return services.getJson(
                        ServiceTokens.Service.CHECKIN, "/api/v1/clients/" + clientId + "/safety-flags", therapist)
                .flatMap(node -> safely(node, n -> list(n, HttpTherapistGateway::flag)));
    }

    @Override
    public boolean acknowledge(Caller therapist, UUID clientId, String flagId) {
        try {
            UUID.fromString(flagId);
            rest.post()
                    .uri(services.baseUrl(ServiceTokens.Service.CHECKIN)
                            .resolve("/api/v1/clients/" + clientId + "/safety-flags/" + flagId + "/acknowledge"))
                    .header("Authorization", "Bearer " + services.tokenFor(therapist))
                    .header("Accept", "application/json")
                    .retrieve()
                    .toBodilessEntity();
            return true;
        } catch (RestClientException | IllegalArgumentException e) {
            log.info(
                    "checkin-service did not acknowledge a safety flag: {}",
                    e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public Optional<List<FeedbackEntry>> sessionFeedback(Caller therapist, UUID clientId) {
        return services.getJson(
                        ServiceTokens.Service.CHECKIN, "/api/v1/clients/" + clientId + "/session-feedback", therapist)
                .flatMap(node -> safely(node, n -> list(n, HttpTherapistGateway::feedback)));
    }

    @Override
    public Optional<List<AssignmentItem>> assignments(Caller therapist, UUID clientId) {
        return services.getJson(
                        ServiceTokens.Service.CONTENT, "/api/v1/clients/" + clientId + "/assignments", therapist)
                .flatMap(node -> safely(node, n -> list(n, HttpTherapistGateway::assignment)));
    }

    @Override
    public ClientSchedule sessionSchedule(Caller therapist, UUID clientId) {
        var response = services.getJsonResponse(
                ServiceTokens.Service.NOTIFICATION, "/api/v1/session-schedule?clientId=" + clientId, therapist);
        if (response.status() == 404) {
            return ClientSchedule.none();
        }
        if (!response.ok() || response.body() == null) {
            return ClientSchedule.unavailable();
        }
        return safely(response.body(), HttpTherapistGateway::schedule).orElseGet(ClientSchedule::unavailable);
    }

    static ClientSchedule schedule(JsonNode n) {
        var day = text(n, "weeklyDay");
        var oneOffs = new ArrayList<Instant>();
        for (var start : n.path("oneOffStarts").values()) {
            oneOffs.add(Instant.parse(start.asString()));
        }
        return new ClientSchedule(
                ClientSchedule.State.SET,
                n.path("timeZone").asString("UTC"),
                day == null ? null : DayOfWeek.valueOf(day),
                text(n, "weeklyTime"),
                n.path("durationMinutes").asInt(0),
                oneOffs,
                instant(n, "nextSessionAt"));
    }

    private static <T> Optional<T> safely(JsonNode node, Function<JsonNode, T> reader) {
        try {
            return Optional.ofNullable(reader.apply(node));
        } catch (RuntimeException e) {
            log.info("A service answer could not be read: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** A JSON array, or a page object with the entries under {@code items}/{@code content}/{@code entries}. */
    static <T> List<T> list(JsonNode node, Function<JsonNode, T> item) {
        JsonNode array = node;
        if (!node.isArray()) {
            for (var field : List.of("items", "content", "entries", "flags", "feedback", "assignments")) {
                if (node.path(field).isArray()) {
                    array = node.path(field);
                    break;
                }
            }
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("not a list");
        }
        var result = new ArrayList<T>();
        for (var element : array.values()) {
            result.add(item.apply(element));
        }
        return result;
    }

    static ClientSummary summary(JsonNode n) {
        boolean moodShared = n.has("lastCheckInAt") || n.has("recentMood");
        List<Double> mood = new ArrayList<>();
        if (n.path("recentMood").isArray()) {
            for (var v : n.path("recentMood").values()) {
                mood.add(v.isNull() || !v.isNumber() ? null : v.asDouble());
            }
        }
        ClientSummary.Rupture rupture = null;
        var r = n.path("lastRupture");
        if (r.isObject()) {
            rupture = new ClientSummary.Rupture(instant(r, "recordedAt"), text(r, "reason"));
        }
        List<ClientSummary.InstrumentTrend> trend = null;
        if (n.path("instrumentTrend").isArray()) {
            trend = new ArrayList<>();
            for (var t : n.path("instrumentTrend").values()) {
                trend.add(new ClientSummary.InstrumentTrend(
                        text(t, "code"),
                        text(t, "latestBand"),
                        text(t, "previousBand"),
                        text(t.path("change"), "outcome")));
            }
        }
        Integer flags = n.has("openSafetyFlags") && n.path("openSafetyFlags").isNumber()
                ? n.path("openSafetyFlags").asInt()
                : null;
        return new ClientSummary(
                moodShared, instant(n, "lastCheckInAt"), mood, flags, n.has("lastRupture"), rupture, trend);
    }

    static SafetyFlagItem flag(JsonNode n) {
        var id = text(n, "id") != null ? text(n, "id") : text(n, "flagId");
        return new SafetyFlagItem(
                id, text(n, "reason"), text(n, "source"), instant(n, "raisedAt"), instant(n, "acknowledgedAt"));
    }

    static FeedbackEntry feedback(JsonNode n) {
        return new FeedbackEntry(
                text(n, "id"),
                date(n, "sessionDate"),
                instant(n, "recordedAt"),
                n.path("heard").asInt(0),
                n.path("goals").asInt(0),
                n.path("approach").asInt(0),
                n.path("overall").asInt(0),
                n.path("total").asInt(0),
                n.path("ruptureSignal").asBoolean(false),
                text(n, "reason") != null ? text(n, "reason") : text(n, "ruptureReason"),
                text(n, "comment"));
    }

    static AssignmentItem assignment(JsonNode n) {
        return new AssignmentItem(
                text(n, "assignmentId"),
                text(n, "slug"),
                text(n, "title"),
                text(n, "note"),
                date(n, "dueDate"),
                instant(n, "assignedAt"),
                n.path("completed").asBoolean(false),
                instant(n, "completedAt"));
    }

    private static String text(JsonNode n, String field) {
        var v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asString();
    }

    private static Instant instant(JsonNode n, String field) {
        var t = text(n, field);
        return t == null ? null : Instant.parse(t);
    }

    private static LocalDate date(JsonNode n, String field) {
        var t = text(n, field);
        return t == null ? null : LocalDate.parse(t);
    }
}

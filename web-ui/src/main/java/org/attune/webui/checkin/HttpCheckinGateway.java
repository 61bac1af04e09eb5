package org.attune.webui.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens.Service;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/** {@link CheckinGateway} over checkin-service's HTTP API, with a freshly signed token of the client's. */
@Component
class HttpCheckinGateway implements CheckinGateway {

    /** checkin-service pages at most 100; a week of check-ins fits many times over. */
    static final int PAGE_SIZE = 100;

    private final ServiceCalls calls;

    HttpCheckinGateway(ServiceCalls calls) {
        this.calls = calls;
    }

    @Override
    public Outcome<String> recordCheckIn(Caller client, CheckInForm form, String idempotencyKey) {
        var body = new LinkedHashMap<String, Object>();
        body.put("mood", form.mood());
        body.put("window", form.window() == null ? null : form.window().name());
        body.put("emotions", form.emotions());
        body.put("energy", form.energy());
        if (form.sleepHours() != null) {
            body.put("sleepHours", form.sleepHours());
        }
        body.put("tags", form.tags());
        if (form.note() != null && !form.note().isBlank()) {
            body.put("note", form.note());
        }
        if (form.localDate() != null) {
            body.put("localDate", form.localDate().toString());
        }
        return calls.post(Service.CHECKIN, "/api/v1/checkins", client, body, Map.of("Idempotency-Key", idempotencyKey))
                .outcome(json -> json.path("id").asString());
    }

    @Override
    public Optional<List<CheckInEntry>> checkIns(Caller client, LocalDate from, LocalDate to) {
        var answer = calls.get(
                Service.CHECKIN, "/api/v1/checkins?from=" + from + "&to=" + to + "&size=" + PAGE_SIZE, client);
        if (!answer.ok() || answer.body() == null) {
            return Optional.empty();
        }
        var entries = new ArrayList<CheckInEntry>();
        for (var item : items(answer.body())) {
            entries.add(new CheckInEntry(
                    item.path("id").asString(),
                    instant(item.path("recordedAt")),
                    date(item.path("localDate")),
                    item.path("mood").asInt(),
                    window(item.path("window")),
                    strings(item.path("emotions")),
                    item.path("energy").asInt(),
                    item.path("sleepHours").isNumber() ? item.path("sleepHours").asDouble() : null,
                    strings(item.path("tags")),
                    item.path("note").isString() ? item.path("note").asString() : null));
        }
        return Optional.of(entries);
    }

    @Override
    public boolean raiseHelpNow(Caller client) {
        var answer = calls.post(Service.CHECKIN, "/api/v1/help-now", client, null, Map.of());
        return answer.ok()
                && answer.body() != null
                && answer.body().path("alertRecorded").asBoolean(false);
    }

    @Override
    public Optional<List<Instrument>> instruments(Caller client) {
        var answer = calls.get(Service.CHECKIN, "/api/v1/questionnaires", client);
        if (!answer.ok() || answer.body() == null) {
            return Optional.empty();
        }
        var instruments = new ArrayList<Instrument>();
        for (var node : items(answer.body())) {
            var shared = options(node.path("options"));
            var items = new ArrayList<Instrument.Item>();
            for (var item : node.path("items")) {
                var own = options(item.path("options"));
                items.add(new Instrument.Item(
                        item.path("id").asString(), item.path("text").asString(), own.isEmpty() ? shared : own));
            }
            if (items.isEmpty()) {
                continue;
            }
            instruments.add(new Instrument(
                    node.path("code").asString(),
                    node.path("title").asString(),
                    node.path("about").asString(null),
                    node.path("source").asString(null),
                    node.path("validated").asBoolean(false),
                    node.path("prompt").asString(null),
                    items,
                    safetyItems(node.path("flags"))));
        }
        return Optional.of(instruments);
    }

    @Override
    public Outcome<QuestionnaireResult> respond(Caller client, String code, Map<String, Integer> answers) {
        var path = "/api/v1/questionnaires/" + UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8)
                + "/responses";
        return calls.post(Service.CHECKIN, path, client, Map.of("answers", answers), Map.of())
                .outcome(json -> new QuestionnaireResult(
                        json.path("code").asString(code),
                        json.path("total").asInt(),
                        json.path("maxTotal").asInt(),
                        json.path("band").asString(null),
                        json.path("bandLabel").asString(null),
                        strings(json.path("flags"))));
    }

    @Override
    public Outcome<FeedbackEntry> recordFeedback(Caller client, FeedbackForm form) {
        var body = new LinkedHashMap<String, Object>();
        body.put("heard", form.heard());
        body.put("goals", form.goals());
        body.put("approach", form.approach());
        body.put("overall", form.overall());
        if (form.sessionDate() != null) {
            body.put("sessionDate", form.sessionDate().toString());
        }
        if (form.text() != null && !form.text().isBlank()) {
            body.put("text", form.text());
        }
        body.put("shareComment", form.shareComment());
        return calls.post(Service.CHECKIN, "/api/v1/session-feedback", client, body, Map.of())
                .outcome(HttpCheckinGateway::feedbackEntry);
    }

    @Override
    public boolean shareFeedback(Caller client, String feedbackId, boolean includeComment) {
        var path = "/api/v1/session-feedback/"
                + UriUtils.encodePathSegment(feedbackId, java.nio.charset.StandardCharsets.UTF_8) + "/share";
        return calls.post(Service.CHECKIN, path, client, Map.of("shareComment", includeComment), Map.of())
                .ok();
    }

    @Override
    public Optional<List<FeedbackEntry>> feedback(Caller client, LocalDate from, LocalDate to) {
        var answer = calls.get(Service.CHECKIN, "/api/v1/session-feedback?from=" + from + "&to=" + to, client);
        if (!answer.ok() || answer.body() == null) {
            return Optional.empty();
        }
        var entries = new ArrayList<FeedbackEntry>();
        for (var item : items(answer.body())) {
            entries.add(feedbackEntry(item));
        }
        return Optional.of(entries);
    }

    private static FeedbackEntry feedbackEntry(JsonNode json) {
        var rupture = json.path("ruptureSignal");
        boolean signal = rupture.isBoolean()
                ? rupture.asBoolean()
                : rupture.path("signal").asBoolean(false);
        return new FeedbackEntry(
                json.path("id").asString(),
                instant(json.path("recordedAt")),
                date(json.path("sessionDate")),
                json.path("total").asInt(),
                json.path("maxTotal").asInt(40),
                signal,
                json.path("commentShared")
                        .asBoolean(json.path("sharedWithTherapist").asBoolean(false)),
                integer(json.path("heard")),
                integer(json.path("goals")),
                integer(json.path("approach")),
                integer(json.path("overall")),
                json.path("comment").isString()
                        ? json.path("comment").asString()
                        : json.path("text").isString() ? json.path("text").asString() : null);
    }

    /** A list answer, whether the service sends a bare array or a page with {@code items}. */
    private static JsonNode items(JsonNode body) {
        return body.isArray() ? body : body.path("items");
    }

    /** Flag rules on one item's answer that make a safety flag: the screen shows crisis lines from that answer on. */
    private static Map<String, Integer> safetyItems(JsonNode flags) {
        var items = new LinkedHashMap<String, Integer>();
        for (var rule : flags) {
            if (rule.path("item").isString()
                    && rule.path("safety").isString()
                    && rule.path("atLeast").isNumber()) {
                items.put(rule.path("item").asString(), rule.path("atLeast").asInt());
            }
        }
        return items;
    }

    private static List<Instrument.Option> options(JsonNode node) {
        var options = new ArrayList<Instrument.Option>();
        for (var option : node) {
            options.add(new Instrument.Option(
                    option.path("value").asInt(), option.path("label").asString("")));
        }
        return options;
    }

    private static List<String> strings(JsonNode node) {
        var values = new ArrayList<String>();
        for (var value : node) {
            values.add(value.asString());
        }
        return values;
    }

    private static Integer integer(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isString() ? Instant.parse(node.asString()) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static LocalDate date(JsonNode node) {
        try {
            return node.isString() ? LocalDate.parse(node.asString()) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static WindowOfTolerance window(JsonNode node) {
        try {
            return WindowOfTolerance.valueOf(node.asString());
        } catch (RuntimeException unknown) {
            return null;
        }
    }
}

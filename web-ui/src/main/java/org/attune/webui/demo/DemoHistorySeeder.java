package org.attune.webui.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.attune.webui.token.ServiceTokens.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Posts the demo client's six weeks ({@link DemoHistory}) through the services' public HTTP APIs, exactly as the
 * client's own screens would, in the background: the services may still be starting. What went through is recorded,
 * so a restart continues instead of duplicating.
 */
@Component
@ConditionalOnProperty(name = "attune.demo.enabled", havingValue = "true")
class DemoHistorySeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoHistorySeeder.class);
    private static final Duration SERVICES_PATIENCE = Duration.ofMinutes(10);

    @Document("demo_seed")
    record SeedProgress(@Id String clientId, Set<String> done, boolean complete) {}

    private final ServiceTokens services;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final RestClient rest;

    DemoHistorySeeder(ServiceTokens services, MongoTemplate mongo, Clock clock) {
        this.services = services;
        this.mongo = mongo;
        this.clock = clock;
        this.rest = services.restClient(Duration.ofSeconds(10));
    }

    void seedInBackground(Caller client) {
        Thread.ofVirtual().name("demo-history").start(() -> {
            try {
                seed(client);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Blocks until everything is posted (or refused), the services stay away too long, or interrupted. */
    void seed(Caller client) throws InterruptedException {
        var progress = mongo.findById(client.id().toString(), SeedProgress.class);
        if (progress != null && progress.complete()) {
            return;
        }
        if (!awaitServices(client)) {
            log.warn("Demo history not created: the services did not answer within {}", SERVICES_PATIENCE);
            return;
        }
        var done = progress == null ? Set.<String>of() : progress.done();
        var today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int refused = 0;
        for (var item : DemoHistory.sixWeeksBefore(today, ZoneOffset.UTC)) {
            if (done.contains(item.key())) {
                continue;
            }
            if (post(client, item)) {
                markDone(client, item.key());
            } else {
                refused++;
            }
        }
        boolean extrasDone = postRhythmAndPractice(client) & postGoals(client, today);
        if (refused == 0 && extrasDone) {
            mongo.upsert(
                    Query.query(Criteria.where("_id").is(client.id().toString())),
                    Update.update("complete", true),
                    SeedProgress.class);
            log.info("Demo history is in place: six weeks for the demo client");
        } else {
            log.warn("Demo history is incomplete: {} items were refused; the next start tries again", refused);
        }
    }

    private boolean awaitServices(Caller client) throws InterruptedException {
        long deadline = System.nanoTime() + SERVICES_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            boolean allUp = services.getJson(Service.CHECKIN, "/api/v1/questionnaires", client)
                            .isPresent()
                    && services.getJson(Service.CONTENT, "/api/v1/content?size=1", client)
                            .isPresent()
                    && services.getJson(Service.NOTIFICATION, "/api/v1/preferences", client)
                            .isPresent();
            if (allUp) {
                return true;
            }
            Thread.sleep(3_000);
        }
        return false;
    }

    private boolean post(Caller client, DemoHistory.Item item) {
        var recordedAt = item.at().toInstant().toString();
        return switch (item) {
            case DemoHistory.CheckIn c -> {
                var body = new LinkedHashMap<String, Object>();
                body.put("mood", c.mood());
                body.put("window", c.window());
                body.put("emotions", c.emotions());
                body.put("energy", c.energy());
                body.put("sleepHours", c.sleepHours());
                body.put("tags", c.tags());
                body.put("recordedAt", recordedAt);
                yield send(client, Service.CHECKIN, "POST", "/api/v1/checkins", body, "demo-" + c.key());
            }
            case DemoHistory.Questionnaire q ->
                send(
                        client,
                        Service.CHECKIN,
                        "POST",
                        "/api/v1/questionnaires/" + q.code() + "/responses",
                        Map.of("answers", q.answers(), "recordedAt", recordedAt),
                        null);
            case DemoHistory.Feedback f -> {
                var body = new HashMap<String, Object>();
                body.put("heard", f.heard());
                body.put("goals", f.goals());
                body.put("approach", f.approach());
                body.put("overall", f.overall());
                body.put("sessionDate", f.sessionDate().toString());
                body.put("recordedAt", recordedAt);
                if (f.text() != null) {
                    body.put("text", f.text());
                    body.put("shareComment", true);
                }
                yield send(client, Service.CHECKIN, "POST", "/api/v1/session-feedback", body, null);
            }
        };
    }

    /** A weekly session rhythm, and a few library pieces opened and found helpful (content has no backdating). */
    private boolean postRhythmAndPractice(Caller client) {
        boolean ok = send(
                client,
                Service.NOTIFICATION,
                "PUT",
                "/api/v1/session-schedule",
                Map.of(
                        "timeZone",
                        "UTC",
                        "weeklyDay",
                        DemoHistory.SESSION_DAY.name(),
                        "weeklyTime",
                        "10:00",
                        "durationMinutes",
                        50),
                null);
        var library = services.getJson(Service.CONTENT, "/api/v1/content?size=3", client);
        if (library.isEmpty()) {
            return false;
        }
        for (var slug : library.get().findValues("slug").stream().limit(3).toList()) {
            for (var kind : List.of("OPENED", "COMPLETED", "HELPFUL")) {
                ok &= send(
                        client,
                        Service.CONTENT,
                        "POST",
                        "/api/v1/content/" + slug.asString() + "/engagements",
                        Map.of("kind", kind),
                        null);
            }
        }
        return ok;
    }

    /** The demo's shared goals with a rating in each of the last six weeks; skipped when the client has goals. */
    private boolean postGoals(Caller client, LocalDate today) {
        var existing = services.getJson(Service.CHECKIN, "/api/v1/goals", client);
        if (existing.isEmpty()) {
            return false;
        }
        if (!existing.get().isEmpty()) {
            return true;
        }
        boolean ok = true;
        for (var goal : DemoHistory.goals()) {
            var created = services.postJson(Service.CHECKIN, "/api/v1/goals", Map.of("text", goal.text()), client);
            if (!created.ok() || created.body() == null) {
                return false;
            }
            var id = created.body().path("id").asString();
            var ratings = goal.weeklyRatings();
            for (int i = 0; i < ratings.size(); i++) {
                var at = today.minusWeeks(ratings.size() - 1L - i)
                        .minusDays(1)
                        .atTime(12, 0)
                        .toInstant(ZoneOffset.UTC);
                ok &= services.putJson(
                                Service.CHECKIN,
                                "/api/v1/goals/" + id + "/rating",
                                Map.of("rating", ratings.get(i), "recordedAt", at.toString()),
                                client)
                        .ok();
            }
        }
        return ok;
    }

    private boolean send(
            Caller client, Service service, String method, String path, Object body, String idempotencyKey) {
        try {
            var request = ("PUT".equals(method) ? rest.put() : rest.post())
                    .uri(services.baseUrl(service).resolve(path))
                    .header("Authorization", "Bearer " + services.tokenFor(client))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body);
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            request.retrieve().toBodilessEntity();
            return true;
        } catch (HttpStatusCodeException e) {
            // The status only: the body may echo what was sent, and that is health data.
            log.warn(
                    "Demo history: {} {} was refused with {}",
                    method,
                    path.replaceAll("/[0-9a-f-]{36}", "/…"),
                    e.getStatusCode());
            return false;
        } catch (RestClientException e) {
            log.warn("Demo history: {} did not answer {}", service, path);
            return false;
        }
    }

    private void markDone(Caller client, String key) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(client.id().toString())),
                new Update().addToSet("done", key).setOnInsert("complete", false),
                SeedProgress.class);
    }
}

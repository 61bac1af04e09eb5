package org.attune.content.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.attune.content.Api;
import org.attune.content.TestClockConfig;
import org.attune.events.AttuneEvent;
import org.attune.events.CheckInRecorded;
import org.attune.events.ContentRecommended;
import org.attune.events.EventJson;
import org.attune.events.QuestionnaireCompleted;
import org.attune.events.RuptureReason;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.events.SessionFeedbackRecorded;
import org.attune.events.Topics;
import org.attune.events.WindowOfTolerance;
import org.attune.kit.outbox.Outbox;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.EventPublisher;
import org.attune.testsupport.MutableClock;
import org.attune.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@AttuneIntegrationTest
@Import(TestClockConfig.class)
class RecommendationIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    RecommendationEngine engine;

    @Autowired
    RecommendationRules rules;

    @Autowired
    MutableClock clock;

    String bootstrap = TestInfrastructure.get().bootstrapServers();
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static CheckInRecorded checkIn(UUID client, WindowOfTolerance window, String... tags) {
        return CheckInRecorded.of(
                client, UUID.randomUUID(), 5, window, List.of("tired"), 5, 7.0, List.of(tags), false, LocalDate.now());
    }

    List<Recommendation> stored(UUID client) {
        return mongo.find(Query.query(Criteria.where("clientId").is(client.toString())), Recommendation.class)
                .collectList()
                .block();
    }

    /** Waits until the service has taken the event in (its dedupe mark); what it did is asserted separately. */
    void awaitApplied(UUID eventId) {
        var query = Query.query(Criteria.where("_id").is(eventId.toString()));
        await().atMost(WAIT)
                .alias("event " + eventId + " taken in")
                .until(() ->
                        mongo.count(query, Document.class, "applied_events").block() > 0);
    }

    @Test
    void each_rule_fires_from_a_real_event_and_publishes_content_recommended() throws Exception {
        record Case(AttuneEvent event, String ruleId, String slug, boolean pinned) {}
        var cases = List.of(
                new Case(
                        checkIn(UUID.randomUUID(), WindowOfTolerance.HYPER),
                        "hyper-aroused-grounding",
                        "grounding-5-4-3-2-1",
                        false),
                new Case(
                        checkIn(UUID.randomUUID(), WindowOfTolerance.HYPO),
                        "hypo-aroused-grounding",
                        "coming-back-up-gently",
                        false),
                new Case(
                        checkIn(UUID.randomUUID(), WindowOfTolerance.WITHIN, "people-pleasing"),
                        "pattern-people-pleasing",
                        "people-pleasing-a-protective-pattern",
                        false),
                new Case(
                        checkIn(UUID.randomUUID(), WindowOfTolerance.WITHIN, "numbing"),
                        "pattern-numbing",
                        "emotional-numbing-a-protective-pattern",
                        false),
                new Case(
                        checkIn(UUID.randomUUID(), WindowOfTolerance.WITHIN, "hyper-independence"),
                        "pattern-hyper-independence",
                        "hyper-independence-a-protective-pattern",
                        false),
                new Case(
                        checkIn(UUID.randomUUID(), WindowOfTolerance.WITHIN, "red-flag-noticed"),
                        "pattern-red-flag-noticed",
                        "recognising-red-flags",
                        false),
                new Case(
                        checkIn(UUID.randomUUID(), WindowOfTolerance.WITHIN, "needs-advocated"),
                        "pattern-needs-advocated",
                        "advocating-for-your-needs",
                        false),
                new Case(
                        QuestionnaireCompleted.of(
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                "GAD-7",
                                11,
                                21,
                                "moderate",
                                "mild",
                                true,
                                List.of()),
                        "questionnaire-worsened-self-compassion",
                        "when-things-feel-worse-for-a-while",
                        false),
                new Case(
                        SessionFeedbackRecorded.of(
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                12,
                                40,
                                true,
                                RuptureReason.LOW_TOTAL,
                                false,
                                LocalDate.now()),
                        "session-rupture-repair-low",
                        "rupture-script-felt-unheard",
                        false),
                new Case(
                        SessionFeedbackRecorded.of(
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                30,
                                40,
                                true,
                                RuptureReason.DROP_FROM_BASELINE,
                                false,
                                LocalDate.now()),
                        "session-rupture-repair-drop",
                        "rupture-script-something-stayed-with-me",
                        false),
                new Case(
                        SafetyFlagRaised.of(
                                UUID.randomUUID(), UUID.randomUUID(), SafetyFlagReason.SELF_HARM_ITEM, "PHQ-9"),
                        "safety-flag-crisis-resources",
                        "crisis-resources",
                        true));
        assertThat(cases.stream().map(Case::ruleId))
                .as("every rule in the file is exercised")
                .containsExactlyInAnyOrderElementsOf(
                        rules.all().stream().map(RecommendationRules.Rule::id).toList());

        try (var probe = EventProbe.open(bootstrap, Topics.CONTENT);
                var events = new EventPublisher(bootstrap)) {
            cases.forEach(c -> events.publish(c.event()));
            for (var c : cases) {
                var published = probe.await(
                        ContentRecommended.class,
                        e -> e.clientId().equals(c.event().clientId()),
                        WAIT);
                assertThat(published.ruleId()).isEqualTo(c.ruleId());
                assertThat(published.slug()).isEqualTo(c.slug());
                assertThat(published.pinned()).isEqualTo(c.pinned());
                assertThat(published.triggerEventId()).isEqualTo(c.event().eventId());
                assertThat(published.reason()).isNotBlank().doesNotContain("{");

                api.getAsClient(c.event().clientId(), "/api/v1/recommendations")
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.length()")
                        .isEqualTo(1)
                        .jsonPath("$[0].slug")
                        .isEqualTo(c.slug())
                        .jsonPath("$[0].reason")
                        .isEqualTo(published.reason())
                        .jsonPath("$[0].recommendationId")
                        .isEqualTo(published.recommendationId().toString());
            }
        }
    }

    @Test
    void the_hyper_aroused_reason_names_the_practice_and_its_minutes() throws Exception {
        var client = UUID.randomUUID();
        try (var events = new EventPublisher(bootstrap)) {
            var event = checkIn(client, WindowOfTolerance.HYPER);
            events.publish(event);
            awaitApplied(event.eventId());
        }
        assertThat(stored(client))
                .singleElement()
                .satisfies(r -> assertThat(r.reason())
                        .isEqualTo(
                                "You checked in as hyper-aroused. This 3-minute practice, \"Five senses, one breath at a"
                                        + " time\", may help your body settle a little, if you'd like to try it."));
    }

    @Test
    void a_check_in_within_the_window_and_without_tags_recommends_nothing() throws Exception {
        var client = UUID.randomUUID();
        try (var events = new EventPublisher(bootstrap)) {
            var event = checkIn(client, WindowOfTolerance.WITHIN);
            events.publish(event);
            awaitApplied(event.eventId());
        }
        assertThat(stored(client)).isEmpty();
        api.getAsClient(client, "/api/v1/recommendations")
                .expectStatus()
                .isOk()
                .expectBody()
                .json("[]");
    }

    @Test
    void a_redelivered_event_recommends_once() throws Exception {
        var client = UUID.randomUUID();
        var event = checkIn(client, WindowOfTolerance.HYPO);
        var later = checkIn(client, WindowOfTolerance.WITHIN);
        try (var events = new EventPublisher(bootstrap)) {
            events.publish(event);
            events.publish(event);
            // Same key, same partition: once the later one is taken in, both copies before it were handled.
            events.publish(later);
            awaitApplied(later.eventId());
        }
        assertThat(stored(client)).hasSize(1);
        // Applying the same event again by hand (as after a crash before the applied-mark) adds nothing either.
        assertThat(engine.consider(event).collectList().block()).isEmpty();
        assertThat(stored(client)).hasSize(1);
    }

    @Test
    void over_a_simulated_week_at_most_two_a_day_and_never_the_same_piece_twice_in_seven_days() {
        var client = UUID.randomUUID();
        var start = clock.instant()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(1))
                .plus(Duration.ofHours(8));
        clock.moveTo(start);
        var perDay = new LinkedHashMap<LocalDate, List<Recommendation>>();
        for (int day = 0; day < 10; day++) {
            // A hard day: three dysregulated check-ins and a pattern tag, every day.
            for (var event : List.of(
                    checkIn(client, WindowOfTolerance.HYPER),
                    checkIn(client, WindowOfTolerance.HYPER, "people-pleasing"),
                    checkIn(client, WindowOfTolerance.HYPO),
                    checkIn(client, WindowOfTolerance.HYPER))) {
                engine.consider(event).collectList().block();
                clock.advance(Duration.ofHours(3));
            }
            clock.moveTo(start.plus(Duration.ofDays(day + 1)));
        }
        for (var r : stored(client)) {
            perDay.computeIfAbsent(LocalDate.ofInstant(r.createdAt(), ZoneOffset.UTC), d -> new ArrayList<>())
                    .add(r);
        }

        assertThat(perDay.values()).allSatisfy(list -> assertThat(list).hasSizeLessThanOrEqualTo(2));
        assertThat(perDay.get(LocalDate.ofInstant(start, ZoneOffset.UTC)))
                .as("the first day reaches the limit")
                .hasSize(2);
        var lastShown = new HashMap<String, Instant>();
        stored(client).stream()
                .sorted(java.util.Comparator.comparing(Recommendation::createdAt))
                .forEach(r -> {
                    var before = lastShown.put(r.slug(), r.createdAt());
                    if (before != null) {
                        assertThat(Duration.between(before, r.createdAt()))
                                .as(r.slug() + " repeated too soon")
                                .isGreaterThanOrEqualTo(Duration.ofDays(7));
                    }
                });
        assertThat(stored(client).stream().map(Recommendation::slug).distinct().count())
                .as("variety across the week")
                .isGreaterThanOrEqualTo(8);
        assertThat(stored(client).stream().filter(r -> r.slug().equals("grounding-5-4-3-2-1")))
                .as("a piece may come back once seven days have passed")
                .hasSize(2);
    }

    @Test
    void a_safety_flag_pins_the_crisis_piece_first_even_when_the_day_is_full_and_nothing_replaces_it()
            throws Exception {
        var client = UUID.randomUUID();
        engine.consider(checkIn(client, WindowOfTolerance.HYPER)).collectList().block();
        engine.consider(checkIn(client, WindowOfTolerance.HYPO)).collectList().block();
        assertThat(stored(client)).hasSize(2);

        try (var probe = EventProbe.open(bootstrap, Topics.CONTENT);
                var events = new EventPublisher(bootstrap)) {
            events.publish(SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now"));
            // The two earlier recommendations' events may still be on their way from the outbox: wait for the pin.
            var pinned = probe.await(ContentRecommended.class, e -> e.clientId().equals(client) && e.pinned(), WAIT);
            assertThat(pinned.slug()).isEqualTo("crisis-resources");
            assertThat(pinned.pinned()).isTrue();
        }
        // Later recommendations on later days come after it; the crisis piece stays first.
        clock.advance(Duration.ofDays(1));
        engine.consider(checkIn(client, WindowOfTolerance.WITHIN, "numbing"))
                .collectList()
                .block();
        engine.consider(QuestionnaireCompleted.of(
                        client, UUID.randomUUID(), "PHQ-9", 14, 27, "moderate", "mild", true, List.of()))
                .collectList()
                .block();
        api.getAsClient(client, "/api/v1/recommendations")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(5)
                .jsonPath("$[0].slug")
                .isEqualTo("crisis-resources")
                .jsonPath("$[0].pinned")
                .isEqualTo(true)
                .jsonPath("$[?(@.slug == 'crisis-resources')]")
                .value(list -> assertThat((List<?>) list).hasSize(1));
    }

    @Test
    void a_piece_marked_not_helpful_is_offered_last_and_listed_last() {
        var client = UUID.randomUUID();
        api.postAsClient(client, "/api/v1/content/grounding-5-4-3-2-1/engagements", "{\"kind\":\"NOT_HELPFUL\"}")
                .expectStatus()
                .isCreated();

        var first = engine.consider(checkIn(client, WindowOfTolerance.HYPER))
                .collectList()
                .block();
        assertThat(first).singleElement().satisfies(r -> assertThat(r.slug()).isEqualTo("paced-breathing"));

        api.postAsClient(client, "/api/v1/content/paced-breathing/engagements", "{\"kind\":\"NOT_HELPFUL\"}")
                .expectStatus()
                .isCreated();
        engine.consider(checkIn(client, WindowOfTolerance.WITHIN, "red-flag-noticed"))
                .collectList()
                .block();
        api.getAsClient(client, "/api/v1/recommendations")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].slug")
                .isEqualTo("recognising-red-flags")
                .jsonPath("$[1].slug")
                .isEqualTo("paced-breathing");
    }

    @Test
    void an_event_left_in_the_outbox_by_a_crash_is_published_by_the_relay() throws Exception {
        var client = UUID.randomUUID();
        var event = ContentRecommended.of(
                client,
                UUID.randomUUID(),
                "paced-breathing",
                "Paced breathing",
                "A reason.",
                "hyper-aroused-grounding",
                false,
                null);
        // Stored, then the writer crashed before publishing: the outbox is due and nobody holds a claim.
        var orphan = new Recommendation(
                client + ":crashed",
                event.recommendationId().toString(),
                client.toString(),
                "paced-breathing",
                "Paced breathing",
                "A reason.",
                "hyper-aroused-grounding",
                false,
                UUID.randomUUID().toString(),
                LocalDate.now().toString(),
                clock.instant(),
                new Outbox(List.of(EventJson.write(event)), clock.instant().minus(Outbox.GRACE), null, null),
                null);
        try (var probe = EventProbe.open(bootstrap, Topics.CONTENT)) {
            mongo.insert(orphan).block();
            var relayed = probe.await(ContentRecommended.class, e -> e.eventId().equals(event.eventId()), WAIT);
            assertThat(relayed).isEqualTo(event);
        }
        await().atMost(WAIT).untilAsserted(() -> {
            var after = mongo.findById(orphan.id(), Recommendation.class).block();
            assertThat(after.outbox().events())
                    .as("outbox.events after the relay")
                    .isEmpty();
            assertThat(after.outbox().publishedAt()).isNotNull();
        });
    }

    @Test
    void a_poison_check_in_goes_to_the_dead_letter_topic_and_the_next_one_is_still_recommended() throws Exception {
        var client = UUID.randomUUID();
        try (var probe = EventProbe.open(bootstrap, Topics.deadLetterOf(Topics.CHECKINS), Topics.CONTENT);
                var events = new EventPublisher(bootstrap)) {
            events.publishRaw(
                    Topics.CHECKINS,
                    client.toString(),
                    "{\"type\":\"CheckInRecorded\",\"mood\":99}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            events.publish(checkIn(client, WindowOfTolerance.HYPER));

            var dead = probe.awaitRecord(Topics.deadLetterOf(Topics.CHECKINS), WAIT);
            assertThat(dead.key()).isEqualTo(client.toString());
            var next = probe.await(ContentRecommended.class, e -> e.clientId().equals(client), WAIT);
            assertThat(next.slug()).isEqualTo("grounding-5-4-3-2-1");
        }
    }

    @Test
    void a_client_can_dismiss_a_recommendation_and_it_still_counts_for_the_limits() {
        var client = UUID.randomUUID();
        var made = engine.consider(checkIn(client, WindowOfTolerance.HYPER)).blockFirst();
        engine.consider(SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now"))
                .blockFirst();
        api.postAsClient(UUID.randomUUID(), "/api/v1/recommendations/" + made.recommendationId() + "/dismiss", "")
                .expectStatus()
                .isNotFound();
        api.postAsClient(client, "/api/v1/recommendations/" + made.recommendationId() + "/dismiss", "")
                .expectStatus()
                .isNoContent();

        api.getAsClient(client, "/api/v1/recommendations")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].slug")
                .isEqualTo("crisis-resources");
        var next = engine.consider(checkIn(client, WindowOfTolerance.HYPER)).blockFirst();
        assertThat(next.slug())
                .as("the dismissed piece is not offered again within 7 days")
                .isEqualTo("paced-breathing");
    }

    @Test
    void only_clients_have_recommendations() {
        api.getAsTherapist(UUID.randomUUID(), "/api/v1/recommendations")
                .expectStatus()
                .isForbidden();
    }
}

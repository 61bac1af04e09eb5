package org.attune.webui.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.attune.events.Role;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP gateways against a small local HTTP server that answers the way checkin-service and content-service do:
 * what is sent (headers, JSON), and how answers, field problems and silence are read.
 */
class HttpGatewaysTest {

    static final Caller CLIENT = new Caller(UUID.randomUUID(), Role.CLIENT);
    static final JsonMapper JSON = JsonMapper.builder().build();

    HttpServer server;
    final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    final Map<String, JsonNode> lastBodies = new ConcurrentHashMap<>();
    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final Map<String, Queue<Answer>> answersInTurn = new ConcurrentHashMap<>();
    HttpCheckinGateway checkins;
    HttpExerciseGateway exercises;

    record Answer(int status, String contentType, String body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        var base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        var calls = new ServiceCalls(caller -> "token-of-" + caller.id(), service -> base);
        checkins = new HttpCheckinGateway(calls);
        exercises = new HttpExerciseGateway(calls, Duration.ofMillis(800), Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        var key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        lastHeaders.put(
                key + " Authorization",
                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        lastHeaders.put(
                key + " Idempotency-Key",
                String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        lastHeaders.put(key + " query", String.valueOf(exchange.getRequestURI().getQuery()));
        var sent = exchange.getRequestBody().readAllBytes();
        if (sent.length > 0) {
            lastBodies.put(key, JSON.readTree(sent));
        }
        var inTurn =
                answersInTurn.getOrDefault(key, new ConcurrentLinkedQueue<>()).poll();
        var answer = inTurn != null
                ? inTurn
                : answers.getOrDefault(key, new Answer(404, "application/problem+json", "{\"status\":404}"));
        var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Answers given once each, in order, before the standing answer of {@link #answer}. */
    private void answerInTurn(String key, int status, String body) {
        answersInTurn
                .computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>())
                .add(new Answer(status, "application/json", body));
    }

    private void answer(String key, int status, String body) {
        answers.put(key, new Answer(status, status >= 400 ? "application/problem+json" : "application/json", body));
    }

    @Test
    void aCheckInIsPostedAsTheClientWithItsIdempotencyKey() {
        answer("POST /api/v1/checkins", 201, "{\"id\":\"c-1\",\"mood\":6,\"window\":\"HYPER\"}");
        var form = new CheckInForm(
                6,
                WindowOfTolerance.HYPER,
                List.of("anxious", "tender"),
                4,
                6.5,
                List.of("numbing"),
                "A note.",
                LocalDate.of(2026, 11, 27));

        var outcome = checkins.recordCheckIn(CLIENT, form, "key-1");

        assertThat(outcome).isEqualTo(new Outcome.Done<>("c-1"));
        assertThat(lastHeaders)
                .containsEntry("POST /api/v1/checkins Authorization", "Bearer token-of-" + CLIENT.id())
                .containsEntry("POST /api/v1/checkins Idempotency-Key", "key-1");
        var body = lastBodies.get("POST /api/v1/checkins");
        assertThat(body.path("mood").asInt()).isEqualTo(6);
        assertThat(body.path("window").asString()).isEqualTo("HYPER");
        assertThat(body.path("emotions").toString()).isEqualTo("[\"anxious\",\"tender\"]");
        assertThat(body.path("energy").asInt()).isEqualTo(4);
        assertThat(body.path("sleepHours").asDouble()).isEqualTo(6.5);
        assertThat(body.path("tags").toString()).isEqualTo("[\"numbing\"]");
        assertThat(body.path("note").asString()).isEqualTo("A note.");
        assertThat(body.path("localDate").asString()).isEqualTo("2026-11-27");
    }

    @Test
    void fieldProblemsOfA400AreReadFromTheProblemDetails() {
        answer(
                "POST /api/v1/checkins",
                400,
                "{\"title\":\"Invalid request\",\"status\":400,\"errors\":[{\"field\":\"mood\",\"message\":\"must be"
                        + " between 0 and 10\"},{\"field\":\"emotions[0]\",\"message\":\"must not be empty\"}]}");

        var outcome = checkins.recordCheckIn(
                CLIENT, new CheckInForm(11, WindowOfTolerance.WITHIN, List.of(" "), 5, null, null, null, null), "k");

        assertThat(outcome)
                .isEqualTo(new Outcome.Invalid<>(List.of(
                        new Outcome.FieldProblem("mood", "must be between 0 and 10"),
                        new Outcome.FieldProblem("emotions[0]", "must not be empty"))));
        var body = lastBodies.get("POST /api/v1/checkins");
        assertThat(body.has("note")).isFalse();
        assertThat(body.has("sleepHours")).isFalse();
    }

    @Test
    void aServerErrorOrNoServiceAtAllIsUnavailableNotAnError() {
        answer("POST /api/v1/checkins", 500, "{\"status\":500}");
        var form = new CheckInForm(5, WindowOfTolerance.WITHIN, null, 5, null, null, null, null);

        assertThat(checkins.recordCheckIn(CLIENT, form, "k")).isInstanceOf(Outcome.Unavailable.class);

        server.stop(0);

        assertThat(checkins.recordCheckIn(CLIENT, form, "k")).isInstanceOf(Outcome.Unavailable.class);
        assertThat(checkins.raiseHelpNow(CLIENT)).isFalse();
        assertThat(checkins.instruments(CLIENT)).isEmpty();
        assertThat(exercises.recommendedAfterCheckIn(CLIENT, Instant.now())).isEmpty();
    }

    @Test
    void helpNowCountsAsRaisedOnlyWhenTheServiceStoredTheFlag() {
        answer("POST /api/v1/help-now", 201, "{\"flagId\":\"f\",\"alertRecorded\":true}");
        assertThat(checkins.raiseHelpNow(CLIENT)).isTrue();

        answer("POST /api/v1/help-now", 201, "{\"flagId\":null,\"alertRecorded\":false}");
        assertThat(checkins.raiseHelpNow(CLIENT)).isFalse();
    }

    @Test
    void instrumentsAreReadWithTheirSharedOrOwnOptions() {
        answer("GET /api/v1/questionnaires", 200, """
                [{"code":"GAD-7","title":"GAD-7","validated":true,"prompt":"Over the last 2 weeks",
                  "options":[{"value":0,"label":"Not at all"},{"value":3,"label":"Nearly every day"}],
                  "items":[{"id":"1","text":"Feeling nervous"},
                           {"id":"2","text":"Own options","options":[{"value":0,"label":"No"},{"value":1,"label":"Yes"}]}],
                  "bands":[]}]
                """);

        var instruments = checkins.instruments(CLIENT).orElseThrow();

        assertThat(instruments).hasSize(1);
        var gad = instruments.getFirst();
        assertThat(gad.code()).isEqualTo("GAD-7");
        assertThat(gad.items().get(0).options())
                .extracting(Instrument.Option::label)
                .containsExactly("Not at all", "Nearly every day");
        assertThat(gad.items().get(1).options())
                .extracting(Instrument.Option::label)
                .containsExactly("No", "Yes");
    }

    @Test
    void anItemWhoseAnswerAloneIsASafetyFlagIsKnownBeforeAnythingIsSent() {
        answer("GET /api/v1/questionnaires", 200, """
                [{"code":"PHQ-9","title":"PHQ-9","options":[{"value":0,"label":"Not at all"}],
                  "items":[{"id":"1","text":"Interest"},{"id":"9","text":"Thoughts"}],
                  "flags":[{"code":"SELF_HARM_ITEM","item":"9","atLeast":1,"safety":"SELF_HARM_ITEM"},
                           {"code":"SEVERE_BAND","band":"severe","safety":"SEVERE_BAND"},
                           {"code":"NOTE","item":"1","atLeast":3}]}]
                """);

        var phq9 = checkins.instruments(CLIENT).orElseThrow().getFirst();

        assertThat(phq9.safetyItems()).containsExactly(java.util.Map.entry("9", 1));
        assertThat(phq9.safetyItemAnswered(java.util.Map.of("1", 3, "9", 0))).isFalse();
        assertThat(phq9.safetyItemAnswered(java.util.Map.of("9", 1))).isTrue();
    }

    @Test
    void aQuestionnaireResponseIsScoredWithItsFlags() {
        answer(
                "POST /api/v1/questionnaires/PHQ-9/responses",
                201,
                "{\"code\":\"PHQ-9\",\"total\":4,\"maxTotal\":27,\"band\":\"minimal\",\"bandLabel\":\"Minimal\","
                        + "\"flags\":[\"SELF_HARM_ITEM\"],\"help\":{\"message\":\"...\"}}");

        var outcome = checkins.respond(CLIENT, "PHQ-9", Map.of("9", 1));

        var result = ((Outcome.Done<QuestionnaireResult>) outcome).value();
        assertThat(result.selfHarmItem()).isTrue();
        assertThat(result.total()).isEqualTo(4);
        assertThat(lastBodies.get("POST /api/v1/questionnaires/PHQ-9/responses").toString())
                .isEqualTo("{\"answers\":{\"9\":1}}");
    }

    @Test
    void sessionFeedbackIsPostedAndItsRuptureSignalRead() {
        answer(
                "POST /api/v1/session-feedback",
                201,
                "{\"id\":\"fb-1\",\"total\":12,\"maxTotal\":40,\"ruptureSignal\":{\"signal\":true,\"reason\":"
                        + "\"LOW_TOTAL\"},\"sharedWithTherapist\":false,\"recordedAt\":\"2026-11-27T09:00:00Z\"}");
        answer("POST /api/v1/session-feedback/fb-1/share", 200, "{\"id\":\"fb-1\",\"sharedWithTherapist\":true}");

        var outcome = checkins.recordFeedback(
                CLIENT, new FeedbackForm(3, 3, 3, 3, LocalDate.of(2026, 11, 26), "Rushed.", false, false));
        var entry = ((Outcome.Done<FeedbackEntry>) outcome).value();

        assertThat(entry.rupture()).isTrue();
        assertThat(entry.id()).isEqualTo("fb-1");
        var body = lastBodies.get("POST /api/v1/session-feedback");
        assertThat(body.path("shareComment").asBoolean()).isFalse();
        assertThat(body.has("shareWithTherapist")).isFalse();
        assertThat(body.path("sessionDate").asString()).isEqualTo("2026-11-26");
        assertThat(checkins.shareFeedback(CLIENT, "fb-1", true)).isTrue();
        assertThat(lastBodies
                        .get("POST /api/v1/session-feedback/fb-1/share")
                        .path("shareComment")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void ownCheckInsAndFeedbackAreReadForTheDaysAskedWhetherPagedOrNot() {
        answer(
                "GET /api/v1/checkins",
                200,
                "{\"items\":[{\"id\":\"c1\",\"recordedAt\":\"2026-11-26T18:00:00Z\",\"localDate\":\"2026-11-26\","
                        + "\"mood\":3,\"window\":\"HYPO\",\"emotions\":[\"numb\"],\"energy\":2,\"tags\":[],"
                        + "\"note\":\"Far away.\",\"hasNote\":true}],\"page\":0,\"size\":100,\"totalItems\":1}");
        answer(
                "GET /api/v1/session-feedback",
                200,
                "[{\"id\":\"f1\",\"total\":30,\"maxTotal\":40,\"ruptureSignal\":{\"signal\":false},"
                        + "\"sharedWithTherapist\":true,\"heard\":8,\"text\":\"Good.\"}]");

        var found = checkins.checkIns(CLIENT, LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 27))
                .orElseThrow();
        var feedback = checkins.feedback(CLIENT, LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 27))
                .orElseThrow();

        assertThat(lastHeaders.get("GET /api/v1/checkins query"))
                .contains("from=2026-11-21")
                .contains("to=2026-11-27");
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.window()).isEqualTo(WindowOfTolerance.HYPO);
            assertThat(c.note()).isEqualTo("Far away.");
            assertThat(c.sleepHours()).isNull();
        });
        assertThat(feedback).singleElement().satisfies(f -> {
            assertThat(f.shared()).isTrue();
            assertThat(f.heard()).isEqualTo(8);
            assertThat(f.goals()).isNull();
            assertThat(f.text()).isEqualTo("Good.");
        });
    }

    static final String BREATHING_DETAIL = """
            {"slug":"paced-breathing","title":"Paced breathing","kind":"EXERCISE","minutes":2,
             "summary":"Two minutes of breathing.","steps":[{"title":"Breathe in","text":"For four.","seconds":4}]}
            """;

    private static String recommendation(String id, String slug, boolean pinned, Instant at) {
        return "{\"recommendationId\":\"" + id + "\",\"slug\":\"" + slug + "\",\"title\":\"" + slug
                + "\",\"reason\":\"Chosen by the rules for " + slug + ".\",\"ruleId\":\"r\",\"pinned\":" + pinned
                + ",\"recommendedAt\":\"" + at + "\"}";
    }

    @Test
    void theExerciseShownIsTheOneContentServiceRecommendedForTheCheckInWithItsReasonAndSteps() {
        var sentAt = Instant.now();
        answer(
                "GET /api/v1/recommendations",
                200,
                "[" + recommendation("1", "crisis-resources", true, sentAt.plusMillis(100)) + ","
                        + recommendation("2", "numbing-reflection", false, sentAt.plusMillis(60)) + ","
                        + recommendation("3", "paced-breathing", false, sentAt.plusMillis(50)) + ","
                        + recommendation("4", "orienting-to-the-room", false, sentAt.minusSeconds(3600)) + "]");
        answer(
                "GET /api/v1/content/numbing-reflection",
                200,
                "{\"slug\":\"numbing-reflection\",\"kind\":\"REFLECTION\"}");
        answer("GET /api/v1/content/paced-breathing", 200, BREATHING_DETAIL);

        var exercise = exercises.recommendedAfterCheckIn(CLIENT, sentAt).orElseThrow();

        assertThat(exercise.slug()).isEqualTo("paced-breathing");
        assertThat(exercise.reason()).isEqualTo("Chosen by the rules for paced-breathing.");
        assertThat(exercise.minutes()).isEqualTo(2);
        assertThat(exercise.libraryPath()).isEqualTo("library/paced-breathing");
        assertThat(exercise.steps()).extracting(Exercise.Step::title).containsExactly("Breathe in");
        assertThat(lastHeaders)
                .containsEntry("GET /api/v1/recommendations Authorization", "Bearer token-of-" + CLIENT.id())
                .doesNotContainKey("GET /api/v1/content/crisis-resources Authorization")
                .doesNotContainKey("GET /api/v1/content/orienting-to-the-room Authorization");
    }

    @Test
    void aRecommendationThatArrivesShortlyAfterTheCheckInIsWaitedFor() {
        var sentAt = Instant.now();
        answerInTurn("GET /api/v1/recommendations", 200, "[]");
        answerInTurn("GET /api/v1/recommendations", 200, "[]");
        answer(
                "GET /api/v1/recommendations",
                200,
                "[" + recommendation("3", "paced-breathing", false, sentAt.plusMillis(400)) + "]");
        answer("GET /api/v1/content/paced-breathing", 200, BREATHING_DETAIL);

        assertThat(exercises.recommendedAfterCheckIn(CLIENT, sentAt))
                .map(Exercise::slug)
                .hasValue("paced-breathing");
    }

    @Test
    void webUiChoosesNothingItselfAnOlderRecommendationOrNoneInTimeMeansNoExercise() {
        var sentAt = Instant.now();
        answer(
                "GET /api/v1/recommendations",
                200,
                "[" + recommendation("4", "paced-breathing", false, sentAt.minusSeconds(3600)) + "]");
        answer("GET /api/v1/content/paced-breathing", 200, BREATHING_DETAIL);
        answer("GET /api/v1/content", 200, "{\"items\":[{\"slug\":\"paced-breathing\",\"kind\":\"EXERCISE\"}]}");

        assertThat(exercises.recommendedAfterCheckIn(CLIENT, sentAt)).isEmpty();
        assertThat(lastHeaders).doesNotContainKey("GET /api/v1/content Authorization");
    }
}

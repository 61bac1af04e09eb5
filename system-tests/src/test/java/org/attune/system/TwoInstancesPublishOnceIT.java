package org.attune.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.attune.events.AttuneEvent;
import org.attune.events.CheckInRecorded;
import org.attune.events.ContentRecommended;
import org.attune.events.Topics;
import org.attune.infra.local.LocalStack;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances of checkin-service and of content-service on one broker and one store: every stored event reaches its
 * topic once. Both instances sweep the same outboxes; the claim lets only one of them publish a document's events.
 */
class TwoInstancesPublishOnceIT {

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesPublishOnceIT.class);
    private static final int CHECK_INS = 1_000;
    private static final int CLIENTS = 10;

    private static LocalStack stack;
    private static List<URI> checkinInstances;

    @BeforeAll
    static void startSecondInstances() throws Exception {
        stack = SystemStack.get();
        checkinInstances = List.of(stack.checkinUrl(), stack.startAnotherInstance("checkin-service"));
        stack.startAnotherInstance("content-service");
    }

    @Test
    void eachStoredEventIsPublishedOnceByTwoInstancesOfEachService() throws Exception {
        var clients = new ArrayList<Person>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Person.client(stack));
        }
        Set<UUID> ours = new HashSet<>(clients.stream().map(p -> p.id).toList());

        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(8)) {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < CHECK_INS; i++) {
                var client = clients.get(i % CLIENTS);
                var instance = checkinInstances.get(i % 2);
                var window = i % 4 == 0 ? "HYPER" : i % 4 == 1 ? "HYPO" : "WITHIN";
                answers.add(pool.submit(() -> Api.post(
                                instance,
                                "/api/v1/checkins",
                                client.token(),
                                Map.of(
                                        "mood",
                                        5,
                                        "window",
                                        window,
                                        "energy",
                                        5,
                                        "emotions",
                                        List.of(),
                                        "tags",
                                        List.of()))
                        .status()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        }
        var posting = Duration.ofNanos(System.nanoTime() - started);

        try (var mongo = MongoClients.create(stack.mongoUri("admin"))) {
            var checkins = mongo.getDatabase("attune_checkin").getCollection("checkins");
            var recommendations = mongo.getDatabase("attune_content").getCollection("recommendations");
            // Done when no outbox of ours still holds an event.
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> pending(checkins, ours) == 0 && pending(recommendations, ours) == 0);
            long storedCheckIns = count(checkins, ours);
            long storedRecommendations = count(recommendations, ours);
            assertThat(storedCheckIns).isEqualTo(CHECK_INS);

            var checkInEvents = ofOurs(Topics.CHECKINS, CheckInRecorded.class, ours);
            var recommended = ofOurs(Topics.CONTENT, ContentRecommended.class, ours);
            long checkInDuplicates = duplicates(checkInEvents);
            long recommendationDuplicates = duplicates(recommended);

            var figures = List.of(
                    "two-instances check-ins: posted " + CHECK_INS + " in " + posting.toMillis() + " ms, stored "
                            + storedCheckIns + ", events " + checkInEvents.size() + ", distinct "
                            + distinct(checkInEvents) + ", duplicates " + checkInDuplicates,
                    "two-instances recommendations: stored " + storedRecommendations + ", events "
                            + recommended.size() + ", distinct " + distinct(recommended) + ", duplicates "
                            + recommendationDuplicates);
            figures.forEach(line -> log.info("{}", line));
            var file = Path.of("target/system-figures.txt");
            Files.createDirectories(file.getParent());
            Files.write(file, figures, StandardOpenOption.CREATE, StandardOpenOption.APPEND);

            assertThat(checkInDuplicates).as("check-in events published twice").isZero();
            assertThat(distinct(checkInEvents)).as("check-in events published").isEqualTo(CHECK_INS);
            assertThat(storedRecommendations).as("recommendations made").isPositive();
            assertThat(recommendationDuplicates)
                    .as("recommendation events published twice")
                    .isZero();
            assertThat(distinct(recommended))
                    .as("recommendation events published")
                    .isEqualTo(storedRecommendations);
        }
    }

    private static <T extends AttuneEvent> List<T> ofOurs(String topic, Class<T> type, Set<UUID> ours) {
        return Topic.events(stack, topic).stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(e -> ours.contains(e.clientId()))
                .toList();
    }

    private static long duplicates(List<? extends AttuneEvent> events) {
        return events.size() - distinct(events);
    }

    private static long distinct(List<? extends AttuneEvent> events) {
        return events.stream().map(AttuneEvent::eventId).distinct().count();
    }

    private static long count(com.mongodb.client.MongoCollection<Document> collection, Set<UUID> ours) {
        return countWhere(collection, ours, client -> new Document("clientId", client));
    }

    private static long pending(com.mongodb.client.MongoCollection<Document> collection, Set<UUID> ours) {
        return countWhere(
                collection,
                ours,
                client -> new Document("clientId", client).append("outbox.events.0", new Document("$exists", true)));
    }

    private static long countWhere(
            com.mongodb.client.MongoCollection<Document> collection,
            Set<UUID> ours,
            Function<Object, Document> filter) {
        long total = 0;
        for (var client : ours) {
            // Services store ids as UUIDs (binary subtype 4) or, in older collections, as strings.
            total += collection.countDocuments(filter.apply(new org.bson.BsonBinary(client)));
            total += collection.countDocuments(filter.apply(client.toString()));
        }
        return total;
    }
}

package org.attune.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.attune.events.CheckInRecorded;
import org.attune.events.ConsentGranted;
import org.attune.events.DataClass;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.events.Topics;
import org.attune.events.WindowOfTolerance;
import org.attune.infra.local.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Delete my account" in web-ui leaves nothing of the client in any service's store. */
class ErasureAcrossServicesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
    }

    @Test
    void anErasedClientLeavesNoDocumentInAnyServicesStore() throws Exception {
        var client = Person.client(stack);
        var therapist = Person.therapist(stack);
        leaveTracesEverywhere(client, therapist);

        try (var stores = new Stores(stack)) {
            for (var database : Stores.DATABASES) {
                assertThat(stores.documentsMentioning(database, client.id, client.email))
                        .as("before erasure, " + database + " holds the client's data")
                        .isNotEmpty();
            }

            var erase = Api.post(
                    stack.webUiUrl(), "/api/account/erase", client.token(), Map.of("password", client.password));
            assertThat(erase.status()).as(erase.body()).isEqualTo(204);

            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(remaining(stores, client))
                            .as("documents still mentioning the erased client")
                            .isEmpty());
            assertThat(Api.postWithBasic(stack.webUiUrl(), "/api/token", client.email, client.password)
                            .status())
                    .isEqualTo(401);
            assertThat(Api.get(stack.checkinUrl(), "/api/v1/clients/" + client.id + "/checkins", therapist.token())
                            .status())
                    .isEqualTo(403);
        }
    }

    @Test
    void eventsAboutAnErasedClientThatArriveLaterBringNothingBackAndTheConsentTopicKeepsOnlyTombstones()
            throws Exception {
        var client = Person.client(stack);
        var therapist = Person.therapist(stack);
        leaveTracesEverywhere(client, therapist);
        try (var stores = new Stores(stack)) {
            var erase = Api.post(
                    stack.webUiUrl(), "/api/account/erase", client.token(), Map.of("password", client.password));
            assertThat(erase.status()).as(erase.body()).isEqualTo(204);
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> remaining(stores, client).isEmpty());

            // Compaction keeps the last record per key: for every pair the erased client was part of, web-ui writes a
            // tombstone after the pair's final consent event.
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                var last = lastRecordPerKey(client);
                return !last.isEmpty() && last.values().stream().allMatch(java.util.Objects::isNull);
            });

            // A replayed or late producer writes about the erased client, with fresh event ids.
            Topic.publish(
                    stack,
                    ConsentGranted.of(
                            client.id,
                            UUID.randomUUID(),
                            therapist.id,
                            Set.of(DataClass.values()),
                            Instant.now().minusSeconds(60),
                            null),
                    CheckInRecorded.of(
                            client.id,
                            UUID.randomUUID(),
                            2,
                            WindowOfTolerance.HYPER,
                            List.of(),
                            3,
                            null,
                            List.of(),
                            false,
                            LocalDate.now()),
                    SafetyFlagRaised.of(client.id, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "system-test"));

            // For 30 s, every service has had the events and none of them may write anything about the client.
            await().during(Duration.ofSeconds(30))
                    .atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> remaining(stores, client).isEmpty());
            assertThat(Api.get(stack.checkinUrl(), "/api/v1/clients/" + client.id + "/checkins", therapist.token())
                            .status())
                    .as("the late grant gave the therapist nothing")
                    .isEqualTo(403);
        }

        // The late grant is the newest record of its key now, but the tombstone before it stays on the topic.
        var keys = lastRecordPerKey(client);
        assertThat(keys).as("the erased client's consent keys").isNotEmpty();
        var records = Topic.readAll(stack, Topics.CONSENT);
        for (var key : keys.keySet()) {
            assertThat(records.stream().filter(r -> key.equals(r.key()) && r.value() == null))
                    .as("a tombstone for " + key)
                    .isNotEmpty();
        }
    }

    @Test
    void aTherapistsReadsStayInTheClientsAccessLogsUnderAPseudonymAfterTheTherapistErasesTheirAccount()
            throws Exception {
        var client = Person.client(stack);
        var therapist = Person.therapist(stack);
        var rhythm = Api.put(
                stack.notificationUrl(),
                "/api/v1/session-schedule",
                client.token(),
                Map.of(
                        "timeZone",
                        "Europe/Berlin",
                        "weeklyDay",
                        "MONDAY",
                        "weeklyTime",
                        "09:00",
                        "durationMinutes",
                        50));
        assertThat(rhythm.status()).as(rhythm.body()).isEqualTo(200);
        var everything = Api.post(
                stack.webUiUrl(),
                "/api/consents",
                client.token(),
                Map.of(
                        "therapistEmail",
                        therapist.email,
                        "dataClasses",
                        java.util.Arrays.stream(DataClass.values())
                                .map(Enum::name)
                                .toList()));
        assertThat(everything.status()).as(everything.body()).isEqualTo(201);
        var reads = List.of(
                new Read(stack.checkinUrl(), "/api/v1/clients/" + client.id + "/checkins"),
                new Read(stack.contentUrl(), "/api/v1/clients/" + client.id + "/assignments"),
                new Read(stack.notificationUrl(), "/api/v1/session-schedule?clientId=" + client.id));
        for (var read : reads) {
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> Api.get(read.service(), read.path(), therapist.token())
                                    .status()
                            == 200);
        }
        for (var read : reads) {
            await().atMost(PATIENCE).until(() -> readsBy(read.service(), client, therapist.id.toString()) > 0);
        }

        var erase = Api.post(
                stack.webUiUrl(), "/api/account/erase", therapist.token(), Map.of("password", therapist.password));
        assertThat(erase.status()).as(erase.body()).isEqualTo(204);

        for (var read : reads) {
            await().atMost(PATIENCE)
                    .alias("the therapist's reads in " + read.service() + " turn into a pseudonym")
                    .until(() -> readsBy(read.service(), client, therapist.id.toString()) == 0
                            && readsBy(read.service(), client, "an erased therapist account") > 0);
        }
        try (var stores = new Stores(stack)) {
            for (var database : Stores.DATABASES) {
                for (var place : stores.documentsMentioning(database, therapist.id, therapist.email)) {
                    assertThat(place)
                            .as("only the erasure marker names the erased therapist")
                            .startsWith(database + ".erased_accounts ");
                }
            }
        }
    }

    private record Read(java.net.URI service, String path) {}

    /** The newest record (its JSON, or null for a tombstone) of every consent key that names the client. */
    private static Map<String, String> lastRecordPerKey(Person client) {
        var last = new LinkedHashMap<String, String>();
        for (var record : Topic.readAll(stack, Topics.CONSENT)) {
            if (record.key() != null && record.key().contains(client.id.toString())) {
                last.put(record.key(), record.value());
            }
        }
        return last;
    }

    /** Entries of the client's access log in one service whose reader is {@code reader} (an id or a pseudonym). */
    private static long readsBy(java.net.URI service, Person client, String reader) {
        var log = Api.get(service, "/api/v1/access-log", client.token());
        assertThat(log.status()).as(service + " " + log.body()).isEqualTo(200);
        long count = 0;
        for (var entry : log.json().get("entries")) {
            var id = entry.get("therapistId");
            var name = entry.get("reader");
            if ((id != null && !id.isNull() && id.asString().equals(reader))
                    || (name != null && !name.isNull() && name.asString().equals(reader))) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aWrongPasswordErasesNothing() {
        var client = Person.client(stack);
        var erase = Api.post(stack.webUiUrl(), "/api/account/erase", client.token(), Map.of("password", "not mine"));
        assertThat(erase.status()).isEqualTo(403);
        assertThat(erase.contentType()).startsWith("application/problem+json");
        assertThat(Api.get(stack.webUiUrl(), "/api/consents", client.token()).status())
                .isEqualTo(200);
    }

    /** A check-in, a library engagement, a session rhythm, a grant and a therapist's read that gets logged. */
    private static void leaveTracesEverywhere(Person client, Person therapist) throws InterruptedException {
        var checkIn = Api.post(
                stack.checkinUrl(),
                "/api/v1/checkins",
                client.token(),
                Map.of("mood", 6, "window", "WITHIN", "energy", 5, "emotions", List.of(), "tags", List.of()));
        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);

        var library = Api.get(stack.contentUrl(), "/api/v1/content", client.token());
        assertThat(library.status()).isEqualTo(200);
        var slug = library.json().findValue("slug").asString();
        var engagement = Api.post(
                stack.contentUrl(),
                "/api/v1/content/" + slug + "/engagements",
                client.token(),
                Map.of("kind", "OPENED"));
        assertThat(engagement.status()).as(engagement.body()).isIn(200, 201);

        var rhythm = Api.put(
                stack.notificationUrl(),
                "/api/v1/session-schedule",
                client.token(),
                Map.of(
                        "timeZone",
                        "Europe/Berlin",
                        "weeklyDay",
                        "MONDAY",
                        "weeklyTime",
                        "09:00",
                        "durationMinutes",
                        50));
        assertThat(rhythm.status()).as(rhythm.body()).isEqualTo(200);

        var grant = Api.post(
                stack.webUiUrl(),
                "/api/consents",
                client.token(),
                Map.of("therapistEmail", therapist.email, "dataClasses", List.of("MOOD_CHECKINS", "CONTENT_ACTIVITY")));
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(Api.get(
                                        stack.checkinUrl(),
                                        "/api/v1/clients/" + client.id + "/checkins",
                                        therapist.token())
                                .status())
                        .as("the therapist can read once the grant has arrived")
                        .isEqualTo(200));
    }

    /**
     * Everything still mentioning the client, except an erasure marker: a tombstone holding only the id and when, so
     * that a late event about the account cannot bring its data back. The marker is checked to hold nothing more.
     */
    private static List<String> remaining(Stores stores, Person client) {
        var left = new ArrayList<String>();
        for (var database : Stores.DATABASES) {
            for (var place : stores.documentsMentioning(database, client.id, client.email)) {
                if (place.startsWith(database + ".erased_accounts ")) {
                    var marker = stores.findById(database, "erased_accounts", client.id.toString());
                    assertThat(marker.keySet())
                            .as("an erasure marker holds only the id and when")
                            .isSubsetOf("_id", "erasedAt", "_class");
                } else {
                    left.add(place);
                }
            }
        }
        return left;
    }
}

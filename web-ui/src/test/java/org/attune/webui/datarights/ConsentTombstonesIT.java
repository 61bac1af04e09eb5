package org.attune.webui.datarights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.attune.events.AccountErased;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.events.EventJson;
import org.attune.events.Role;
import org.attune.events.Topics;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.VerifiedTherapists;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.TherapistVerifications;
import org.attune.webui.consent.Grant;
import org.attune.webui.consent.GrantStatus;
import org.attune.webui.consent.Grants;
import org.attune.webui.security.Caller;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Erasing an account leaves nothing of its consent pairs on the compacted consent topic: each pair's last record is a
 * tombstone, written after the pair's final {@code ConsentRevoked}, so compaction drops the whole pair. Read from the
 * topic itself, from the beginning, with a plain consumer.
 *
 * <p>The relays run only when a test calls them (interval of an hour): the erasure must publish everything itself, and
 * the crash test decides the order in which the relays catch up.
 */
@AttuneIntegrationTest(
        properties = {
            "attune.data-dir=target/it-data",
            "attune.outbox.sweep-interval=1h",
            "attune.live.offset-reset=earliest"
        })
class ConsentTombstonesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    Accounts accounts;

    @Autowired
    TherapistVerifications verifications;

    @Autowired
    Grants grants;

    @Autowired
    DataRights dataRights;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void erasingAClientTombstonesEachOfItsPairsAfterThePairsFinalRevocationAndLeavesOtherPairsAlone() {
        var client = register("client", Role.CLIENT);
        var stillSharing = register("t1", Role.THERAPIST);
        var sharingAgain = register("t2", Role.THERAPIST);
        var stoppedSharing = register("t3", Role.THERAPIST);
        var otherClient = register("other-client", Role.CLIENT);
        grants.grantByEmail(client.caller(), stillSharing.email, EnumSet.of(DataClass.MOOD_CHECKINS), null);
        var first = grants.grantByEmail(client.caller(), sharingAgain.email, EnumSet.of(DataClass.NOTES), null);
        grants.revoke(client.caller(), first.id());
        grants.grantByEmail(
                client.caller(), sharingAgain.email, EnumSet.of(DataClass.NOTES, DataClass.SAFETY_ALERTS), null);
        var stopped = grants.grantByEmail(
                client.caller(), stoppedSharing.email, EnumSet.of(DataClass.SESSION_FEEDBACK), null);
        grants.revoke(client.caller(), stopped.id());
        grants.grantByEmail(otherClient.caller(), stillSharing.email, EnumSet.of(DataClass.MOOD_CHECKINS), null);
        var erasedPairs = Set.of(
                Topics.consentKey(client.id(), stillSharing.id()),
                Topics.consentKey(client.id(), sharingAgain.id()),
                Topics.consentKey(client.id(), stoppedSharing.id()));
        var otherPair = Topics.consentKey(otherClient.id(), stillSharing.id());

        assertThat(dataRights.erase(client.caller(), TestHttp.STRONG_PASSWORD)).isTrue();

        await().atMost(WAIT).untilAsserted(() -> {
            var byKey = consentRecordsFromTheBeginning();
            for (var key : erasedPairs) {
                assertEndsWithATombstoneAfterItsFinalRevocation(byKey.get(key), key);
            }
            assertThat(lastOf(byKey.get(otherPair)).value())
                    .as("the other client's grant to the same therapist")
                    .isNotNull();
        });
        assertThat(revocationsOf(
                        consentRecordsFromTheBeginning().get(Topics.consentKey(client.id(), stillSharing.id()))))
                .last()
                .extracting(ConsentRevoked::reason)
                .isEqualTo(ConsentEndReason.ACCOUNT_ERASED);
        assertNothingPendingFor(client.id());
        assertNoConsentListenerDeadLettered(erasedPairs);
    }

    @Test
    void erasingATherapistTombstonesThePairsOfEachOfItsClients() {
        var therapist = register("therapist", Role.THERAPIST);
        var sharing = register("c1", Role.CLIENT);
        var stopped = register("c2", Role.CLIENT);
        grants.grantByEmail(sharing.caller(), therapist.email, EnumSet.of(DataClass.INSTRUMENT_SCORES), null);
        var ended = grants.grantByEmail(stopped.caller(), therapist.email, EnumSet.of(DataClass.MOOD_CHECKINS), null);
        grants.revoke(stopped.caller(), ended.id());
        var erasedPairs = Set.of(
                Topics.consentKey(sharing.id(), therapist.id()), Topics.consentKey(stopped.id(), therapist.id()));

        assertThat(dataRights.erase(therapist.caller(), TestHttp.STRONG_PASSWORD))
                .isTrue();

        await().atMost(WAIT).untilAsserted(() -> {
            var byKey = consentRecordsFromTheBeginning();
            for (var key : erasedPairs) {
                assertEndsWithATombstoneAfterItsFinalRevocation(byKey.get(key), key);
            }
        });
        assertNothingPendingFor(therapist.id());
        assertThat(mongo.find(
                        Query.query(
                                Criteria.where("therapistId").is(therapist.id().toString())),
                        Grant.class))
                .isEmpty();
        assertNoConsentListenerDeadLettered(erasedPairs);
    }

    @Test
    void aRevocationStillWaitingInAGrantsOutboxHoldsBackThePairsTombstoneUntilItIsPublished() {
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var key = Topics.consentKey(client, therapist);
        var consentId = UUID.randomUUID();
        var revoked = ConsentRevoked.of(client, consentId, therapist, ConsentEndReason.ACCOUNT_ERASED);
        // Due already, as after a crash: a sweep may take it over.
        var due = Instant.now().minus(Outbox.GRACE).minusSeconds(60);
        // As if web-ui stopped during an erasure: the grant ended, its revocation not yet published.
        mongo.insert(new Grant(
                consentId.toString(),
                client.toString(),
                therapist.toString(),
                Set.of(DataClass.NOTES),
                Instant.now(),
                Instant.now(),
                null,
                GrantStatus.INACTIVE,
                ConsentEndReason.ACCOUNT_ERASED,
                Instant.now(),
                Outbox.of(due, List.of(revoked)),
                true));
        var erased = Outbox.of(due, List.of(AccountErased.of(client, Role.CLIENT)));
        mongo.insert(new DataRights.PendingErasure(client.toString(), erased, List.of(key)));

        // The AccountErased goes out first; the pair's revocation still waits in the grant's outbox.
        relay.publishNow("pending_erasures", client.toString(), erased.events()).block(WAIT);
        dataRights.publishTombstones();

        var pending = mongo.findById(client.toString(), DataRights.PendingErasure.class);
        assertThat(pending).isNotNull();
        assertThat(pending.outbox().events()).as("AccountErased published").isEmpty();
        assertThat(pending.consentKeys()).containsExactly(key);
        assertThat(consentRecordsFromTheBeginning()).doesNotContainKey(key);

        relay.sweepOnce().block(WAIT);
        dataRights.publishTombstones();

        var records = consentRecordsFromTheBeginning().get(key);
        assertThat(records).hasSize(2);
        assertThat(EventJson.read(records.get(0).value())).isEqualTo(revoked);
        assertThat(records.get(1).value()).isNull();
        assertNothingPendingFor(client);
        assertThat(mongo.findById(consentId.toString(), Grant.class)).isNull();
    }

    private record Person(UUID id, String email, Caller caller) {}

    private Person register(String who, Role role) {
        var email = TestHttp.email(who);
        var id = UUID.fromString(
                role == Role.THERAPIST
                        ? VerifiedTherapists.register(accounts, verifications, email, who)
                                .id()
                        : accounts.register(email, TestHttp.STRONG_PASSWORD, who, role)
                                .id());
        return new Person(id, email, new Caller(id, role));
    }

    private record Entry(long offset, byte[] value) {}

    /** Every record of the consent topic, from the first offset to the current end, grouped by key in offset order. */
    private Map<String, List<Entry>> consentRecordsFromTheBeginning() {
        var byKey = new LinkedHashMap<String, List<Entry>>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.CONSENT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime())
                        .as("read the consent topic to its end")
                        .isLessThan(deadline);
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(new Entry(record.offset(), record.value()));
                }
            }
        }
        return byKey;
    }

    private static void assertEndsWithATombstoneAfterItsFinalRevocation(List<Entry> records, String key) {
        assertThat(records).as(key).isNotNull().hasSizeGreaterThanOrEqualTo(2);
        var tombstone = lastOf(records);
        assertThat(tombstone.value()).as("last record of " + key).isNull();
        var lastEvent = records.get(records.size() - 2);
        assertThat(lastEvent.value())
                .as("record before the tombstone of " + key)
                .isNotNull();
        assertThat(EventJson.read(lastEvent.value())).as(key).isInstanceOf(ConsentRevoked.class);
        assertThat(lastEvent.offset()).isLessThan(tombstone.offset());
    }

    private static List<ConsentRevoked> revocationsOf(List<Entry> records) {
        return records.stream()
                .filter(r -> r.value() != null)
                .map(r -> EventJson.read(r.value()))
                .filter(ConsentRevoked.class::isInstance)
                .map(ConsentRevoked.class::cast)
                .toList();
    }

    private static Entry lastOf(List<Entry> records) {
        assertThat(records).isNotEmpty();
        return records.getLast();
    }

    private void assertNothingPendingFor(UUID accountId) {
        assertThat(mongo.findById(accountId.toString(), Document.class, "pending_erasures"))
                .isNull();
    }

    /**
     * Every web-ui listener on the consent topic (the live updates) has read past the tombstones without sending them
     * to the dead-letter topic: a listener that cannot take a null value retries and dead-letters it before it
     * commits the offset.
     */
    private void assertNoConsentListenerDeadLettered(Set<String> keys) {
        try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                var consumer = new KafkaConsumer<>(
                        Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.CONSENT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            var end = consumer.endOffsets(partitions);
            var groups = listeners.getListenerContainers().stream()
                    .filter(c -> Arrays.asList(c.getContainerProperties().getTopics())
                            .contains(Topics.CONSENT))
                    .map(c -> c.getGroupId())
                    .toList();
            assertThat(groups).isNotEmpty();
            await().atMost(WAIT).untilAsserted(() -> {
                for (var group : groups) {
                    var committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get();
                    for (var partition : partitions) {
                        var offset = committed.get(partition);
                        assertThat(offset == null ? 0 : offset.offset())
                                .as(group + " " + partition)
                                .isGreaterThanOrEqualTo(end.get(partition));
                    }
                }
            });
        }
        var deadLetters = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.deadLetterOf(Topics.CONSENT)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(r -> deadLetters.add(r.key()));
            }
        }
        assertThat(deadLetters).doesNotContainAnyElementsOf(keys);
    }
}

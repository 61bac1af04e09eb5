package org.attune.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.Channel;
import org.attune.events.NotificationDelivered;
import org.attune.notification.store.DueNotifications;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationState;
import org.attune.notification.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One write claims a whole batch (issue 14, P4), with the same guarantees as one claim per notification: a second
 * instance gets none of a held batch, an expired lease can be taken over, and what is no longer due stays untouched.
 */
class BatchClaimIT extends IntegrationTestBase {

    @Autowired
    DueNotifications due;

    /** Far after the shared test clock, so the running loop never finds these due. */
    static final Instant DUE = Instant.parse("2099-01-01T08:00:00Z");

    static final Instant LATER = DUE.plus(Duration.ofHours(1));
    static final Duration LEASE = Duration.ofSeconds(60);

    @Test
    void one_claim_takes_every_due_candidate_and_a_second_instance_gets_none_of_them() {
        var ids = stored(30);

        var first = due.claimAll(ids, LATER, "instance-a", LEASE).collectList().block();
        var second = due.claimAll(ids, LATER, "instance-b", LEASE).collectList().block();

        assertThat(first).extracting(Notification::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(first).allSatisfy(n -> assertThat(n.leaseOwner()).isEqualTo("instance-a"));
        assertThat(second).isEmpty();
        assertThat(held(ids, "instance-a")).isEqualTo(30);
        assertThat(held(ids, "instance-b")).isZero();
    }

    @Test
    void a_lease_that_ran_out_is_claimed_again_and_only_by_one_instance() {
        var ids = stored(12);
        due.claimAll(ids, LATER, "instance-a", LEASE).blockLast();
        var afterLease = LATER.plus(LEASE).plusSeconds(1);

        var b = due.claimAll(ids, afterLease, "instance-b", LEASE).collectList().block();
        var c = due.claimAll(ids, afterLease, "instance-c", LEASE).collectList().block();

        assertThat(b).hasSize(12);
        assertThat(c).isEmpty();
        assertThat(held(ids, "instance-b")).isEqualTo(12);
    }

    @Test
    void only_what_is_still_scheduled_and_due_is_claimed() {
        var ids = stored(10);
        var someone = UUID.randomUUID().toString();
        var notYetDue = Notification.due(
                UUID.randomUUID().toString(),
                someone,
                someone,
                NotificationKind.CONTENT_RECOMMENDED,
                List.of(),
                null,
                LATER.plus(Duration.ofDays(1)),
                DUE);
        store.schedule(notYetDue).block();
        due.claimAll(ids.subList(0, 3), LATER, "instance-a", LEASE).blockLast();
        due.settleAll(
                        "instance-a",
                        ids.subList(0, 3).stream()
                                .map(id -> DueNotifications.cancelled(id, LATER))
                                .toList())
                .block();
        var candidates = new java.util.ArrayList<>(ids);
        candidates.add(notYetDue.id());

        var claimed = due.claimAll(candidates, LATER, "instance-b", LEASE)
                .collectList()
                .block();

        assertThat(claimed).extracting(Notification::id).containsExactlyInAnyOrderElementsOf(ids.subList(3, 10));
        assertThat(store.find(notYetDue.id()).block().leaseOwner()).isNull();
        assertThat(store.count(Query.query(where("_id").in(ids).and("state").is(NotificationState.CANCELLED.name())))
                        .block())
                .isEqualTo(3);
    }

    @Test
    void a_batch_whose_lease_ran_out_in_part_settles_only_what_it_still_holds() {
        var early = stored(4);
        var late = stored(4);
        due.claimAll(early, LATER, "instance-a", LEASE).blockLast();
        due.claimAll(late, LATER.plusSeconds(50), "instance-a", LEASE).blockLast();
        var afterFirstLease = LATER.plus(LEASE).plusSeconds(1);
        var takenOver = due.claimAll(early, afterFirstLease, "instance-b", LEASE)
                .collectList()
                .block();
        var all = new java.util.ArrayList<>(early);
        all.addAll(late);

        var settled = due.settleAll("instance-a", deliveries(all, "instance-a", afterFirstLease))
                .block();

        assertThat(takenOver).hasSize(4);
        assertThat(settled)
                .as("what instance-a still held, and nothing instance-b took over")
                .extracting(DueNotifications.Settlement::id)
                .containsExactlyInAnyOrderElementsOf(late);
        assertThat(delivered(all)).isEqualTo(4);
        assertThat(held(early, "instance-b")).isEqualTo(4);

        var byB = due.settleAll("instance-b", deliveries(early, "instance-b", afterFirstLease))
                .block();
        assertThat(byB).hasSize(4);
        assertThat(store.count(Query.query(
                                where("_id").in(all).and("deliveries").is(1)))
                        .block())
                .as("each delivered once")
                .isEqualTo(8);
    }

    private static List<DueNotifications.Settlement> deliveries(List<String> ids, String owner, Instant now) {
        return ids.stream()
                .map(id -> DueNotifications.delivered(
                        id,
                        owner,
                        now,
                        new NotificationDelivered(
                                UUID.randomUUID(),
                                now,
                                AttuneEvent.CURRENT_SCHEMA_VERSION,
                                UUID.randomUUID(),
                                UUID.fromString(id),
                                UUID.randomUUID(),
                                NotificationKind.CONTENT_RECOMMENDED.wireName(),
                                Channel.IN_APP),
                        null,
                        NotificationState.DELIVERED))
                .toList();
    }

    private long delivered(List<String> ids) {
        return store.count(Query.query(where("_id").in(ids).and("state").is(NotificationState.DELIVERED.name())))
                .block();
    }

    private List<String> stored(int count) {
        var recipient = UUID.randomUUID().toString();
        var notifications = new java.util.ArrayList<Notification>();
        for (int i = 0; i < count; i++) {
            notifications.add(Notification.due(
                    UUID.randomUUID().toString(),
                    recipient,
                    recipient,
                    NotificationKind.CONTENT_RECOMMENDED,
                    List.of("Item " + i),
                    null,
                    DUE,
                    DUE));
        }
        store.scheduleAll(notifications).block();
        return notifications.stream().map(Notification::id).toList();
    }

    private long held(List<String> ids, String owner) {
        return store.count(Query.query(where("_id").in(ids).and("leaseOwner").is(owner)))
                .block();
    }
}

package org.attune.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationState;
import org.attune.notification.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One write claims a whole batch (issue 14, P4), with the same guarantees as one claim per notification: a second
 * instance gets none of a held batch, an expired lease can be taken over, and what is no longer due stays untouched.
 */
class BatchClaimIT extends IntegrationTestBase {

    /** Far after the shared test clock, so the running loop never finds these due. */
    static final Instant DUE = Instant.parse("2099-01-01T08:00:00Z");

    static final Instant LATER = DUE.plus(Duration.ofHours(1));
    static final Duration LEASE = Duration.ofSeconds(60);

    @Test
    void one_claim_takes_every_due_candidate_and_a_second_instance_gets_none_of_them() {
        var ids = stored(30);

        var first =
                store.claimAll(ids, LATER, "instance-a", LEASE).collectList().block();
        var second =
                store.claimAll(ids, LATER, "instance-b", LEASE).collectList().block();

        assertThat(first).extracting(Notification::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(first).allSatisfy(n -> assertThat(n.leaseOwner()).isEqualTo("instance-a"));
        assertThat(second).isEmpty();
        assertThat(held(ids, "instance-a")).isEqualTo(30);
        assertThat(held(ids, "instance-b")).isZero();
    }

    @Test
    void a_lease_that_ran_out_is_claimed_again_and_only_by_one_instance() {
        var ids = stored(12);
        store.claimAll(ids, LATER, "instance-a", LEASE).blockLast();
        var afterLease = LATER.plus(LEASE).plusSeconds(1);

        var b = store.claimAll(ids, afterLease, "instance-b", LEASE)
                .collectList()
                .block();
        var c = store.claimAll(ids, afterLease, "instance-c", LEASE)
                .collectList()
                .block();

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
        store.claimAll(ids.subList(0, 3), LATER, "instance-a", LEASE).blockLast();
        for (var id : ids.subList(0, 3)) {
            store.markCancelled(id, "instance-a", LATER).block();
        }
        var candidates = new java.util.ArrayList<>(ids);
        candidates.add(notYetDue.id());

        var claimed = store.claimAll(candidates, LATER, "instance-b", LEASE)
                .collectList()
                .block();

        assertThat(claimed).extracting(Notification::id).containsExactlyInAnyOrderElementsOf(ids.subList(3, 10));
        assertThat(store.find(notYetDue.id()).block().leaseOwner()).isNull();
        assertThat(store.count(Query.query(where("_id").in(ids).and("state").is(NotificationState.CANCELLED.name())))
                        .block())
                .isEqualTo(3);
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

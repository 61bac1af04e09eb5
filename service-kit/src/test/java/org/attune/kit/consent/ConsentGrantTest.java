package org.attune.kit.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.events.DataClass;
import org.junit.jupiter.api.Test;

class ConsentGrantTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    static ConsentGrant grant(ConsentGrant.Status status, Instant startsAt, Instant endsAt) {
        return new ConsentGrant(
                "k",
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                List.of(DataClass.MOOD_CHECKINS),
                startsAt,
                endsAt,
                status,
                NOW);
    }

    @Test
    void an_active_grant_covers_only_its_classes_between_start_and_end() {
        var g = grant(ConsentGrant.Status.ACTIVE, NOW.minusSeconds(60), NOW.plusSeconds(60));
        assertThat(g.covers(DataClass.MOOD_CHECKINS, NOW)).isTrue();
        assertThat(g.covers(DataClass.NOTES, NOW)).isFalse();
        assertThat(g.activeAt(NOW.minusSeconds(61))).isFalse();
    }

    @Test
    void a_grant_past_its_end_is_inactive_before_any_revocation_arrives() {
        var g = grant(ConsentGrant.Status.ACTIVE, NOW.minusSeconds(600), NOW.minusSeconds(1));
        assertThat(g.activeAt(NOW)).isFalse();
        assertThat(grant(ConsentGrant.Status.ACTIVE, NOW.minusSeconds(600), NOW).activeAt(NOW))
                .isFalse();
    }

    @Test
    void a_revoked_grant_is_inactive() {
        assertThat(grant(ConsentGrant.Status.INACTIVE, NOW.minusSeconds(60), null)
                        .activeAt(NOW))
                .isFalse();
        assertThat(grant(ConsentGrant.Status.ACTIVE, NOW.minusSeconds(60), null).activeAt(NOW))
                .isTrue();
    }
}

package org.attune.notification.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.attune.notification.store.NotificationKind;
import org.attune.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class ReminderLinksTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-1234";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final ReminderLinks links = new ReminderLinks(new LinkProperties(SECRET, Duration.ofDays(30)), clock);
    private final UUID account = UUID.randomUUID();

    @Test
    void a_token_names_its_account_and_kind_until_it_expires() {
        var token = links.tokenFor(account, NotificationKind.DAILY_CHECKIN);

        var claim = links.verify(token).orElseThrow();
        assertThat(claim.accountId()).isEqualTo(account);
        assertThat(claim.kind()).isEqualTo(NotificationKind.DAILY_CHECKIN);
        assertThat(claim.expiresAt()).isEqualTo(Instant.parse("2026-05-31T10:00:00Z"));

        clock.set(Instant.parse("2026-05-31T09:59:59Z"));
        assertThat(links.verify(token)).isPresent();
        clock.set(Instant.parse("2026-05-31T10:00:00Z"));
        assertThat(links.verify(token)).as("expired").isEmpty();
    }

    @Test
    void a_token_whose_account_kind_or_expiry_was_changed_is_refused() {
        var token = links.tokenFor(account, NotificationKind.DAILY_CHECKIN);
        var signature = token.substring(token.indexOf('.'));
        var payload = new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);

        for (var forged : new String[] {
            payload.replace(account.toString(), UUID.randomUUID().toString()),
            payload.replace("daily-checkin", "weekly-questionnaire"),
            payload.substring(0, payload.lastIndexOf('.') + 1) + "99999999999"
        }) {
            var encoded =
                    Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8));
            assertThat(links.verify(encoded + signature)).as(forged).isEmpty();
        }
    }

    @Test
    void a_token_signed_with_another_secret_or_malformed_is_refused() {
        var other = new ReminderLinks(new LinkProperties("another-secret-which-is-also-long-enough", null), clock);
        assertThat(links.verify(other.tokenFor(account, NotificationKind.SESSION_REMINDER)))
                .isEmpty();
        assertThat(links.verify(null)).isEmpty();
        assertThat(links.verify("")).isEmpty();
        assertThat(links.verify("no-dot")).isEmpty();
        assertThat(links.verify("a.b.c")).isEmpty();
        assertThat(links.verify("!!!.???")).isEmpty();
        assertThat(links.verify("x".repeat(500) + ".y")).isEmpty();
    }

    @Test
    void safety_messages_never_get_a_link() {
        assertThatThrownBy(() -> links.tokenFor(account, NotificationKind.SAFETY_ALERT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.tokenFor(account, NotificationKind.CRISIS_RESOURCES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(NotificationKind.SAFETY_ALERT.reminder()).isFalse();
        assertThat(NotificationKind.CRISIS_RESOURCES.reminder()).isFalse();
        assertThat(NotificationKind.CONSENT_ENDED_CLIENT.reminder()).isFalse();
    }

    @Test
    void a_short_secret_is_refused_without_quoting_it() {
        assertThatThrownBy(() -> new LinkProperties("short-secret", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void without_a_configured_secret_each_instance_signs_with_its_own_random_key() {
        var first = new ReminderLinks(new LinkProperties("", null), clock);
        var second = new ReminderLinks(new LinkProperties(null, null), clock);
        var token = first.tokenFor(account, NotificationKind.DAILY_CHECKIN);
        assertThat(first.verify(token)).isPresent();
        assertThat(second.verify(token)).isEmpty();
    }
}

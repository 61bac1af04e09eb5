package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.attune.notification.store.NotificationKind;
import org.junit.jupiter.api.Test;

class MessagesBundleTest {

    static final List<String> BANNED =
            List.of("missed", "streak", "failure", "failed", "you should", "you must", "don't forget", "overdue");

    static Properties bundle() throws Exception {
        var properties = new Properties();
        try (var in = MessagesBundleTest.class.getResourceAsStream("/messages.properties")) {
            assertThat(in).as("messages.properties on the classpath").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void no_person_facing_text_uses_guilt_or_streak_words() throws Exception {
        var properties = bundle();
        assertThat(properties).isNotEmpty();
        properties.forEach((key, value) -> {
            String text = value.toString().toLowerCase(Locale.ROOT);
            for (String banned : BANNED) {
                assertThat(text).as("%s must not say '%s'", key, banned).doesNotContain(banned);
            }
        });
    }

    @Test
    void every_notification_kind_has_a_title_and_a_body() throws Exception {
        var properties = bundle();
        Arrays.stream(NotificationKind.values()).forEach(kind -> {
            assertThat(properties.getProperty("notification." + kind.wireName() + ".title"))
                    .as(kind + " title")
                    .isNotBlank();
            assertThat(properties.getProperty("notification." + kind.wireName() + ".body"))
                    .as(kind + " body")
                    .isNotBlank();
        });
    }

    @Test
    void the_daily_reminder_is_an_invitation() throws Exception {
        assertThat(bundle().getProperty("notification.daily-checkin.body"))
                .startsWith("When you''re ready, today''s check-in is here");
    }

    @Test
    void the_email_says_only_that_there_is_a_message_and_where() throws Exception {
        var body = bundle().getProperty("email.body");
        assertThat(body).contains("You have a new message in Attune").contains("{0}");
        assertThat(body.toLowerCase(Locale.ROOT))
                .doesNotContain("safety", "mood", "check-in", "session", "therapist", "questionnaire");
    }

    @Test
    void the_escalation_email_says_an_alert_waits_and_where_but_nothing_about_the_client() throws Exception {
        var body = bundle().getProperty("email.escalation.body");
        assertThat(body).contains("has not been acknowledged yet").contains("{0}");
        assertThat(body.toLowerCase(Locale.ROOT))
                .doesNotContain("safety", "self-harm", "mood", "check-in", "questionnaire", "client", "crisis");
        assertThat(bundle().getProperty("email.escalation.subject").toLowerCase(Locale.ROOT))
                .doesNotContain("safety", "client", "self-harm");
    }

    @Test
    void every_safety_flag_reason_has_its_own_alert_title_and_body() throws Exception {
        var properties = bundle();
        for (var reason : org.attune.events.SafetyFlagReason.values()) {
            var variant = reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
            assertThat(properties.getProperty("notification.safety-alert." + variant + ".title"))
                    .as(reason + " title")
                    .isNotBlank();
            assertThat(properties.getProperty("notification.safety-alert." + variant + ".body"))
                    .as(reason + " body")
                    .isNotBlank();
        }
        assertThat(properties.getProperty("notification.safety-alert.severe-band.body")
                        + properties.getProperty("notification.safety-alert.severe-band.title")
                        + properties.getProperty("notification.crisis-resources.severe-band.body"))
                .doesNotContainIgnoringCase("harm")
                .doesNotContainIgnoringCase("dead");
    }

    @Test
    void the_crisis_resources_take_their_lines_from_the_configuration_and_say_attune_is_not_an_emergency_service()
            throws Exception {
        var bundle = bundle();
        for (var key :
                List.of("notification.crisis-resources.body", "notification.crisis-resources.severe-band.body")) {
            assertThat(bundle.getProperty(key))
                    .as(key)
                    .contains("{0}")
                    .contains("not an emergency service")
                    .doesNotContainPattern("[0-9]{3}");
        }
        assertThat(bundle.getProperty("notification.crisis-resources.region")).contains("{0}", "{1}");
    }
}

package org.attune.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.attune.kit.crisis.CrisisLineProperties;
import org.attune.kit.crisis.CrisisLines;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class MessagesTest {

    /** What would tell a therapist or client that the self-harm item was answered. */
    static final String[] ABOUT_SELF_HARM = {"self-harm", "harm", "hurting", "better off dead"};

    final Messages messages = new Messages(bundle(), new CrisisLines(new CrisisLineProperties(null, null)));

    /** The bundle as spring.messages in application.yml configures it. */
    static ResourceBundleMessageSource bundle() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    static Notification of(NotificationKind kind, String... args) {
        var now = Instant.parse("2026-05-01T12:00:00Z");
        return Notification.due("n", "therapist", "client", kind, List.of(args), null, now, now);
    }

    @Test
    void a_severe_band_alert_with_0_on_item_9_names_the_range_and_nothing_about_self_harm() {
        var alert = of(NotificationKind.SAFETY_ALERT, "SEVERE_BAND", "PHQ-9");
        var text = (messages.title(alert) + " " + messages.body(alert)).toLowerCase(Locale.ROOT);
        assertThat(text).contains("phq-9 total in its most severe range").doesNotContain(ABOUT_SELF_HARM);
        var resources = of(NotificationKind.CRISIS_RESOURCES, "SEVERE_BAND", "PHQ-9");
        assertThat(messages.body(resources).toLowerCase(Locale.ROOT))
                .contains("very heavy", "988", "116 123", "not an emergency service")
                .doesNotContain(ABOUT_SELF_HARM);
    }

    @Test
    void a_self_harm_item_alert_says_which_question_was_answered() {
        var alert = of(NotificationKind.SAFETY_ALERT, "SELF_HARM_ITEM", "PHQ-9");
        assertThat(messages.title(alert)).isEqualTo("A client answered the question about self-harm");
        assertThat(messages.body(alert))
                .contains("the PHQ-9 question about thoughts of being better off dead or of hurting themselves");
        assertThat(messages.body(of(NotificationKind.CRISIS_RESOURCES, "SELF_HARM_ITEM", "PHQ-9")))
                .contains("thinking about harming yourself", "988");
    }

    @Test
    void a_help_now_alert_says_the_client_pressed_the_button_and_nothing_about_a_questionnaire() {
        var alert = of(NotificationKind.SAFETY_ALERT, "HELP_NOW", "a questionnaire");
        assertThat(messages.title(alert)).isEqualTo("A client asked for help now");
        assertThat(messages.body(alert)).contains("pressed \"I need help now\"").doesNotContain("questionnaire");
    }

    @Test
    void an_alert_stored_without_a_reason_or_with_an_unknown_one_reads_neutrally() {
        for (var alert : List.of(of(NotificationKind.SAFETY_ALERT), of(NotificationKind.SAFETY_ALERT, "NEW_REASON"))) {
            assertThat(messages.title(alert)).isEqualTo("A client may need support");
            assertThat(messages.body(alert).toLowerCase(Locale.ROOT)).doesNotContain(ABOUT_SELF_HARM);
        }
    }

    @Test
    void a_rupture_prompt_quotes_the_shared_words_only_while_they_are_visible() {
        var withoutWords = of(NotificationKind.RUPTURE_SIGNAL);
        var withWords = of(NotificationKind.RUPTURE_SIGNAL, "It felt rushed {and} I didn't say it");
        assertThat(messages.body(withoutWords)).doesNotContain("own words");
        assertThat(messages.body(withWords)).contains("in their own words: \"It felt rushed {and} I didn't say it\"");
        assertThat(messages.body(withWords, false)).isEqualTo(messages.body(withoutWords));
        assertThat(messages.title(withWords)).isEqualTo(messages.title(withoutWords));
    }

    @Test
    void texts_without_arguments_render_a_single_apostrophe() {
        for (var kind : NotificationKind.values()) {
            var n = of(kind, "x");
            assertThat(messages.title(n) + messages.body(n)).as(kind.name()).doesNotContain("''");
        }
        assertThat(messages.body(of(NotificationKind.DAILY_CHECKIN))).startsWith("When you're ready");
    }
}

package org.attune.checkin.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.attune.events.SafetyFlagReason;
import org.attune.kit.crisis.CrisisLineProperties;
import org.attune.kit.crisis.CrisisLines;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class SafetyNoticesTest {

    /** What would tell a person they answered the self-harm item. */
    static final List<String> ABOUT_ITEM_9 = List.of("self-harm", "hurting yourself", "better off dead", "harm");

    static final List<String> GUILT = List.of("missed", "streak", "failure", "failed", "you should", "you must");

    final SafetyNotices notices =
            new SafetyNotices(new CrisisResources(new CrisisLines(new CrisisLineProperties("US", null))), bundle());

    static ResourceBundleMessageSource bundle() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setUseCodeAsDefaultMessage(false);
        source.setAlwaysUseMessageFormat(true); // as spring.messages.always-use-message-format in application.yml
        return source;
    }

    @Test
    void a_severe_band_with_0_on_item_9_says_nothing_about_self_harm_or_item_9() {
        var notice = notices.forReasons(List.of(SafetyFlagReason.SEVERE_BAND), null);
        assertThat(notice.message().toLowerCase(Locale.ROOT))
                .contains("very heavy")
                .doesNotContain(ABOUT_ITEM_9.toArray(String[]::new));
        assertThat(notice.notAnEmergencyService()).contains("not an emergency service");
        assertThat(notice.resources())
                .extracting(CrisisLineProperties.Line::contact)
                .anyMatch(c -> c.contains("988"));
    }

    @Test
    void item_9_above_0_says_what_the_client_answered_whatever_the_total() {
        assertThat(notices.forReasons(List.of(SafetyFlagReason.SELF_HARM_ITEM), null)
                        .message())
                .contains("better off dead or of hurting yourself");
        assertThat(notices.forReasons(List.of(SafetyFlagReason.SEVERE_BAND, SafetyFlagReason.SELF_HARM_ITEM), "UK")
                        .message())
                .as("both: the self-harm item's words")
                .contains("better off dead or of hurting yourself");
    }

    @Test
    void help_now_has_words_of_its_own_that_do_not_claim_an_answer() {
        var message =
                notices.forReasons(List.of(SafetyFlagReason.HELP_NOW), null).message();
        assertThat(message).startsWith("You don't have to hold this alone").doesNotContain("You said", "answer");
    }

    @Test
    void every_reason_has_its_words_and_none_uses_guilt_words() {
        for (var reason : SafetyFlagReason.values()) {
            var notice = notices.forReasons(List.of(reason), null);
            assertThat(notice.message()).as(reason.name()).isNotBlank();
            assertThat(notice.message().toLowerCase(Locale.ROOT))
                    .as(reason.name())
                    .doesNotContain(GUILT.toArray(String[]::new));
            assertThat(notice.notAnEmergencyService()).contains("may not see it straight away");
        }
    }
}

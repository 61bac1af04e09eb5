package org.attune.webui.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The help page's and the safety plan's words: all in the bundle, in the product's tone. */
class SafetyTextsTest {

    static final List<String> BANNED = List.of(
            "streak",
            "missed",
            "failure",
            "failed",
            "you should",
            "you must",
            "don't forget",
            "overdue",
            "i need help now");
    static final List<String> PREFIXES =
            List.of("help.", "crisis.", "safety-plan.", "therapist.plan.", "layout.help-now");

    static Properties bundle() throws Exception {
        var properties = new Properties();
        try (var in = SafetyTextsTest.class.getResourceAsStream("/vaadin-i18n/translations.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void theSafetyTextsUseNoGuiltOrStreakWordsAndNeverPromiseAnEmergencyResponse() throws Exception {
        var bundle = bundle();
        var checked = bundle.stringPropertyNames().stream()
                .filter(key -> PREFIXES.stream().anyMatch(key::startsWith))
                .toList();
        assertThat(checked).hasSizeGreaterThan(50);
        for (var key : checked) {
            var text = bundle.getProperty(key).toLowerCase(Locale.ROOT);
            BANNED.forEach(word -> assertThat(text).as(key).doesNotContain(word));
            assertThat(text).as(key).doesNotContain("immediately respond").doesNotContain("will call you");
        }
    }

    @Test
    void everyPartOfThePlanHasATitleAndAPrompt() throws Exception {
        var bundle = bundle();
        for (var section : PlanSection.values()) {
            assertThat(bundle.getProperty(section.titleKey()))
                    .as(section.name())
                    .isNotBlank();
            assertThat(bundle.getProperty(section.titleKey() + ".prompt"))
                    .as(section.name())
                    .isNotBlank();
        }
    }

    @Test
    void theHeaderButtonSaysWhatItOpensAndTheActionSaysWhatItDoes() throws Exception {
        var bundle = bundle();
        assertThat(bundle.getProperty("layout.help-now")).isEqualTo("Crisis lines & help");
        assertThat(bundle.getProperty("help.tell.button")).isEqualTo("Let my therapist know");
        assertThat(bundle.getProperty("help.tell.intro.shared")).contains("Each press sends a new alert");
        assertThat(bundle.getProperty("help.tell.not-emergency")).contains("not an emergency service");
    }
}

package org.attune.webui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attune.events.DataClass;
import org.attune.webui.progress.ProgressRange;
import org.junit.jupiter.api.Test;

/**
 * Every person-facing text in the bundles keeps DOMAIN.md's tone (no streaks, badges, counting against anyone or
 * guilt copy), and every key the screens ask for by name exists, so no screen shows a raw key.
 */
class TranslationsToneTest {

    private static final Path BUNDLES = Path.of("src/main/resources/vaadin-i18n");
    private static final Path SOURCES = Path.of("src/main/java");

    /** Wording that turns use into a score or a debt. Matched on whole words, case-insensitively, in values only. */
    private static final Map<String, Pattern> OUT_OF_TONE = Map.ofEntries(
            rule("streaks", "\\bstreaks?\\b"),
            rule("chains to break", "\\b(don'?t|do not) break\\b|\\bbreak (the|your) chain\\b"),
            rule("missing as a failing", "\\bmissed\\b|\\byou miss\\b|\\bmissing out\\b"),
            rule("failure talk", "\\bfail(s|ed|ing|ure|ures)?\\b"),
            rule("orders", "\\byou (should|must|ought to)\\b|\\bshould have\\b"),
            rule("falling behind", "\\bbehind\\b|\\bfell off\\b|\\bfalling off\\b|\\bgave up\\b|\\bgiving up\\b"),
            rule(
                    "game mechanics",
                    "\\bbadges?\\b|\\bleaderboards?\\b|\\bachievements?\\b|\\blevel up\\b|\\bunlock(ed)?\\b|\\bpoints?\\b"),
            rule("counting in a row", "\\bin a row\\b|\\bconsecutive\\b"),
            rule("pep talk", "\\bkeep it up\\b|\\bdon'?t give up\\b|\\bdon'?t forget\\b|\\byou forgot\\b"),
            rule("name calling", "\\blazy\\b|\\bdisappoint(ed|ing)?\\b"));

    /** Keys whose wording trips a rule while being in tone, each with the reason it is. */
    private static final Map<String, String> ALLOWED = Map.of(
            "settings.channels.help",
            "\"nothing important is missed\" is about messages reaching the client, not about the client missing anything");

    private static Map.Entry<String, Pattern> rule(String name, String regex) {
        return Map.entry(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    private static List<Path> bundles() throws IOException {
        try (var files = Files.list(BUNDLES)) {
            return files.filter(f -> f.getFileName().toString().matches("translations(_[A-Za-z_]+)?\\.properties"))
                    .sorted()
                    .toList();
        }
    }

    private static Properties load(Path bundle) throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void noTextInAnyBundleUsesStreakGuiltOrGameWording() throws IOException {
        var found = new ArrayList<String>();
        for (var bundle : bundles()) {
            var texts = load(bundle);
            for (var key : new TreeSet<>(texts.stringPropertyNames())) {
                if (ALLOWED.containsKey(key)) {
                    continue;
                }
                var value = texts.getProperty(key);
                OUT_OF_TONE.forEach((name, pattern) -> {
                    if (pattern.matcher(value).find()) {
                        found.add(bundle.getFileName() + " " + key + " (" + name + "): " + value);
                    }
                });
            }
        }
        assertThat(bundles()).isNotEmpty();
        assertThat(found).as("texts out of tone (DOMAIN.md)").isEmpty();
    }

    @Test
    void theLintCatchesTheWordingItIsFor() {
        var samples = List.of(
                "You missed 3 days",
                "Don't break your streak!",
                "You earned a badge",
                "Keep it up",
                "You should check in today",
                "You are falling behind",
                "5 days in a row");
        for (var sample : samples) {
            assertThat(OUT_OF_TONE.values().stream()
                            .anyMatch(p -> p.matcher(sample).find()))
                    .as(sample)
                    .isTrue();
        }
        for (var fine : List.of(
                "We couldn't save that just now. Nothing is lost.",
                "What should we call you?",
                "guilty",
                "Come back when it helps and step away when you need to.")) {
            assertThat(OUT_OF_TONE.values().stream()
                            .noneMatch(p -> p.matcher(fine).find()))
                    .as(fine)
                    .isTrue();
        }
    }

    @Test
    void everyAllowListedKeyStillExistsSoTheListCannotRot() throws IOException {
        var texts = load(BUNDLES.resolve("translations.properties"));
        assertThat(texts.stringPropertyNames()).containsAll(ALLOWED.keySet());
    }

    @Test
    void everyKeyTheScreensAskForByNameIsInTheDefaultBundle() throws IOException {
        var keys = load(BUNDLES.resolve("translations.properties")).stringPropertyNames();
        var literal = Pattern.compile("getTranslation\\(\\s*\"([^\"]+)\"\\s*[,)]");
        var missing = new TreeSet<String>();
        var asked = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    asked.add(matcher.group(1));
                    if (!keys.contains(matcher.group(1))) {
                        missing.add(matcher.group(1) + " (" + SOURCES.relativize(file) + ")");
                    }
                }
            }
        }
        assertThat(asked).as("the scan found the screens' keys").hasSizeGreaterThan(100);
        assertThat(missing)
                .as("keys asked for but not in translations.properties")
                .isEmpty();
    }

    @Test
    void everyDataClassAndProgressRangeHasItsWords() throws IOException {
        var keys = load(BUNDLES.resolve("translations.properties")).stringPropertyNames();
        for (var dataClass : DataClass.values()) {
            assertThat(keys).contains("dataclass." + dataClass.name());
        }
        for (var range : ProgressRange.values()) {
            assertThat(keys).contains("progress.range." + range.name());
        }
    }
}

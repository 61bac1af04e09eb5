package org.attune.content.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The content lint: every shipped piece is well-formed, linked correctly and written in the product's tone. */
class ContentLibraryTest {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ContentLibraryTest.class);

    static final List<String> BANNED = List.of(
            "streak",
            "failure",
            "failed",
            "you should have",
            "you missed",
            "missed",
            "lazy",
            "weak",
            "calm down",
            "just relax");

    static final Pattern LINK = Pattern.compile("\\]\\(([^)]*)\\)");
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'’-]+");

    static final Map<String, LibraryParser.Parsed> PIECES = new TreeMap<>();
    static final Map<String, String> RAW = new TreeMap<>();

    @BeforeAll
    static void readLibrary() throws Exception {
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:content/*/*.md")) {
            String raw = resource.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            var parsed = LibraryParser.parseFully(resource.getFilename(), raw);
            PIECES.put(parsed.piece().slug(), parsed);
            RAW.put(parsed.piece().slug(), raw);
        }
    }

    @Test
    void the_library_holds_at_least_thirty_pieces_with_valid_front_matter() {
        assertThat(PIECES).hasSizeGreaterThanOrEqualTo(30);
        PIECES.values().forEach(p -> {
            var piece = p.piece();
            assertThat(piece.title()).as(piece.slug()).isNotBlank();
            assertThat(piece.summary()).as(piece.slug()).isNotBlank().hasSizeLessThanOrEqualTo(160);
            assertThat(piece.locale()).as(piece.slug()).isEqualTo("en");
            assertThat(piece.reviewedBy()).as(piece.slug()).isNotBlank();
        });
    }

    @Test
    void every_piece_has_only_known_topics() {
        PIECES.values()
                .forEach(p -> assertThat(KnownTopics.ALL)
                        .as(p.piece().slug())
                        .containsAll(p.piece().topics()));
    }

    @Test
    void every_piece_has_a_reading_time_that_fits_its_length() {
        PIECES.values().forEach(p -> {
            var piece = p.piece();
            long words = WORD.matcher(p.body()).results().count();
            assertThat(piece.minutes()).as(piece.slug()).isBetween(1, 15);
            // An unhurried reader manages about 200 words a minute; a stated time far below that would rush people.
            assertThat(words).as(piece.slug() + " words for its minutes").isLessThanOrEqualTo(piece.minutes() * 250L);
            if (piece.steps() != null) {
                int seconds = piece.steps().stream()
                        .mapToInt(s -> s.seconds() == null ? 0 : s.seconds())
                        .sum();
                assertThat(seconds).as(piece.slug() + " step time").isLessThanOrEqualTo(piece.minutes() * 60 + 30);
            }
        });
    }

    @Test
    void exercises_carry_steps_and_say_you_can_stop() {
        PIECES.values().stream()
                .filter(p -> p.piece().kind() == ContentKind.EXERCISE)
                .forEach(p -> {
                    assertThat(p.piece().steps()).as(p.piece().slug()).hasSizeBetween(3, 8);
                    assertThat(p.body().toLowerCase(Locale.ROOT))
                            .as(p.piece().slug())
                            .contains("stop");
                });
    }

    @Test
    void internal_links_point_at_pieces_that_exist() {
        var broken = new ArrayList<String>();
        RAW.forEach((slug, raw) -> LINK.matcher(raw)
                .results()
                .map(m -> m.group(1))
                .forEach(target -> {
                    if (!target.startsWith("/library/")
                            || !PIECES.containsKey(target.substring("/library/".length()))) {
                        broken.add(slug + " -> " + target);
                    }
                }));
        assertThat(broken).isEmpty();
    }

    @Test
    void pieces_that_encourage_speaking_up_say_when_it_may_not_be_safe_and_point_to_help() {
        for (var slug : List.of("needs-statement-builder", "recognising-red-flags")) {
            var body = PIECES.get(slug).body();
            assertThat(body).as(slug).contains("When speaking up may not be safe", "your safety");
            assertThat(body).as(slug).containsAnyOf("/library/crisis-resources", "support line");
        }
    }

    @Test
    void a_harder_stretch_is_not_promised_to_mean_that_therapy_is_working() {
        var body = PIECES.get("when-things-feel-worse-for-a-while").body();
        assertThat(body).doesNotContain("doesn't mean therapy isn't working");
        assertThat(body).contains("part of the work", "worth telling your therapist");
    }

    @Test
    void no_piece_uses_a_word_from_the_banned_list() {
        var found = new ArrayList<String>();
        RAW.forEach((slug, raw) -> {
            String lower = raw.toLowerCase(Locale.ROOT).replace('’', '\'');
            BANNED.stream().filter(lower::contains).forEach(word -> found.add(slug + ": " + word));
        });
        assertThat(found).isEmpty();
    }

    @Test
    void the_crisis_piece_takes_its_lines_from_the_configuration_and_says_attune_is_not_an_emergency_service() {
        assertThat(PIECES).containsKey("crisis-resources");
        var crisis = PIECES.get("crisis-resources");
        assertThat(crisis.piece().topics()).containsExactly("crisis");
        assertThat(crisis.body())
                .contains(CrisisLinesMarkdown.URGENT, CrisisLinesMarkdown.DOMESTIC_ABUSE, "not an emergency service")
                .as("no number of its own: every line comes from the one crisis-line configuration")
                .doesNotContainPattern("[0-9]{3}");
    }

    @Test
    void the_library_covers_every_topic_the_issue_asks_for() {
        var topics = new HashSet<String>();
        PIECES.values().forEach(p -> topics.addAll(p.piece().topics()));
        assertThat(topics).containsAll(KnownTopics.ALL);
        assertThat(PIECES)
                .containsKeys(
                        "grounding-5-4-3-2-1",
                        "paced-breathing",
                        "orienting-to-the-room",
                        "needs-statement-builder",
                        "rupture-script-felt-unheard",
                        "what-to-expect-from-therapy-pace",
                        "window-of-tolerance");
        assertThat(PIECES.get("paced-breathing").piece().breathing()).isNotNull();
    }

    @Test
    void the_parser_rejects_an_unknown_topic_a_missing_key_and_a_slug_that_differs_from_the_file() {
        String good = RAW.get("window-of-tolerance");
        assertThatThrownBy(() -> LibraryParser.parse(
                        "window-of-tolerance.md", good.replace("topics: [", "topics: [made-up-topic, ")))
                .hasMessageContaining("unknown topic");
        assertThatThrownBy(() ->
                        LibraryParser.parse("window-of-tolerance.md", good.replaceFirst("(?m)^minutes: .*\\n", "")))
                .hasMessageContaining("minutes");
        assertThatThrownBy(() -> LibraryParser.parse("other-name.md", good)).hasMessageContaining("file name");
        assertThatThrownBy(() -> LibraryParser.parse("window-of-tolerance.md", good.replace("---\n", "")))
                .hasMessageContaining("---");
    }

    @Test
    void search_tokens_are_lower_case_words_without_link_targets() {
        assertThat(SearchTokens.of("Don't PANIC: see [this](/library/paced-breathing)."))
                .containsExactly("dont", "panic", "see", "this");
    }

    @Test
    void prints_the_pieces_by_topic_for_the_closing_note() {
        var byTopic = new TreeMap<String, TreeSet<String>>();
        PIECES.values()
                .forEach(p -> p.piece()
                        .topics()
                        .forEach(t -> byTopic.computeIfAbsent(t, k -> new TreeSet<>())
                                .add(p.piece().slug() + " (" + p.piece().kind() + ")")));
        assertThat(byTopic.keySet()).containsAll(KnownTopics.ALL);
        byTopic.forEach((topic, slugs) -> log.info("TOPIC {}: {}", topic, String.join(", ", slugs)));
    }
}

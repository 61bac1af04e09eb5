package org.attune.checkin.questionnaire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.attune.events.SafetyFlagReason;

/**
 * A questionnaire as data: items, answer options, sum scoring, severity bands and flag rules. Loaded from a
 * definition file, so a practice can add its own (licensed) instrument without code.
 *
 * @param validated false for Attune's own checks, which the UI says are not validated instruments
 * @param answeredThrough the path of the endpoint that records answers, for a check that has its own (the session
 *     connection check: {@code /api/v1/session-feedback}, which also looks for a rupture signal); such a check is not
 *     listed among the questionnaires and its answers are refused at {@code /questionnaires/{code}/responses}. Null
 *     for an ordinary questionnaire.
 * @param change the published reliable-change and caseness numbers, with their sources; null for an instrument
 *     without any (then no change is judged)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Instrument(
        String code,
        String title,
        String about,
        String source,
        boolean validated,
        String prompt,
        List<Option> options,
        List<Item> items,
        List<Band> bands,
        List<FlagRule> flags,
        String answeredThrough,
        ChangeRule change) {

    /** One answer option; {@code value} is what it scores. */
    public record Option(int value, String label) {}

    /** One item; {@code options} overrides the instrument's options when set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String id, String text, List<Option> options) {}

    /**
     * A band of totals, {@code min} to {@code max} inclusive. {@code severity} orders bands (higher is more severe);
     * it defaults to the band's position in the list.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Band(String code, String label, int min, int max, Integer severity) {}

    /**
     * A flag raised when an item's answer is at least {@code atLeast}, or when the total falls in {@code band}.
     * {@code safety} makes it a safety flag with that reason.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FlagRule(String code, String item, Integer atLeast, String band, SafetyFlagReason safety) {}

    public Instrument {
        requireText(code, "code");
        requireText(title, "title");
        options = options == null ? List.of() : List.copyOf(options);
        items = List.copyOf(Objects.requireNonNull(items, code + ": items"));
        bands = List.copyOf(Objects.requireNonNull(bands, code + ": bands"));
        flags = flags == null ? List.of() : List.copyOf(flags);
        if (answeredThrough != null && !answeredThrough.startsWith("/api/")) {
            throw new IllegalArgumentException(code + ": answeredThrough must be an API path");
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(code + ": an instrument needs items");
        }
        final List<Option> shared = options;
        var ids = new HashSet<String>();
        for (Item item : items) {
            requireText(item.id(), code + ": item id");
            requireText(item.text(), code + ": item " + item.id() + " text");
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException(code + ": item id " + item.id() + " appears twice");
            }
            var itemOptions = item.options() != null ? item.options() : shared;
            if (itemOptions.isEmpty()) {
                throw new IllegalArgumentException(code + ": item " + item.id() + " has no options");
            }
        }
        // Bands must cover 0..maxTotal without gaps or overlaps, so every total has exactly one band.
        int max = items.stream()
                .mapToInt(item -> (item.options() != null ? item.options() : shared)
                        .stream().mapToInt(Option::value).max().orElse(0))
                .sum();
        int next = 0;
        for (Band band : bands) {
            requireText(band.code(), code + ": band code");
            if (band.min() != next || band.max() < band.min()) {
                throw new IllegalArgumentException(code + ": bands must cover every total from 0 to " + max
                        + " in order; band " + band.code() + " does not start at " + next);
            }
            next = band.max() + 1;
        }
        if (next != max + 1) {
            throw new IllegalArgumentException(code + ": bands must end at the maximum total " + max);
        }
        for (FlagRule rule : flags) {
            requireText(rule.code(), code + ": flag code");
            boolean byItem = rule.item() != null;
            boolean byBand = rule.band() != null;
            if (byItem == byBand) {
                throw new IllegalArgumentException(code + ": flag " + rule.code() + " needs an item or a band");
            }
            if (byItem && (!ids.contains(rule.item()) || rule.atLeast() == null)) {
                throw new IllegalArgumentException(
                        code + ": flag " + rule.code() + " must name a known item and 'atLeast'");
            }
            if (byBand && bands.stream().noneMatch(b -> b.code().equals(rule.band()))) {
                throw new IllegalArgumentException(code + ": flag " + rule.code() + " names an unknown band");
            }
        }
        if (change != null && (change.caseness() < 0 || change.caseness() > max || change.reliableChange() > max)) {
            throw new IllegalArgumentException(code + ": change thresholds must lie within 0.." + max);
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    /** True for an ordinary questionnaire, answered at {@code /questionnaires/{code}/responses}. */
    public boolean answeredAsQuestionnaire() {
        return answeredThrough == null;
    }

    public List<Option> optionsOf(Item item) {
        return item.options() != null ? item.options() : options;
    }

    public int maxTotal() {
        return items.stream()
                .mapToInt(item ->
                        optionsOf(item).stream().mapToInt(Option::value).max().orElse(0))
                .sum();
    }

    public Band bandOf(int total) {
        return bands.stream()
                .filter(b -> total >= b.min() && total <= b.max())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code + ": no band for total " + total));
    }

    /** How severe a band is (higher is more severe); empty for a code this definition does not know. */
    public Optional<Integer> severityOf(String bandCode) {
        for (int i = 0; i < bands.size(); i++) {
            var band = bands.get(i);
            if (band.code().equals(bandCode)) {
                return Optional.of(band.severity() != null ? band.severity() : i);
            }
        }
        return Optional.empty();
    }
}

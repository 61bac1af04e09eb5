package org.attune.checkin.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attune.events.SafetyFlagReason;
import org.attune.kit.web.FieldRules;

/** Scores a response against its instrument's definition: sum of answers, the band, and the flags raised. */
public final class Scoring {

    private Scoring() {}

    /** The scored result; {@code safety} holds the safety reasons among the flags, in rule order. */
    public record Result(
            int total, int maxTotal, Instrument.Band band, List<String> flags, List<SafetyFlagReason> safety) {}

    /**
     * Checks that there is exactly one allowed answer per item (a 400 naming each item at fault), then scores.
     * Answers are keyed by item id.
     */
    public static Result score(Instrument instrument, Map<String, Integer> answers) {
        var rules = new FieldRules();
        if (answers == null) {
            rules.add("answers", "is required: one answer per item").throwIfAny();
        }
        for (String key : answers.keySet()) {
            if (instrument.items().stream().noneMatch(item -> item.id().equals(key))) {
                rules.add("answers." + key, "is not an item of " + instrument.code());
            }
        }
        int total = 0;
        for (var item : instrument.items()) {
            Integer value = answers.get(item.id());
            if (value == null) {
                rules.add("answers." + item.id(), "needs an answer");
                continue;
            }
            var options = instrument.optionsOf(item);
            if (options.stream().noneMatch(o -> o.value() == value)) {
                int min = options.stream()
                        .mapToInt(Instrument.Option::value)
                        .min()
                        .orElse(0);
                int max = options.stream()
                        .mapToInt(Instrument.Option::value)
                        .max()
                        .orElse(0);
                rules.add("answers." + item.id(), "must be between " + min + " and " + max);
                continue;
            }
            total += value;
        }
        rules.throwIfAny();
        var band = instrument.bandOf(total);
        var flags = new ArrayList<String>();
        var safety = new ArrayList<SafetyFlagReason>();
        for (var rule : instrument.flags()) {
            boolean raised = rule.item() != null
                    ? answers.get(rule.item()) >= rule.atLeast()
                    : band.code().equals(rule.band());
            if (raised) {
                flags.add(rule.code());
                if (rule.safety() != null && !safety.contains(rule.safety())) {
                    safety.add(rule.safety());
                }
            }
        }
        return new Result(total, instrument.maxTotal(), band, List.copyOf(flags), List.copyOf(safety));
    }
}

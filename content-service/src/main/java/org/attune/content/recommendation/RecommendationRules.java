package org.attune.content.recommendation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.events.AttuneEvent;
import org.attune.events.CheckInRecorded;
import org.attune.events.QuestionnaireCompleted;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SessionFeedbackRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The rules from {@code recommendation-rules.yml}: which event facts lead to which pieces, and why. */
@Component
class RecommendationRules {

    static final Set<String> EVENTS =
            Set.of("CheckInRecorded", "QuestionnaireCompleted", "SessionFeedbackRecorded", "SafetyFlagRaised");

    record Rule(String id, String on, Map<String, String> when, boolean pinned, List<String> recommend, String reason) {

        boolean matches(String eventType, Map<String, Object> facts) {
            if (!on.equals(eventType)) {
                return false;
            }
            for (var condition : when.entrySet()) {
                Object fact = facts.get(condition.getKey());
                boolean holds = fact instanceof Collection<?> values
                        ? values.stream().anyMatch(v -> String.valueOf(v).equals(condition.getValue()))
                        : fact != null && String.valueOf(fact).equals(condition.getValue());
                if (!holds) {
                    return false;
                }
            }
            return true;
        }

        String reasonFor(String title, int minutes) {
            return reason.replace("{title}", title).replace("{minutes}", Integer.toString(minutes));
        }
    }

    private final List<Rule> rules;

    RecommendationRules(@Value("${attune.recommendations.rules:classpath:recommendation-rules.yml}") String location) {
        try {
            this.rules =
                    parse(new DefaultResourceLoader().getResource(location).getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recommendation rules", e);
        }
    }

    List<Rule> all() {
        return rules;
    }

    List<Rule> matching(AttuneEvent event) {
        String type = event.getClass().getSimpleName();
        var facts = facts(event);
        return rules.stream().filter(rule -> rule.matches(type, facts)).toList();
    }

    static Map<String, Object> facts(AttuneEvent event) {
        var facts = new LinkedHashMap<String, Object>();
        switch (event) {
            case CheckInRecorded e -> {
                facts.put("window", e.window());
                facts.put("tags", e.tags());
            }
            case QuestionnaireCompleted e -> {
                facts.put("code", e.code());
                facts.put("band", e.band());
                facts.put("worsened", e.worsened());
            }
            case SessionFeedbackRecorded e -> {
                facts.put("ruptureSignal", e.ruptureSignal());
                facts.put("ruptureReason", e.ruptureReason());
            }
            case SafetyFlagRaised e -> {
                facts.put("reason", e.reason());
                facts.put("source", e.source());
            }
            default -> {}
        }
        return facts;
    }

    static List<Rule> parse(String yaml) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(loaded instanceof Map<?, ?> root) || !(root.get("rules") instanceof List<?> list)) {
            throw new IllegalStateException("recommendation rules: a top-level 'rules' list is needed");
        }
        var rules = new ArrayList<Rule>();
        var ids = new HashSet<String>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalStateException("recommendation rules: every rule must be a mapping");
            }
            for (Object key : map.keySet()) {
                if (!Set.of("id", "event", "when", "pinned", "recommend", "reason")
                        .contains(key)) {
                    throw new IllegalStateException("recommendation rules: unknown key '" + key + "'");
                }
            }
            String id = string(map, "id", null);
            if (!ids.add(id)) {
                throw new IllegalStateException("recommendation rules: id '" + id + "' is used twice");
            }
            // "event", not "on": YAML 1.1 reads a bare on as true.
            String on = string(map, "event", id);
            if (!EVENTS.contains(on)) {
                throw new IllegalStateException("recommendation rule " + id + ": unknown event '" + on + "'");
            }
            var when = new LinkedHashMap<String, String>();
            if (map.get("when") instanceof Map<?, ?> conditions) {
                conditions.forEach((k, v) -> when.put(String.valueOf(k), String.valueOf(v)));
            } else if (map.get("when") != null) {
                throw new IllegalStateException("recommendation rule " + id + ": 'when' must be a mapping");
            }
            if (!(map.get("recommend") instanceof List<?> slugs)
                    || slugs.isEmpty()
                    || !slugs.stream().allMatch(s -> s instanceof String)) {
                throw new IllegalStateException("recommendation rule " + id + ": 'recommend' must list slugs");
            }
            boolean pinned = Boolean.TRUE.equals(map.get("pinned"));
            rules.add(new Rule(
                    id,
                    on,
                    Map.copyOf(when),
                    pinned,
                    slugs.stream().map(String::valueOf).toList(),
                    string(map, "reason", id)));
        }
        return List.copyOf(rules);
    }

    private static String string(Map<?, ?> map, String key, String rule) {
        if (!(map.get(key) instanceof String value) || value.isBlank()) {
            throw new IllegalStateException(
                    "recommendation rule " + (rule == null ? "" : rule + " ") + "needs a non-empty '" + key + "'");
        }
        return value;
    }
}

package org.attune.checkin.feedback;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.attune.checkin.questionnaire.Instrument;
import org.attune.checkin.questionnaire.InstrumentCatalog;
import org.attune.kit.web.FieldRules;
import org.springframework.stereotype.Component;

/**
 * The session connection check as its definition file ({@code instruments/session-connection.json}) defines it: the
 * items, their answer options and so the maximum total come from there and nowhere else. The check is answered only
 * through {@code POST /api/v1/session-feedback}, whose body names the four items; a definition that names other items
 * stops the start-up.
 */
@Component
class SessionCheck {

    static final String CODE = "SESSION-CONNECTION";
    static final String ENDPOINT = "/api/v1/session-feedback";

    /** The fields of the request body, one per item of the definition. */
    static final List<String> ITEMS = List.of("heard", "goals", "approach", "overall");

    private final Instrument definition;

    SessionCheck(InstrumentCatalog catalog) {
        this.definition = catalog.find(CODE)
                .orElseThrow(() -> new IllegalStateException("The " + CODE + " definition is missing"));
        var ids = definition.items().stream().map(Instrument.Item::id).toList();
        if (ids.size() != ITEMS.size() || !new HashSet<>(ids).equals(new HashSet<>(ITEMS))) {
            throw new IllegalStateException(CODE + " must define exactly the items " + ITEMS);
        }
        if (!ENDPOINT.equals(definition.answeredThrough())) {
            throw new IllegalStateException(CODE + " must be answered through " + ENDPOINT);
        }
    }

    int maxTotal() {
        return definition.maxTotal();
    }

    /** Adds a problem for every item whose answer is missing or not one of its options. */
    void check(Map<String, Integer> answers, FieldRules rules) {
        for (var item : definition.items()) {
            var options = definition.optionsOf(item);
            int min = options.stream().mapToInt(Instrument.Option::value).min().orElseThrow();
            int max = options.stream().mapToInt(Instrument.Option::value).max().orElseThrow();
            Integer value = answers.get(item.id());
            rules.range(item.id(), value, min, max, true);
            if (value != null
                    && value >= min
                    && value <= max
                    && options.stream().noneMatch(o -> o.value() == value)) {
                rules.add(item.id(), "must be one of the answer options");
            }
        }
    }

    /** The total of answers that passed {@link #check}. */
    int total(Map<String, Integer> answers) {
        return definition.items().stream()
                .mapToInt(item -> answers.get(item.id()))
                .sum();
    }
}

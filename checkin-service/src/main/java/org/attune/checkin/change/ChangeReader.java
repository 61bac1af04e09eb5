package org.attune.checkin.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.attune.checkin.questionnaire.InstrumentCatalog;
import org.attune.checkin.questionnaire.QuestionnaireResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Judges each instrument's change from a client's responses, with the words for it. The baseline is the client's
 * first response to that instrument ever, not the first in a chosen date range, so a shorter view does not move it.
 */
@Component
public class ChangeReader {

    private final InstrumentCatalog catalog;
    private final MessageSource messages;

    ChangeReader(InstrumentCatalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    /** Per instrument code, the change over these responses (oldest first); absent with one response or no rule. */
    public Map<String, Change> byCode(List<QuestionnaireResponse> oldestFirst) {
        var byCode = new TreeMap<String, List<QuestionnaireResponse>>();
        oldestFirst.forEach(
                r -> byCode.computeIfAbsent(r.code(), c -> new ArrayList<>()).add(r));
        var changes = new TreeMap<String, Change>();
        byCode.forEach((code, list) -> of(code, list).ifPresent(c -> changes.put(code, c)));
        return changes;
    }

    Optional<Change> of(String code, List<QuestionnaireResponse> oldestFirst) {
        if (oldestFirst.size() < 2) {
            return Optional.empty();
        }
        var rule = catalog.find(code).map(i -> i.change()).orElse(null);
        var baseline = oldestFirst.getFirst();
        var latest = oldestFirst.getLast();
        return ChangeJudgement.judge(rule, baseline.total(), latest.total()).map(outcome -> {
            Object[] args = {baseline.total(), latest.total(), rule.reliableChange(), rule.caseness(), code};
            var key = outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
            return new Change(
                    outcome,
                    baseline.total(),
                    baseline.completedAt(),
                    latest.total(),
                    latest.completedAt(),
                    rule.reliableChange(),
                    rule.caseness(),
                    messages.getMessage("change.client." + key, args, Locale.ENGLISH),
                    messages.getMessage("change.therapist." + key, args, Locale.ENGLISH));
        });
    }
}

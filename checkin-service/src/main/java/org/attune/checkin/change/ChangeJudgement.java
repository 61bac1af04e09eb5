package org.attune.checkin.change;

import java.util.Optional;
import org.attune.checkin.questionnaire.ChangeRule;

/**
 * How an instrument's total has changed from the first (baseline) to the latest response, judged the way NHS
 * Talking Therapies for anxiety and depression reports outcomes (NHS England, "NHS Talking Therapies for anxiety and
 * depression manual", v7, 2024; earlier "IAPT manual"), applied to one instrument at a time:
 *
 * <ul>
 *   <li><b>reliable improvement</b>: the total moved towards feeling better by at least the reliable-change
 *       threshold (more than measurement error);
 *   <li><b>reliable deterioration</b>: it moved towards feeling worse by at least that threshold;
 *   <li><b>recovery</b>: the baseline was a case (at or above the caseness cut-off) and the latest is not, whatever
 *       the size of the change ("moved from caseness to non-caseness");
 *   <li><b>reliable recovery</b>: recovery together with reliable improvement;
 *   <li><b>no reliable change</b>: none of these.
 * </ul>
 *
 * Each outcome is exactly one of these, the most specific first: reliable recovery, recovery, reliable improvement,
 * reliable deterioration, no reliable change. (The manual judges a course of treatment on the depression measure and
 * the anxiety measure together; Attune judges each instrument on its own, and says so.) The thresholds are the
 * instrument definition's {@link ChangeRule}, with their sources there. Pure, so it is tested without infrastructure.
 */
public final class ChangeJudgement {

    public enum Outcome {
        RELIABLE_RECOVERY,
        RECOVERY,
        RELIABLE_IMPROVEMENT,
        NO_RELIABLE_CHANGE,
        RELIABLE_DETERIORATION
    }

    private ChangeJudgement() {}

    /** The outcome from {@code baseline} to {@code latest}; empty without a rule (nothing published to judge by). */
    public static Optional<Outcome> judge(ChangeRule rule, int baseline, int latest) {
        if (rule == null) {
            return Optional.empty();
        }
        int better = rule.improvementFrom(baseline, latest);
        boolean reliablyBetter = better >= rule.reliableChange();
        boolean reliablyWorse = -better >= rule.reliableChange();
        boolean recovered = rule.isCase(baseline) && !rule.isCase(latest);
        if (recovered) {
            return Optional.of(reliablyBetter ? Outcome.RELIABLE_RECOVERY : Outcome.RECOVERY);
        }
        if (reliablyBetter) {
            return Optional.of(Outcome.RELIABLE_IMPROVEMENT);
        }
        if (reliablyWorse) {
            return Optional.of(Outcome.RELIABLE_DETERIORATION);
        }
        return Optional.of(Outcome.NO_RELIABLE_CHANGE);
    }
}

package org.attune.checkin.questionnaire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The published numbers an instrument's change is judged by, as its definition file states them (the {@code change}
 * block). An instrument without them (Attune's own session connection check) gets no judgement.
 *
 * @param reliableChange the smallest change in total, in points, that is larger than measurement error
 * @param caseness the lowest total at which a person counts as a "case" (at or above the clinical cut-off)
 * @param improvement which way the total moves when a person feels better
 * @param sources where each number comes from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeRule(int reliableChange, int caseness, Direction improvement, List<Source> sources) {

    public enum Direction {
        DOWN,
        UP
    }

    /** Which number ({@code reliableChange}, {@code caseness}) a source stands for, and the citation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String parameter, String citation, String url, String note) {}

    public ChangeRule {
        if (reliableChange < 1) {
            throw new IllegalArgumentException("change: reliableChange must be at least 1 point");
        }
        if (improvement == null) {
            throw new IllegalArgumentException("change: improvement (DOWN or UP) is required");
        }
        sources = sources == null ? List.of() : List.copyOf(sources);
        for (var parameter : List.of("reliableChange", "caseness")) {
            if (sources.stream()
                    .noneMatch(s -> parameter.equals(s.parameter())
                            && s.citation() != null
                            && !s.citation().isBlank())) {
                throw new IllegalArgumentException("change: the source of '" + parameter + "' is required");
            }
        }
    }

    /** Change towards feeling better, in points (negative when the total moved the other way). */
    public int improvementFrom(int baseline, int latest) {
        return improvement == Direction.DOWN ? baseline - latest : latest - baseline;
    }

    /** A case: at or beyond the clinical cut-off, on the side of feeling worse. */
    public boolean isCase(int total) {
        return improvement == Direction.DOWN ? total >= caseness : total <= caseness;
    }
}

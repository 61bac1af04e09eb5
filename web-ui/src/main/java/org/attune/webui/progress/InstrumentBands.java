package org.attune.webui.progress;

import java.util.List;
import java.util.Map;

/**
 * Severity bands of the instruments Attune ships (from checkin-service's definition files), for shading charts.
 * An instrument not listed here is drawn without bands; its points still carry the band the service scored.
 */
public final class InstrumentBands {

    public record Band(String code, int min, int max) {}

    private static final Map<String, List<Band>> BANDS = Map.of(
            "PHQ-9",
            List.of(
                    new Band("minimal", 0, 4),
                    new Band("mild", 5, 9),
                    new Band("moderate", 10, 14),
                    new Band("moderately-severe", 15, 19),
                    new Band("severe", 20, 27)),
            "GAD-7",
            List.of(
                    new Band("minimal", 0, 4),
                    new Band("mild", 5, 9),
                    new Band("moderate", 10, 14),
                    new Band("severe", 15, 21)),
            "PCL-5",
            List.of(new Band("below-cutoff", 0, 30), new Band("at-cutoff", 31, 33), new Band("above-cutoff", 34, 80)));

    private InstrumentBands() {}

    public static List<Band> of(String code) {
        return code == null ? List.of() : BANDS.getOrDefault(code.toUpperCase(java.util.Locale.ROOT), List.of());
    }
}

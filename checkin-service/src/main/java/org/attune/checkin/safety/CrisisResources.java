package org.attune.checkin.safety;

import java.util.List;
import org.attune.kit.crisis.CrisisLineProperties.Line;
import org.attune.kit.crisis.CrisisLines;
import org.springframework.stereotype.Component;

/**
 * What a person is shown with a safety flag: the crisis lines of their region (the kit's one configuration,
 * {@code attune.crisis}; the fallback region's when the region is unknown), said plainly and warmly.
 */
@Component
public class CrisisResources {

    private final CrisisLines lines;

    CrisisResources(CrisisLines lines) {
        this.lines = lines;
    }

    /** {@code region} is a country code (ISO 3166), usually the browser's; null or unknown gives the fallback. */
    public SafetyNotice notice(String region) {
        var own = lines.forCountry(region);
        return new SafetyNotice(
                "You don't have to hold this alone. If you are in danger or might act on thoughts of hurting yourself,"
                        + " please reach out to one of these now.",
                "Attune is not an emergency service. If you share safety alerts with your therapist, they will be"
                        + " told, but they may not see it straight away.",
                own.name(),
                own.lines());
    }

    /** {@code region} names where {@code resources} apply, e.g. "the United States" or "anywhere else". */
    public record SafetyNotice(String message, String notAnEmergencyService, String region, List<Line> resources) {}
}

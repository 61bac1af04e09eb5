package org.attune.checkin.safety;

import org.attune.kit.crisis.CrisisLines;
import org.springframework.stereotype.Component;

/**
 * The crisis lines shown with a safety flag: the kit's one configuration ({@code attune.crisis}), for the person's
 * region, or the fallback region's when it is unknown. The words around them are {@link SafetyNotices}'.
 */
@Component
public class CrisisResources {

    private final CrisisLines lines;

    CrisisResources(CrisisLines lines) {
        this.lines = lines;
    }

    /** {@code region} is a country code (ISO 3166), usually the browser's; null or unknown gives the fallback. */
    public CrisisLines.RegionLines forRegion(String region) {
        return lines.forCountry(region);
    }
}

package org.attune.checkin.safety;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Crisis lines shown whenever a safety flag is raised, per region ({@code attune.crisis.regions.<REGION>}); a region
 * without its own list gets the default one. The words around them are {@link SafetyNotices}'.
 */
@ConfigurationProperties("attune.crisis")
public record CrisisResources(Map<String, List<Line>> regions) {

    public record Line(String name, String contact, String region) {}

    static final List<Line> DEFAULT = List.of(
            new Line("988 Suicide & Crisis Lifeline", "call or text 988", "US"),
            new Line("Samaritans", "call 116 123", "UK and Ireland"),
            new Line("Emergency services", "call 112 (or 911 in North America)", "anywhere"));

    public CrisisResources {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    public List<Line> forRegion(String region) {
        if (region != null) {
            var own = regions.get(region.toUpperCase(Locale.ROOT));
            if (own != null && !own.isEmpty()) {
                return own;
            }
        }
        var configuredDefault = regions.get("DEFAULT");
        return configuredDefault != null && !configuredDefault.isEmpty() ? configuredDefault : DEFAULT;
    }
}

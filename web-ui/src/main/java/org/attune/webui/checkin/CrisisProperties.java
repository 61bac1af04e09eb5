package org.attune.webui.checkin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Crisis lines per region ({@code attune.crisis.regions.<code>.lines[]} with name, number and detail; the code is a
 * country such as {@code US}, {@code GB}, {@code IE}), and the region used when a person's own is not listed
 * ({@code attune.crisis.default-region}). Without configuration: the lines of the domain brief, 988 (US),
 * Samaritans 116 123 (UK and Ireland) and the emergency numbers 112/911, all of them for any other country.
 */
@ConfigurationProperties("attune.crisis")
public record CrisisProperties(String defaultRegion, Map<String, Region> regions) {

    public static final String DEFAULT = "default";

    /** One line to call: {@code number} may hold several numbers separated by "/", each dialled on its own. */
    public record Line(String name, String number, String detail) {

        /** The numbers a phone can dial ({@code tel:} links): "112 / 911" gives 112 and 911, spaces removed. */
        public List<String> dialable() {
            if (number == null || number.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(number.split("/"))
                    .map(String::strip)
                    .filter(n -> !n.isEmpty())
                    .toList();
        }
    }

    public record Region(List<Line> lines) {
        public Region {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    static final Line EMERGENCY = new Line(
            "Emergency services",
            "112 / 911",
            "call 112 (Europe and many other countries) or 911 (United States and Canada) if you or someone else is"
                    + " in immediate danger.");
    static final Line LIFELINE =
            new Line("988 Suicide & Crisis Lifeline (US)", "988", "call or text 988, any time of day or night.");
    static final Line SAMARITANS =
            new Line("Samaritans (UK and Ireland)", "116 123", "call 116 123 for free, any time of day or night.");

    static final Map<String, Region> DEFAULT_REGIONS = defaults();

    private static Map<String, Region> defaults() {
        var regions = new LinkedHashMap<String, Region>();
        regions.put(DEFAULT, new Region(List.of(EMERGENCY, LIFELINE, SAMARITANS)));
        regions.put("US", new Region(List.of(LIFELINE, EMERGENCY)));
        regions.put("GB", new Region(List.of(SAMARITANS, EMERGENCY)));
        regions.put("IE", new Region(List.of(SAMARITANS, EMERGENCY)));
        return Map.copyOf(regions);
    }

    public CrisisProperties {
        defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? DEFAULT : defaultRegion;
        var merged = new LinkedHashMap<String, Region>();
        if (regions == null || regions.isEmpty()) {
            DEFAULT_REGIONS.forEach((code, region) -> merged.put(key(code), region));
        } else {
            regions.forEach((code, region) -> {
                if (region != null && !region.lines().isEmpty()) {
                    merged.put(key(code), region);
                }
            });
        }
        if (!merged.containsKey(key(defaultRegion))) {
            merged.put(key(defaultRegion), DEFAULT_REGIONS.get(DEFAULT));
        }
        regions = Map.copyOf(merged);
    }

    /** The lines for a country (ISO 3166 code, any case); the default region's for an unknown or missing one. */
    public List<Line> linesFor(String country) {
        if (country != null && !country.isBlank()) {
            var own = regions.get(key(country));
            if (own != null) {
                return own.lines();
            }
        }
        return regions.get(key(defaultRegion)).lines();
    }

    public List<Line> linesFor(Locale locale) {
        return linesFor(locale == null ? null : locale.getCountry());
    }

    private static String key(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}

package org.attune.kit.crisis;

import java.util.List;
import java.util.Locale;
import org.attune.kit.crisis.CrisisLineProperties.Kind;
import org.attune.kit.crisis.CrisisLineProperties.Line;

/**
 * Which crisis lines a person sees: those of the region that lists their country, else the fallback region's. A
 * browser's or account's country is only a guess, so screens also show the fallback lines beside a region's own.
 */
public class CrisisLines {

    /** One region's lines, in the configured order. */
    public record RegionLines(String code, String name, List<Line> lines, boolean fallback) {

        /** Crisis and emergency lines: what to show first. */
        public List<Line> urgent() {
            return lines.stream().filter(l -> l.kind() != Kind.DOMESTIC_ABUSE).toList();
        }

        /** Lines for someone who is being hurt or frightened at home, shown apart from the others. */
        public List<Line> domesticAbuse() {
            return lines.stream().filter(l -> l.kind() == Kind.DOMESTIC_ABUSE).toList();
        }
    }

    private final CrisisLineProperties properties;

    public CrisisLines(CrisisLineProperties properties) {
        this.properties = properties;
    }

    /**
     * The lines for a country (ISO 3166 code, any case): the region of that code, else the first region listing the
     * country; the fallback region's for an unknown or missing one.
     */
    public RegionLines forCountry(String country) {
        if (country != null && !country.isBlank()) {
            var code = country.strip().toUpperCase(Locale.ROOT);
            var regions = properties.regions();
            var own = regions.containsKey(code)
                    ? code
                    : regions.entrySet().stream()
                            .filter(e -> e.getValue().countries().contains(code))
                            .map(java.util.Map.Entry::getKey)
                            .findFirst()
                            .orElse(null);
            if (own != null) {
                var region = regions.get(own);
                return new RegionLines(own, region.name(), region.lines(), own.equals(properties.fallbackRegion()));
            }
        }
        return fallback();
    }

    public RegionLines forLocale(Locale locale) {
        return forCountry(locale == null ? null : locale.getCountry());
    }

    public RegionLines fallback() {
        var code = properties.fallbackRegion();
        var region = properties.regions().get(code);
        return new RegionLines(code, region.name(), region.lines(), true);
    }

    /** Every region, the fallback last, for texts that cannot know the reader's country (the library, the inbox). */
    public List<RegionLines> all() {
        var fallbackCode = properties.fallbackRegion();
        var regions = properties.regions().entrySet().stream()
                .filter(e -> !e.getKey().equals(fallbackCode))
                .map(e -> new RegionLines(
                        e.getKey(), e.getValue().name(), e.getValue().lines(), false))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        regions.add(fallback());
        return List.copyOf(regions);
    }
}

package org.attune.kit.crisis;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The crisis lines every part of Attune shows, per region ({@code attune.crisis.regions.<CODE>}), set once for the
 * whole deployment. A region configured here replaces the default region of the same code and keeps the others; the
 * {@link #fallbackRegion} is shown to anyone whose country no region lists. Without configuration: the United States
 * (988), the UK and Ireland (Samaritans 116 123), the rest of the EU (112) and, for everyone else, their local
 * emergency number, each with its domestic-abuse line where one is publicly listed.
 *
 * @param fallbackRegion the code of the region shown when a person's country is unknown or not listed
 * @param regions by code (any case; compared in upper case), in the order they are shown
 */
@Validated
@ConfigurationProperties("attune.crisis")
public record CrisisLineProperties(@NotBlank String fallbackRegion, Map<String, @Valid Region> regions) {

    public static final String DEFAULT_REGION = "DEFAULT";

    /** What a line is for; crisis and emergency lines are shown first, domestic-abuse lines apart from them. */
    public enum Kind {
        CRISIS,
        EMERGENCY,
        DOMESTIC_ABUSE
    }

    /**
     * @param contact what to dial or where to go, as shown (e.g. {@code 116 123}, {@code 112 / 999})
     * @param hours when someone answers, in a few plain words
     * @param url the line's own site, if any
     */
    public record Line(
            @NotBlank String name,
            @NotBlank String contact,
            String hours,

            @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address")
            String url,

            Kind kind) {

        public Line {
            kind = kind == null ? Kind.CRISIS : kind;
        }

        /** The numbers a phone can dial, one per "/"-separated part that is a number; none for words. */
        public List<String> dialable() {
            var numbers = new ArrayList<String>();
            for (var part : contact.split("/")) {
                var number = part.strip();
                if (number.matches("\\+?[0-9][0-9 ()-]*[0-9]|[0-9]")) {
                    numbers.add(number);
                }
            }
            return List.copyOf(numbers);
        }
    }

    /**
     * @param name the region as a sentence names it ("the United States")
     * @param countries the ISO 3166 country codes it covers; the region's own code when empty
     */
    public record Region(
            String name, List<String> countries, @NotEmpty List<@Valid Line> lines) {

        public Region {
            countries = countries == null
                    ? List.of()
                    : countries.stream()
                            .map(c -> c.strip().toUpperCase(Locale.ROOT))
                            .toList();
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    public CrisisLineProperties {
        fallbackRegion = fallbackRegion == null || fallbackRegion.isBlank()
                ? DEFAULT_REGION
                : fallbackRegion.strip().toUpperCase(Locale.ROOT);
        var merged = new LinkedHashMap<String, Region>(CrisisLineDefaults.REGIONS);
        if (regions != null) {
            regions.forEach((code, region) -> {
                var key = code.strip().toUpperCase(Locale.ROOT);
                merged.put(key, region == null ? new Region(null, null, null) : named(key, region));
            });
        }
        regions = Collections.unmodifiableMap(merged);
    }

    private static Region named(String code, Region region) {
        return new Region(
                region.name() == null || region.name().isBlank() ? code : region.name(),
                region.countries().isEmpty() ? List.of(code) : region.countries(),
                region.lines());
    }

    @AssertTrue(message = "fallback-region must name one of the configured regions")
    public boolean isFallbackConfigured() {
        return regions.containsKey(fallbackRegion);
    }
}

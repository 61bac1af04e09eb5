package org.attune.kit.crisis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attune.kit.crisis.CrisisLineProperties.Kind;
import org.attune.kit.crisis.CrisisLineProperties.Line;
import org.attune.kit.crisis.CrisisLineProperties.Region;

/**
 * The regions a deployment starts with. Every number is the one the line itself publishes (checked against the
 * lines' own sites when added); a deployment replaces a region by configuring the same code.
 */
final class CrisisLineDefaults {

    private CrisisLineDefaults() {}

    static final String ANY_TIME = "any time, day or night";

    static final Line LIFELINE_988 = new Line(
            "988 Suicide & Crisis Lifeline (call or text)", "988", ANY_TIME, "https://988lifeline.org", Kind.CRISIS);
    static final Line EMERGENCY_US = new Line("Emergency services", "911", ANY_TIME, null, Kind.EMERGENCY);
    static final Line DOMESTIC_VIOLENCE_HOTLINE_US = new Line(
            "National Domestic Violence Hotline (or text START to 88788)",
            "1-800-799-7233",
            ANY_TIME,
            "https://www.thehotline.org",
            Kind.DOMESTIC_ABUSE);

    static final Line SAMARITANS =
            new Line("Samaritans (free to call)", "116 123", ANY_TIME, "https://www.samaritans.org", Kind.CRISIS);
    static final Line EMERGENCY_UK = new Line("Emergency services", "999 / 112", ANY_TIME, null, Kind.EMERGENCY);
    static final Line DOMESTIC_ABUSE_HELPLINE_UK = new Line(
            "National Domestic Abuse Helpline (free to call)",
            "0808 2000 247",
            ANY_TIME,
            "https://www.nationaldahelpline.org.uk",
            Kind.DOMESTIC_ABUSE);

    static final Line EMERGENCY_IE = new Line("Emergency services", "112 / 999", ANY_TIME, null, Kind.EMERGENCY);
    static final Line WOMENS_AID_IE = new Line(
            "Women's Aid National Freephone Helpline",
            "1800 341 900",
            ANY_TIME,
            "https://www.womensaid.ie",
            Kind.DOMESTIC_ABUSE);

    static final Line EMERGENCY_EU = new Line("Emergency services", "112", ANY_TIME, null, Kind.EMERGENCY);

    static final Line LOCAL_EMERGENCY =
            new Line("Emergency services", "your local emergency number", ANY_TIME, null, Kind.EMERGENCY);
    static final Line FIND_A_HELPLINE = new Line(
            "Find A Helpline (free crisis lines in many countries)",
            "findahelpline.com",
            null,
            "https://findahelpline.com",
            Kind.CRISIS);

    /** The member states other than Ireland, which has a region of its own. */
    static final List<String> EU_COUNTRIES = List.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IT", "LV", "LT", "LU", "MT",
            "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    static final Map<String, Region> REGIONS = regions();

    private static Map<String, Region> regions() {
        var regions = new LinkedHashMap<String, Region>();
        regions.put(
                "US",
                new Region(
                        "the United States",
                        List.of("US"),
                        List.of(LIFELINE_988, EMERGENCY_US, DOMESTIC_VIOLENCE_HOTLINE_US)));
        regions.put(
                "GB",
                new Region(
                        "the United Kingdom",
                        List.of("GB"),
                        List.of(SAMARITANS, EMERGENCY_UK, DOMESTIC_ABUSE_HELPLINE_UK)));
        regions.put("IE", new Region("Ireland", List.of("IE"), List.of(SAMARITANS, EMERGENCY_IE, WOMENS_AID_IE)));
        regions.put("EU", new Region("the European Union", EU_COUNTRIES, List.of(EMERGENCY_EU)));
        regions.put(
                CrisisLineProperties.DEFAULT_REGION,
                new Region("anywhere else", List.of(), List.of(LOCAL_EMERGENCY, FIND_A_HELPLINE)));
        return regions;
    }
}

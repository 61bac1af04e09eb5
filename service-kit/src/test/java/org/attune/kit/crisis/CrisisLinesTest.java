package org.attune.kit.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.attune.kit.crisis.CrisisLineProperties.Kind;
import org.attune.kit.crisis.CrisisLineProperties.Line;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The crisis lines as an application binds them: defaults, a deployment's own regions, and refused settings. */
class CrisisLinesTest {

    final ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, CrisisConfiguration.class));

    @Test
    void without_configuration_the_default_regions_and_their_publicly_listed_numbers_are_shown() {
        app.run(context -> {
            var crisis = context.getBean(CrisisLines.class);

            assertThat(crisis.forCountry("US").lines())
                    .extracting(Line::contact)
                    .containsExactly("988", "911", "1-800-799-7233");
            assertThat(crisis.forLocale(Locale.UK).lines())
                    .extracting(Line::contact)
                    .containsExactly("116 123", "999 / 112", "0808 2000 247");
            assertThat(crisis.forCountry("ie").lines())
                    .extracting(Line::contact)
                    .containsExactly("116 123", "112 / 999", "1800 341 900");
            assertThat(crisis.forLocale(Locale.GERMANY).lines())
                    .extracting(Line::contact)
                    .containsExactly("112");
            var elsewhere = crisis.forCountry("JP");
            assertThat(elsewhere.fallback()).isTrue();
            assertThat(elsewhere.lines()).extracting(Line::contact).contains("your local emergency number");
            assertThat(crisis.forCountry(null)).isEqualTo(elsewhere);
        });
    }

    @Test
    void domestic_abuse_lines_are_their_own_entries_apart_from_the_urgent_ones() {
        app.run(context -> {
            var us = context.getBean(CrisisLines.class).forCountry("US");

            assertThat(us.urgent()).extracting(Line::kind).containsExactly(Kind.CRISIS, Kind.EMERGENCY);
            assertThat(us.domesticAbuse())
                    .singleElement()
                    .satisfies(line -> assertThat(line.name()).contains("National Domestic Violence Hotline"));
        });
    }

    @Test
    void every_region_is_listed_once_with_the_fallback_last() {
        app.run(context -> assertThat(context.getBean(CrisisLines.class).all())
                .extracting(CrisisLines.RegionLines::code)
                .containsExactly("US", "GB", "IE", "EU", "DEFAULT"));
    }

    @Test
    void a_configured_region_replaces_the_default_of_that_code_and_keeps_the_others() {
        app.withPropertyValues(
                        "attune.crisis.fallback-region=de",
                        "attune.crisis.regions.de.name=Germany",
                        "attune.crisis.regions.de.lines[0].name=TelefonSeelsorge",
                        "attune.crisis.regions.de.lines[0].contact=0800 111 0 111",
                        "attune.crisis.regions.de.lines[0].hours=rund um die Uhr",
                        "attune.crisis.regions.de.lines[0].url=https://www.telefonseelsorge.de",
                        "attune.crisis.regions.us.lines[0].name=Local line",
                        "attune.crisis.regions.us.lines[0].contact=555 0100")
                .run(context -> {
                    var crisis = context.getBean(CrisisLines.class);

                    assertThat(crisis.forCountry("DE").code()).isEqualTo("DE");
                    assertThat(crisis.forCountry("DE").lines().getFirst().kind())
                            .isEqualTo(Kind.CRISIS);
                    assertThat(crisis.forCountry("AT").code()).isEqualTo("EU");
                    assertThat(crisis.forCountry("JP").lines())
                            .extracting(Line::name)
                            .containsExactly("TelefonSeelsorge");
                    assertThat(crisis.forCountry("US").lines())
                            .extracting(Line::contact)
                            .containsExactly("555 0100");
                    assertThat(crisis.forCountry("GB").lines()).hasSize(3);
                });
    }

    @Test
    void the_same_settings_come_from_environment_variables() {
        var environment = Map.<String, Object>of(
                "ATTUNE_CRISIS_REGIONS_NZ_LINES_0_NAME", "Need to talk? (call or text)",
                "ATTUNE_CRISIS_REGIONS_NZ_LINES_0_CONTACT", "1737");
        app.withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", environment)))
                .run(context -> assertThat(context.getBean(CrisisLines.class)
                                .forCountry("NZ")
                                .lines())
                        .extracting(Line::contact)
                        .containsExactly("1737"));
    }

    @Test
    void a_line_without_a_number_a_fallback_that_is_not_a_region_or_a_bad_address_stops_the_start() {
        app.withPropertyValues("attune.crisis.regions.xx.lines[0].name=No number")
                .run(context -> assertThat(context).hasFailed());
        app.withPropertyValues("attune.crisis.fallback-region=nowhere")
                .run(context -> assertThat(context).hasFailed());
        app.withPropertyValues(
                        "attune.crisis.regions.xx.lines[0].name=Line",
                        "attune.crisis.regions.xx.lines[0].contact=123",
                        "attune.crisis.regions.xx.lines[0].url=javascript:alert(1)")
                .run(context -> assertThat(context).hasFailed());
        app.withPropertyValues("attune.crisis.regions.xx.name=Empty")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void only_numbers_are_dialable_and_several_are_dialled_one_by_one() {
        assertThat(new Line("Emergency", "999 / 112", null, null, null).dialable())
                .containsExactly("999", "112");
        assertThat(new Line("Hotline", "1-800-799-7233", null, null, null).dialable())
                .containsExactly("1-800-799-7233");
        assertThat(new Line("Local", "your local emergency number", null, null, null).dialable())
                .isEmpty();
    }
}

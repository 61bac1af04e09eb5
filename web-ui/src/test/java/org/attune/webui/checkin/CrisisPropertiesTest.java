package org.attune.webui.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Crisis lines per region, bound from configuration the way the application binds them. */
class CrisisPropertiesTest {

    private static CrisisProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("attune.crisis", CrisisProperties.class);
    }

    @Test
    void withoutConfigurationTheLinesOfTheDomainBriefAreShown() {
        var crisis = bind(Map.of());

        assertThat(crisis.linesFor((String) null))
                .extracting(CrisisProperties.Line::number)
                .containsExactly("112 / 911", "988", "116 123");
        assertThat(crisis.linesFor(Locale.US))
                .extracting(CrisisProperties.Line::number)
                .startsWith("988");
        assertThat(crisis.linesFor(Locale.UK))
                .extracting(CrisisProperties.Line::number)
                .startsWith("116 123");
        assertThat(crisis.linesFor(Locale.GERMANY))
                .extracting(CrisisProperties.Line::number)
                .containsExactly("112 / 911", "988", "116 123");
    }

    @Test
    void aDeploymentConfiguresItsOwnRegionsAndDefault() {
        var crisis = bind(Map.of(
                "attune.crisis.default-region", "de",
                "attune.crisis.regions.de.lines[0].name", "TelefonSeelsorge",
                "attune.crisis.regions.de.lines[0].number", "0800 111 0 111",
                "attune.crisis.regions.de.lines[0].detail", "rund um die Uhr",
                "attune.crisis.regions.de.lines[1].name", "Notruf",
                "attune.crisis.regions.de.lines[1].number", "112"));

        assertThat(crisis.linesFor(Locale.GERMANY))
                .extracting(CrisisProperties.Line::name)
                .containsExactly("TelefonSeelsorge", "Notruf");
        assertThat(crisis.linesFor(Locale.FRANCE))
                .extracting(CrisisProperties.Line::name)
                .containsExactly("TelefonSeelsorge", "Notruf");
        assertThat(crisis.linesFor(Locale.GERMANY).getFirst().dialable()).containsExactly("0800 111 0 111");
    }

    @Test
    void severalNumbersOnOneLineAreDialledOneByOne() {
        assertThat(new CrisisProperties.Line("Emergency", "112 / 911", null).dialable())
                .containsExactly("112", "911");
        assertThat(new CrisisProperties.Line("None", " ", null).dialable()).isEmpty();
    }
}

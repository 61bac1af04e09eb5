package org.attune.checkin.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentDefinitionTest {

    static final List<Instrument.Option> ZERO_TO_THREE = List.of(
            new Instrument.Option(0, "a"),
            new Instrument.Option(1, "b"),
            new Instrument.Option(2, "c"),
            new Instrument.Option(3, "d"));

    static Instrument define(List<Instrument.Band> bands, List<Instrument.FlagRule> flags) {
        return new Instrument(
                "TEST",
                "Test",
                null,
                null,
                false,
                null,
                ZERO_TO_THREE,
                List.of(new Instrument.Item("1", "one", null), new Instrument.Item("2", "two", null)),
                bands,
                flags,
                null,
                null);
    }

    @Test
    void a_practice_can_define_its_own_instrument_as_data() {
        var instrument = define(
                List.of(new Instrument.Band("low", "Low", 0, 2, null), new Instrument.Band("high", "High", 3, 6, null)),
                List.of(new Instrument.FlagRule("ITEM_2", "2", 3, null, null)));
        assertThat(instrument.maxTotal()).isEqualTo(6);
        assertThat(instrument.bandOf(3).code()).isEqualTo("high");
    }

    @Test
    void bands_with_a_gap_an_overlap_or_a_short_end_are_refused() {
        assertThatThrownBy(() -> define(
                        List.of(new Instrument.Band("a", "A", 0, 2, null), new Instrument.Band("b", "B", 4, 6, null)),
                        List.of()))
                .hasMessageContaining("cover every total");
        assertThatThrownBy(() -> define(
                        List.of(new Instrument.Band("a", "A", 0, 3, null), new Instrument.Band("b", "B", 3, 6, null)),
                        List.of()))
                .hasMessageContaining("cover every total");
        assertThatThrownBy(() -> define(List.of(new Instrument.Band("a", "A", 0, 5, null)), List.of()))
                .hasMessageContaining("maximum total 6");
    }

    @Test
    void a_flag_rule_must_name_a_known_item_or_band() {
        var bands = List.of(new Instrument.Band("all", "All", 0, 6, null));
        assertThatThrownBy(() -> define(bands, List.of(new Instrument.FlagRule("X", "9", 1, null, null))))
                .hasMessageContaining("known item");
        assertThatThrownBy(() -> define(bands, List.of(new Instrument.FlagRule("X", null, null, "none", null))))
                .hasMessageContaining("unknown band");
    }

    @Test
    void a_definition_file_with_an_unknown_field_is_refused_at_start() {
        assertThatThrownBy(() -> InstrumentCatalog.read(new org.springframework.core.io.ByteArrayResource(
                        "{\"code\":\"X\",\"title\":\"X\",\"itemz\":[]}".getBytes())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_check_with_an_endpoint_of_its_own_names_an_api_path() {
        var bands = List.of(new Instrument.Band("all", "All", 0, 6, null));
        assertThatThrownBy(() -> new Instrument(
                        "OWN",
                        "Own",
                        null,
                        null,
                        false,
                        null,
                        ZERO_TO_THREE,
                        List.of(new Instrument.Item("1", "one", null), new Instrument.Item("2", "two", null)),
                        bands,
                        List.of(),
                        "https://elsewhere.example",
                        null))
                .hasMessageContaining("answeredThrough");
        assertThat(define(bands, List.of()).answeredAsQuestionnaire()).isTrue();
    }
}

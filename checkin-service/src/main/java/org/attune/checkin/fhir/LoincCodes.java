package org.attune.checkin.fhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LOINC codes of the instruments that have them: the panel (questionnaire), each item by Attune's item id, the
 * total score and the answer list 0-3. Checked against LOINC (loinc.org) and the HL7 SDC/Argonaut PHQ-9 and GAD-7
 * questionnaires; PCL-5 is exported without LOINC codes, as no code was verified for it.
 */
final class LoincCodes {

    static final String SYSTEM = "http://loinc.org";

    /** One instrument's codes; {@code answers} by score (the PHQ answer list LL358-3: "Not at all" .. "Nearly every day"). */
    record Codes(
            String panel,
            String panelDisplay,
            Map<String, String> items,
            String total,
            String totalDisplay,
            List<String> answers) {}

    private static final List<String> PHQ_ANSWERS = List.of("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9");

    private static final Map<String, Codes> BY_INSTRUMENT = Map.of(
            "PHQ-9",
            new Codes(
                    "44249-1",
                    "PHQ-9 quick depression assessment panel [Reported.PHQ]",
                    Map.of(
                            "1", "44250-9",
                            "2", "44255-8",
                            "3", "44259-0",
                            "4", "44254-1",
                            "5", "44251-7",
                            "6", "44258-2",
                            "7", "44252-5",
                            "8", "44253-3",
                            "9", "44260-8"),
                    "44261-6",
                    "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
                    PHQ_ANSWERS),
            "GAD-7",
            new Codes(
                    "69737-5",
                    "Generalized anxiety disorder 7 item (GAD-7)",
                    Map.of(
                            "1", "69725-0",
                            "2", "68509-9",
                            "3", "69733-4",
                            "4", "69734-2",
                            "5", "69735-9",
                            "6", "69689-8",
                            "7", "69736-7"),
                    "70274-6",
                    "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
                    PHQ_ANSWERS));

    private LoincCodes() {}

    static Optional<Codes> of(String instrument) {
        return Optional.ofNullable(BY_INSTRUMENT.get(instrument));
    }
}

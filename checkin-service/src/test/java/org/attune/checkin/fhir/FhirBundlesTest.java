package org.attune.checkin.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.attune.checkin.questionnaire.Instrument;
import org.attune.checkin.questionnaire.InstrumentCatalogs;
import org.attune.checkin.questionnaire.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundle, encoded and parsed back with HAPI's strict JSON parser (unknown elements, wrong types and bad values
 * fail), has the elements FHIR R4 requires and the LOINC codes where they exist.
 */
class FhirBundlesTest {

    static final UUID CLIENT = UUID.randomUUID();
    static Map<String, Instrument> shipped;

    @BeforeAll
    static void load() throws IOException {
        shipped = InstrumentCatalogs.shipped();
    }

    static QuestionnaireResponse response(String id, String code, Map<String, Integer> answers, String band) {
        int total = answers.values().stream().mapToInt(Integer::intValue).sum();
        return new QuestionnaireResponse(
                id,
                CLIENT,
                code,
                answers,
                total,
                shipped.get(code).maxTotal(),
                band,
                shipped.get(code).bandOf(total).label(),
                null,
                false,
                List.of(),
                Instant.parse("2026-11-20T08:30:00Z"),
                null);
    }

    static Bundle roundTrip(List<QuestionnaireResponse> responses) {
        var bundle = FhirBundles.of(CLIENT, new Date(), responses, code -> Optional.ofNullable(shipped.get(code)));
        var json = FhirExportController.FHIR.newJsonParser().encodeResourceToString(bundle);
        return FhirExportController.FHIR
                .newJsonParser()
                .setParserErrorHandler(new StrictErrorHandler())
                .parseResource(Bundle.class, json);
    }

    static Map<String, Integer> phq9() {
        return Map.of("1", 2, "2", 1, "3", 3, "4", 0, "5", 1, "6", 2, "7", 0, "8", 1, "9", 0);
    }

    @Test
    void a_phq_9_response_becomes_a_loinc_coded_questionnaire_response_and_a_total_observation() {
        var parsed = roundTrip(List.of(response("r1", "PHQ-9", phq9(), "moderate")));

        assertThat(parsed.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(parsed.getEntry())
                .extracting(e -> e.getResource().getResourceType())
                .containsExactly(ResourceType.Patient, ResourceType.QuestionnaireResponse, ResourceType.Observation);
        assertThat(parsed.getEntry()).allSatisfy(e -> assertThat(e.getFullUrl()).startsWith("urn:uuid:"));

        var qr = (org.hl7.fhir.r4.model.QuestionnaireResponse)
                parsed.getEntry().get(1).getResource();
        assertThat(qr.getStatus())
                .isEqualTo(org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        assertThat(qr.getQuestionnaire()).isEqualTo("http://loinc.org/q/44249-1");
        assertThat(qr.getSubject().getReference())
                .isEqualTo(parsed.getEntry().getFirst().getFullUrl());
        assertThat(qr.getItem()).hasSize(10);
        // every item has a linkId (required) and one answer
        assertThat(qr.getItem()).allSatisfy(item -> {
            assertThat(item.getLinkId()).isNotBlank();
            assertThat(item.getAnswer()).hasSize(1);
        });
        var first = qr.getItem().getFirst();
        assertThat(first.getText()).isEqualTo("Little interest or pleasure in doing things");
        var answer = (Coding) first.getAnswerFirstRep().getValue();
        assertThat(answer.getSystem()).isEqualTo("http://loinc.org");
        assertThat(answer.getCode()).isEqualTo("LA6570-1"); // 2: more than half the days
        assertThat(answer.getDisplay()).isEqualTo("More than half the days");
        assertThat(answer.getExtensionByUrl(FhirBundles.ORDINAL_VALUE)
                        .getValue()
                        .primitiveValue())
                .isEqualTo("2");
        assertThat(qr.getItem().getLast().getLinkId()).isEqualTo("total");
        assertThat(((IntegerType) qr.getItem().getLast().getAnswerFirstRep().getValue()).getValue())
                .isEqualTo(10);

        var observation = (Observation) parsed.getEntry().get(2).getResource();
        assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(observation.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("44261-6");
        assertThat(observation.getCategoryFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("survey");
        assertThat(observation.getValueIntegerType().getValue()).isEqualTo(10);
        assertThat(observation.getEffectiveDateTimeType().getValue())
                .isEqualTo(Date.from(Instant.parse("2026-11-20T08:30:00Z")));
        assertThat(observation.getDerivedFromFirstRep().getReference())
                .isEqualTo(parsed.getEntry().get(1).getFullUrl());
        assertThat(observation.getInterpretationFirstRep().getText()).isEqualTo("Moderate");
    }

    @Test
    void the_phq_9_items_carry_their_loinc_codes_in_the_definitions_order() {
        var qr = (org.hl7.fhir.r4.model.QuestionnaireResponse) FhirBundles.questionnaireResponse(
                response("r1", "PHQ-9", phq9(), "moderate"),
                Optional.of(shipped.get("PHQ-9")),
                LoincCodes.of("PHQ-9"),
                "urn:uuid:p");
        assertThat(qr.getItem().subList(0, 9))
                .extracting(i -> i.getLinkId())
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(LoincCodes.of("PHQ-9").orElseThrow().items())
                .containsEntry("1", "44250-9")
                .containsEntry("2", "44255-8")
                .containsEntry("9", "44260-8")
                .hasSize(9);
        assertThat(LoincCodes.of("GAD-7").orElseThrow().panel()).isEqualTo("69737-5");
        assertThat(LoincCodes.of("GAD-7").orElseThrow().total()).isEqualTo("70274-6");
        assertThat(LoincCodes.of("GAD-7").orElseThrow().items()).hasSize(7);
    }

    @Test
    void a_pcl_5_response_without_loinc_codes_keeps_its_scores_under_attunes_own_names() {
        var answers = new java.util.HashMap<String, Integer>();
        for (int i = 1; i <= 20; i++) {
            answers.put(Integer.toString(i), i % 5);
        }
        var parsed = roundTrip(List.of(response("r2", "PCL-5", answers, "above-cutoff")));

        var qr = (org.hl7.fhir.r4.model.QuestionnaireResponse)
                parsed.getEntry().get(1).getResource();
        assertThat(qr.getQuestionnaire()).isEqualTo("urn:attune:questionnaire:PCL-5");
        var answer = (Coding) qr.getItem().getFirst().getAnswerFirstRep().getValue();
        assertThat(answer.getSystem()).isEqualTo("urn:attune:answer:PCL-5");
        assertThat(answer.getCode()).isEqualTo("1");
        assertThat(answer.getDisplay()).isEqualTo("A little bit");
        var observation = (Observation) parsed.getEntry().get(2).getResource();
        assertThat(observation.getCode().getCoding()).isEmpty();
        assertThat(observation.getCode().getText()).isEqualTo("PCL-5 total score");
        assertThat(observation.getValueIntegerType().getValue()).isEqualTo(40);
    }

    @Test
    void with_nothing_answered_the_bundle_holds_only_the_client() {
        var parsed = roundTrip(List.of());
        assertThat(parsed.getEntry()).hasSize(1);
        var patient =
                (org.hl7.fhir.r4.model.Patient) parsed.getEntry().getFirst().getResource();
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(CLIENT.toString());
        assertThat(patient.getName()).isEmpty();
    }
}

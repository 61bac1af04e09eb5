package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.attune.testsupport.AttuneIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The client's FHIR export over HTTP: parses with HAPI, and its totals are those stored; therapists are refused. */
@AttuneIntegrationTest
class FhirExportIT {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    @LocalServerPort
    int port;

    @Test
    void the_bundle_parses_and_its_totals_are_the_stored_ones() {
        var api = new Api(port);
        var client = UUID.randomUUID();
        var other = UUID.randomUUID();
        api.post(client, "/api/v1/questionnaires/GAD-7/responses", SummaryIT.GAD7_MILD)
                .expectStatus()
                .isCreated();
        api.post(client, "/api/v1/questionnaires/PHQ-9/responses", QuestionnaireAndFeedbackIT.PHQ9_ITEM9_ONLY)
                .expectStatus()
                .isCreated();
        api.post(other, "/api/v1/questionnaires/GAD-7/responses", SummaryIT.GAD7_MINIMAL)
                .expectStatus()
                .isCreated();
        // What was stored, as the JSON export tells it.
        var stored = api.get(client, "/api/v1/export")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        var storedTotals = ((List<Map<String, Object>>) stored.get("questionnaireResponses"))
                .stream()
                        .collect(Collectors.toMap(
                                r -> (String) r.get("code"), r -> ((Number) r.get("total")).intValue()));

        var result = api.get(client, "/api/v1/export/fhir")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("application/fhir+json");
        var bundle = FHIR.newJsonParser()
                .setParserErrorHandler(new StrictErrorHandler())
                .parseResource(Bundle.class, result.getResponseBody());

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        var observations = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance)
                .map(Observation.class::cast)
                .collect(Collectors.toMap(
                        o -> o.getCode().getCodingFirstRep().getCode(),
                        o -> o.getValueIntegerType().getValue()));
        assertThat(observations)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("70274-6", storedTotals.get("GAD-7"), "44261-6", storedTotals.get("PHQ-9")));
        var responses = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(org.hl7.fhir.r4.model.QuestionnaireResponse.class::isInstance)
                .map(org.hl7.fhir.r4.model.QuestionnaireResponse.class::cast)
                .toList();
        assertThat(responses)
                .extracting(org.hl7.fhir.r4.model.QuestionnaireResponse::getQuestionnaire)
                .containsExactlyInAnyOrder("http://loinc.org/q/69737-5", "http://loinc.org/q/44249-1");
        // nothing of the other client
        assertThat(result.getResponseBody()).doesNotContain(other.toString());
    }

    @Test
    void a_therapist_is_refused_and_without_a_token_nothing_is_served() {
        var api = new Api(port);
        api.therapistGet(UUID.randomUUID(), "/api/v1/export/fhir")
                .expectStatus()
                .isForbidden();
        org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .build()
                .get()
                .uri("/api/v1/export/fhir")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}

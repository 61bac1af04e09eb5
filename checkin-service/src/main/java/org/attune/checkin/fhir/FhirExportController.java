package org.attune.checkin.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.Date;
import org.attune.checkin.questionnaire.InstrumentCatalog;
import org.attune.checkin.questionnaire.QuestionnaireResponses;
import org.attune.kit.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The client's own questionnaire answers and totals as a FHIR R4 bundle, for data portability. Only the caller's own
 * data: a therapist is refused (the path rules let only a client in).
 */
@RestController
class FhirExportController {

    static final String FHIR_JSON = "application/fhir+json";

    /** Building the context reads every R4 structure once; it is thread-safe and shared. */
    static final FhirContext FHIR = FhirContext.forR4Cached();

    private final QuestionnaireResponses responses;
    private final InstrumentCatalog catalog;
    private final Clock clock;

    FhirExportController(QuestionnaireResponses responses, InstrumentCatalog catalog, Clock clock) {
        this.responses = responses;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Operation(
            summary = "The caller's own questionnaire answers and totals as a FHIR R4 Bundle (collection)",
            description = "A QuestionnaireResponse per answered questionnaire and an Observation per total,"
                    + " LOINC-coded where codes exist (PHQ-9, GAD-7). Clients only.")
    @GetMapping(value = "/api/v1/export/fhir", produces = FHIR_JSON)
    Mono<ResponseEntity<String>> export(@AuthenticationPrincipal Jwt jwt) {
        var clientId = Caller.of(jwt).id();
        return responses
                .of(clientId, null, null)
                .collectList()
                .publishOn(Schedulers.boundedElastic())
                .map(list -> FHIR.newJsonParser()
                        .setPrettyPrint(true)
                        .encodeResourceToString(
                                FhirBundles.of(clientId, Date.from(clock.instant()), list, catalog::find)))
                .map(json -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(FHIR_JSON))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attune-fhir-export.json\"")
                        .body(json));
    }
}

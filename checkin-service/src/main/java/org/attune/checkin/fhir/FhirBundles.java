package org.attune.checkin.fhir;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.attune.checkin.questionnaire.Instrument;
import org.attune.checkin.questionnaire.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Builds the client's FHIR R4 export: a {@code Bundle} of type collection with the client as a {@code Patient}
 * (only an identifier: this service knows no name), a {@code QuestionnaireResponse} per answered questionnaire and an
 * {@code Observation} per total. Entries are linked by {@code urn:uuid} full URLs, so the bundle stands on its own.
 * Pure, so it is tested without infrastructure.
 */
final class FhirBundles {

    static final String ACCOUNT_SYSTEM = "urn:attune:account";
    static final String ATTUNE_QUESTIONNAIRE = "urn:attune:questionnaire:";
    static final String ATTUNE_ANSWERS = "urn:attune:answer:";
    static final String LOINC_QUESTIONNAIRE = "http://loinc.org/q/";
    static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String TOTAL_LINK_ID = "total";

    private FhirBundles() {}

    /** {@code catalog} finds the definition a response was scored with; a response without one keeps its numbers. */
    static Bundle of(
            UUID clientId,
            Date exportedAt,
            List<QuestionnaireResponse> responses,
            java.util.function.Function<String, Optional<Instrument>> catalog) {
        var bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(exportedAt);
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID()));

        var patient = new Patient();
        patient.setId(UUID.nameUUIDFromBytes(("patient:" + clientId).getBytes()).toString());
        patient.addIdentifier().setSystem(ACCOUNT_SYSTEM).setValue(clientId.toString());
        var patientUrl = add(bundle, patient);

        for (var response : responses) {
            var instrument = catalog.apply(response.code());
            var codes = LoincCodes.of(response.code());
            var qr = questionnaireResponse(response, instrument, codes, patientUrl);
            var qrUrl = add(bundle, qr);
            add(bundle, observation(response, instrument, codes, patientUrl, qrUrl));
        }
        return bundle;
    }

    private static String add(Bundle bundle, Resource resource) {
        if (resource.getIdElement().isEmpty()) {
            resource.setId(UUID.randomUUID().toString());
        }
        var url = "urn:uuid:" + resource.getIdElement().getIdPart();
        bundle.addEntry().setFullUrl(url).setResource(resource);
        return url;
    }

    static org.hl7.fhir.r4.model.QuestionnaireResponse questionnaireResponse(
            QuestionnaireResponse response,
            Optional<Instrument> instrument,
            Optional<LoincCodes.Codes> codes,
            String patientUrl) {
        var qr = new org.hl7.fhir.r4.model.QuestionnaireResponse();
        qr.setId(stableId("qr", response.id()));
        qr.setStatus(org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        qr.setQuestionnaire(
                codes.map(c -> LOINC_QUESTIONNAIRE + c.panel()).orElse(ATTUNE_QUESTIONNAIRE + response.code()));
        qr.setIdentifier(
                new Identifier().setSystem("urn:attune:questionnaire-response").setValue(response.id()));
        qr.setSubject(new Reference(patientUrl));
        qr.setAuthor(new Reference(patientUrl));
        qr.setAuthored(Date.from(response.completedAt()));
        var items = instrument.map(Instrument::items).orElse(List.of());
        // In the definition's order; an answer to an item the definition no longer has still goes out.
        var ids = new java.util.LinkedHashSet<String>();
        items.forEach(i -> ids.add(i.id()));
        ids.addAll(new java.util.TreeSet<>(response.answers().keySet()));
        for (var id : ids) {
            var value = response.answers().get(id);
            if (value == null) {
                continue;
            }
            var definition = items.stream().filter(i -> i.id().equals(id)).findFirst();
            var item = qr.addItem().setLinkId(id);
            definition.ifPresent(d -> item.setText(d.text()));
            var itemCode = codes.map(c -> c.items().get(id));
            var answer = new Coding();
            var label = definition
                    .flatMap(d -> instrument.get().optionsOf(d).stream()
                            .filter(o -> o.value() == value)
                            .findFirst())
                    .map(Instrument.Option::label);
            if (itemCode.isPresent()
                    && value >= 0
                    && value < codes.get().answers().size()) {
                answer.setSystem(LoincCodes.SYSTEM)
                        .setCode(codes.get().answers().get(value));
            } else {
                answer.setSystem(ATTUNE_ANSWERS + response.code()).setCode(Integer.toString(value));
            }
            label.ifPresent(answer::setDisplay);
            answer.addExtension(new Extension(ORDINAL_VALUE, new DecimalType(value)));
            item.addAnswer().setValue(answer);
        }
        var total = qr.addItem().setLinkId(TOTAL_LINK_ID).setText(response.code() + " total score");
        total.addAnswer().setValue(new IntegerType(response.total()));
        return qr;
    }

    static Observation observation(
            QuestionnaireResponse response,
            Optional<Instrument> instrument,
            Optional<LoincCodes.Codes> codes,
            String patientUrl,
            String qrUrl) {
        var observation = new Observation();
        observation.setId(stableId("obs", response.id()));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "survey", "Survey")));
        var code = new CodeableConcept().setText(response.code() + " total score");
        codes.ifPresent(c -> code.addCoding(new Coding(LoincCodes.SYSTEM, c.total(), c.totalDisplay())));
        observation.setCode(code);
        observation.setSubject(new Reference(patientUrl));
        observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType(Date.from(response.completedAt())));
        observation.setValue(new IntegerType(response.total()));
        observation.addDerivedFrom(new Reference(qrUrl));
        if (response.bandLabel() != null) {
            observation.addInterpretation(new CodeableConcept().setText(response.bandLabel()));
        }
        observation
                .addReferenceRange()
                .setLow(new org.hl7.fhir.r4.model.Quantity(0))
                .setHigh(new org.hl7.fhir.r4.model.Quantity(response.maxTotal()))
                .setText("possible totals 0-" + response.maxTotal());
        return observation;
    }

    /** The same stored response gets the same resource id in every export. */
    private static String stableId(String kind, String responseId) {
        return UUID.nameUUIDFromBytes((kind + ":" + responseId).getBytes()).toString();
    }
}

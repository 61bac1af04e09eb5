package org.attune.webui.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.attune.kit.web.InvalidRequestException;

/**
 * What a therapist gives at registration so an operator can check them: the professional body that registers them,
 * their number there, and the country (ISO 3166-1 alpha-2) the registration is in.
 */
public record ProfessionalRegistration(String body, String number, String country) {

    public static final int MAX_BODY_LENGTH = 120;
    public static final int MAX_NUMBER_LENGTH = 40;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Trimmed, the country upper-cased. */
    public ProfessionalRegistration normalised() {
        return new ProfessionalRegistration(
                strip(body), strip(number), strip(country).toUpperCase(Locale.ROOT));
    }

    /** The field problems, named {@code professionalRegistration.<part>}; empty when it is complete. */
    List<InvalidRequestException.FieldProblem> problems() {
        var problems = new ArrayList<InvalidRequestException.FieldProblem>();
        var normal = normalised();
        if (normal.body().isEmpty()) {
            problems.add(problem("body", "is required"));
        } else if (normal.body().length() > MAX_BODY_LENGTH) {
            problems.add(problem("body", "can have at most " + MAX_BODY_LENGTH + " characters"));
        }
        if (normal.number().isEmpty()) {
            problems.add(problem("number", "is required"));
        } else if (normal.number().length() > MAX_NUMBER_LENGTH) {
            problems.add(problem("number", "can have at most " + MAX_NUMBER_LENGTH + " characters"));
        }
        if (!COUNTRIES.contains(normal.country())) {
            problems.add(problem("country", "should be a two-letter country code, such as GB or US"));
        }
        return problems;
    }

    private static InvalidRequestException.FieldProblem problem(String part, String message) {
        return new InvalidRequestException.FieldProblem("professionalRegistration." + part, message);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}

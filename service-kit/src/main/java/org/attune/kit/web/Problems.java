package org.attune.kit.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The problem+json answers every Attune HTTP API gives, in one place for the reactive and the servlet advice. They
 * never echo input: an exception's message may quote what a person typed, which may be health data.
 */
public final class Problems {

    private Problems() {}

    public static ProblemDetail invalid(List<InvalidRequestException.FieldProblem> problems) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields need another look.");
        problem.setTitle("Invalid request");
        List<Map<String, String>> errors = problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail invalid(String field, String message) {
        return invalid(List.of(new InvalidRequestException.FieldProblem(field, message)));
    }

    /** A status with the reason the code chose (our own words, never input). */
    public static ProblemDetail status(HttpStatusCode status, String reason) {
        return ProblemDetail.forStatusAndDetail(status, String.valueOf(reason));
    }

    /** Logs the exception's type and stack, never its message, and answers a calm 500. */
    public static ProblemDetail unexpected(Logger log, Throwable e) {
        log.error("Unexpected error: {}", e.getClass().getName(), new Unexpected(e));
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Nothing you sent was lost.");
        problem.setTitle("Internal error");
        return problem;
    }

    /** A field problem for JSON that could not be bound, naming the field but not the value. */
    public static InvalidRequestException.FieldProblem unreadable(JacksonException jackson) {
        String field = path(jackson);
        String message = jackson instanceof UnrecognizedPropertyException
                ? "is not a known field"
                : field.isEmpty() ? "the body is not valid JSON of the expected shape" : "has the wrong type";
        return new InvalidRequestException.FieldProblem(field.isEmpty() ? "body" : field, message);
    }

    public static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String path(JacksonException e) {
        var path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * Carries the original's type and stack into the log without its message (which may quote input); causes are
     * walked the same way.
     */
    static final class Unexpected extends RuntimeException {

        Unexpected(Throwable original) {
            super(
                    original.getClass().getName(),
                    original.getCause() == null ? null : new Unexpected(original.getCause()),
                    false,
                    true);
            setStackTrace(original.getStackTrace());
        }
    }
}

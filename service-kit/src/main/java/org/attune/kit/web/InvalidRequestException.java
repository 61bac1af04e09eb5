package org.attune.kit.web;

import java.util.List;

/** A request that broke one or more field rules; answered with 400 and one entry per field. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super("Invalid request fields: "
                + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** A field path and what is wrong with it, in words a person can act on (never the submitted value). */
    public record FieldProblem(String field, String message) {}
}

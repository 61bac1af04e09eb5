package org.attune.webui.web;

import java.util.List;

/** A request that names the fields at fault; answered as 400 problem+json with an {@code errors} list. */
public class InvalidRequestException extends RuntimeException {

    /** One field and what is wrong with it (never the submitted value). */
    public record FieldProblem(String field, String message) {}

    private final transient List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super("Invalid request");
        this.problems = List.copyOf(problems);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

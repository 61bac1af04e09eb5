package org.attune.webui.checkin;

import java.util.List;

/** What came of sending something to a service: it was stored, some fields need another look, or no answer. */
public sealed interface Outcome<T> {

    /** The service took it; {@code value} is what it answered. */
    record Done<T>(T value) implements Outcome<T> {}

    /** The service named the fields at fault (problem+json {@code errors}). */
    record Invalid<T>(List<FieldProblem> problems) implements Outcome<T> {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** The service did not answer, or answered with something other than a result or field problems. */
    record Unavailable<T>() implements Outcome<T> {}

    /** One field a service said needs another look, as it named it ({@code mood}, {@code emotions[2]}, ...). */
    record FieldProblem(String field, String message) {}
}

package org.attune.kit.web;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems while a request is checked, then throws them all at once. */
public final class FieldRules {

    private final List<InvalidRequestException.FieldProblem> problems = new ArrayList<>();

    public FieldRules add(String field, String message) {
        problems.add(new InvalidRequestException.FieldProblem(field, message));
        return this;
    }

    public boolean required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    public void range(String field, Integer value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                add(field, "is required");
            }
            return;
        }
        if (value < min || value > max) {
            add(field, "must be between " + min + " and " + max);
        }
    }

    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}

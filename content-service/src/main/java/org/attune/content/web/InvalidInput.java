package org.attune.content.web;

import java.util.List;
import java.util.Map;

/** A request value the service cannot accept; answered as 400 with the fields at fault. */
public class InvalidInput extends RuntimeException {

    private final transient List<Map<String, String>> errors;

    public InvalidInput(String field, String message) {
        super("Invalid " + field);
        this.errors = List.of(Map.of("field", field, "message", message));
    }

    public List<Map<String, String>> errors() {
        return errors;
    }
}

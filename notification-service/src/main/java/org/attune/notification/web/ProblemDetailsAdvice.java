package org.attune.notification.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error leaves this service as application/problem+json; validation errors list the fields at fault. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Boot's generic problem-details handler, which has no field list
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(WebExchangeBindException.class)
    ProblemDetail invalidBody(WebExchangeBindException e) {
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(error -> Map.of(
                        "field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        if (errors.isEmpty()) {
            errors = e.getGlobalErrors().stream()
                    .map(error -> Map.of(
                            "field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage())))
                    .toList();
        }
        return invalid(errors);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidValue(InvalidRequestException e) {
        return invalid(List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail unreadableInput(ServerWebInputException e) {
        // Never echo the input: Jackson's messages may quote values, and values may be health data.
        DatabindException databind = find(e, DatabindException.class);
        if (databind != null) {
            String field = path(databind);
            String message = databind instanceof UnrecognizedPropertyException
                    ? "is not a known field"
                    : "has the wrong type or format";
            return invalid(List.of(Map.of("field", field.isEmpty() ? "body" : field, "message", message)));
        }
        if (find(e, DecodingException.class) != null) {
            return invalid(List.of(Map.of("field", "body", "message", "is not valid JSON")));
        }
        String reason = String.valueOf(e.getReason());
        if (reason.contains("body")) {
            return invalid(List.of(Map.of("field", "body", "message", "is required")));
        }
        var parameter = e.getMethodParameter();
        String field =
                parameter != null && parameter.getParameterName() != null ? parameter.getParameterName() : "request";
        return invalid(List.of(Map.of("field", field, "message", "is missing or has the wrong type")));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), String.valueOf(e.getReason()));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // The message may carry request data (health data); log the type and trace only.
        log.error("Unexpected error: {}", e.getClass().getName(), e);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Nothing you sent was lost.");
        problem.setTitle("Internal error");
        return problem;
    }

    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
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

    private static String path(DatabindException e) {
        var path = new StringBuilder();
        for (var ref : e.getPath()) {
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
}

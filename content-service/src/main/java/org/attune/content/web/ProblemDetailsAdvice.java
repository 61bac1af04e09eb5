package org.attune.content.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error leaves this service as application/problem+json; validation errors list the fields at fault. */
// Ahead of Boot's ProblemDetailsExceptionHandler, which would answer input errors without the field list.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(WebExchangeBindException.class)
    ProblemDetail invalidBody(WebExchangeBindException e) {
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(error -> Map.of(
                        "field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return invalid(e.errors());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of(
                                "field",
                                        String.valueOf(
                                                result.getMethodParameter().getParameterName()),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail unreadableInput(ServerWebInputException e) {
        // Never echo the input: it may carry health data. Name the field and the kind of problem only.
        String field = "body";
        String message = "could not be read as JSON of the expected shape";
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null) {
            field = e.getMethodParameter().getParameterName();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TypeMismatchException mismatch) {
                field = mismatch.getPropertyName() != null ? mismatch.getPropertyName() : field;
                message = "has the wrong type";
                break;
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                field = unknown.getPropertyName();
                message = "is not a known field";
                break;
            }
            if (cause instanceof JacksonException jackson) {
                String path = path(jackson);
                field = path.isEmpty() ? "body" : path;
                message = path.isEmpty() ? "is not valid JSON" : "is missing or has the wrong type";
                break;
            }
        }
        var problem = invalid(List.of(Map.of("field", field, "message", message)));
        problem.setTitle("Unreadable request");
        return problem;
    }

    @ExceptionHandler(ContentTooLargeException.class)
    ProblemDetail tooLarge(ContentTooLargeException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
        problem.setTitle("Request too large");
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", "is too large")));
        return problem;
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

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
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
}

package org.attune.checkin.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error leaves this service as application/problem+json; validation errors list the fields at fault. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(WebExchangeBindException.class)
    ProblemDetail invalidBody(WebExchangeBindException e) {
        return invalid(e.getFieldErrors().stream()
                .map(error -> new InvalidRequestException.FieldProblem(
                        error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidFields(InvalidRequestException e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail unreadableInput(ServerWebInputException e) {
        // Never echo Jackson's message: it may quote the submitted (health) data.
        var jackson = find(e, JacksonException.class);
        if (jackson != null) {
            String field = path(jackson);
            String message = jackson instanceof UnrecognizedPropertyException
                    ? "is not a known field"
                    : field.isEmpty() ? "the body is not valid JSON of the expected shape" : "has the wrong type";
            return invalid(
                    List.of(new InvalidRequestException.FieldProblem(field.isEmpty() ? "body" : field, message)));
        }
        if (find(e, DataBufferLimitException.class) != null) {
            return invalid(List.of(new InvalidRequestException.FieldProblem("body", "is too large")));
        }
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null) {
            return invalid(List.of(new InvalidRequestException.FieldProblem(
                    e.getMethodParameter().getParameterName(), "has the wrong format")));
        }
        if (find(e, DecodingException.class) != null || e.getReason() != null) {
            return invalid(List.of(new InvalidRequestException.FieldProblem("body", "could not be read")));
        }
        return invalid(List.of(new InvalidRequestException.FieldProblem("body", "could not be read")));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), String.valueOf(e.getReason()));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // The message may carry request data (health data); log the type only.
        log.error("Unexpected error: {}", e.getClass().getName());
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Nothing you sent was lost.");
        problem.setTitle("Internal error");
        return problem;
    }

    private static ProblemDetail invalid(List<InvalidRequestException.FieldProblem> problems) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields need another look.");
        problem.setTitle("Invalid request");
        List<Map<String, String>> errors = problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .toList();
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
}

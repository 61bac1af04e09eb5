package org.attune.webui.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error of the JSON API leaves as application/problem+json; validation errors list the fields at fault. */
@RestControllerAdvice(basePackages = "org.attune.webui")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        return invalid(e.getFieldErrors().stream()
                .map(error -> new InvalidRequestException.FieldProblem(
                        error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidFields(InvalidRequestException e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        // Never echo Jackson's message: it may quote what was sent (a password, say).
        var jackson = find(e, JacksonException.class);
        if (jackson != null) {
            String field = path(jackson);
            String message = jackson instanceof UnrecognizedPropertyException
                    ? "is not a known field"
                    : field.isEmpty() ? "the body is not valid JSON of the expected shape" : "has the wrong type";
            return invalid(
                    List.of(new InvalidRequestException.FieldProblem(field.isEmpty() ? "body" : field, message)));
        }
        return invalid(List.of(new InvalidRequestException.FieldProblem("body", "could not be read")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongParameter(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new InvalidRequestException.FieldProblem(e.getName(), "has the wrong format")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, "This method is not supported here.");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), String.valueOf(e.getReason()));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // The message may carry request data; log the type only.
        log.error("Unexpected error: {}", e.getClass().getName());
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again in a moment.");
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

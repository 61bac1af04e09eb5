package org.attune.kit.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;

/**
 * Every error of a servlet application's JSON API leaves as application/problem+json; validation errors list the
 * fields at fault. Only {@code @RestController}s are advised: in web-ui the same dispatcher also serves the Vaadin
 * pages, whose errors are shown as pages.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ServletProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ServletProblemDetailsAdvice.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        return Problems.invalid(e.getFieldErrors().stream()
                .map(error -> new InvalidRequestException.FieldProblem(
                        error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidFields(InvalidRequestException e) {
        return Problems.invalid(e.problems());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        return Problems.invalid(e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InvalidRequestException.FieldProblem(
                                String.valueOf(result.getMethodParameter().getParameterName()),
                                String.valueOf(error.getDefaultMessage()))))
                .toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        var jackson = Problems.find(e, JacksonException.class);
        if (jackson != null) {
            return Problems.invalid(java.util.List.of(Problems.unreadable(jackson)));
        }
        return Problems.invalid("body", "could not be read");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongParameter(MethodArgumentTypeMismatchException e) {
        return Problems.invalid(e.getName(), "has the wrong format");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return Problems.invalid(e.getParameterName(), "is required");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return Problems.status(e.getStatusCode(), e.getReason());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // Spring's own 4xx answers (method not allowed, media type, ...) keep their status; their detail may quote
        // the request, so the standard reason phrase stands in for it.
        if (e instanceof ErrorResponse answer && answer.getStatusCode().is4xxClientError()) {
            var status = HttpStatus.resolve(answer.getStatusCode().value());
            return Problems.status(
                    answer.getStatusCode(),
                    status == null ? "The request was not accepted." : status.getReasonPhrase());
        }
        return Problems.unexpected(log, e);
    }
}

package org.attune.kit.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The answers both web stacks give alike; {@link ReactiveProblemDetailsAdvice} and {@link ServletProblemDetailsAdvice}
 * add only what their stack throws for unreadable or invalid input.
 */
abstract class CommonProblemHandlers {

    private final Logger log = LoggerFactory.getLogger(getClass());

    static ProblemDetail invalid(List<FieldError> errors) {
        return Problems.invalid(errors.stream()
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

package org.attune.kit.web;

import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

/** Every error leaves a WebFlux service as application/problem+json; validation errors list the fields at fault. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReactiveProblemDetailsAdvice extends CommonProblemHandlers {

    @ExceptionHandler(WebExchangeBindException.class)
    ProblemDetail invalidBody(WebExchangeBindException e) {
        return invalid(e.getFieldErrors());
    }

    @ExceptionHandler(ContentTooLargeException.class)
    ProblemDetail tooLarge(ContentTooLargeException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
        problem.setTitle("Request too large");
        problem.setProperty("errors", List.of(java.util.Map.of("field", "body", "message", "is too large")));
        return problem;
    }

    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail unreadableInput(ServerWebInputException e) {
        var jackson = Problems.find(e, JacksonException.class);
        if (jackson != null) {
            return Problems.invalid(List.of(Problems.unreadable(jackson)));
        }
        if (Problems.find(e, DataBufferLimitException.class) != null) {
            return Problems.invalid("body", "is too large");
        }
        var mismatch = Problems.find(e, TypeMismatchException.class);
        if (mismatch != null && mismatch.getPropertyName() != null) {
            return Problems.invalid(mismatch.getPropertyName(), "has the wrong type");
        }
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null) {
            return Problems.invalid(e.getMethodParameter().getParameterName(), "has the wrong format");
        }
        if (Problems.find(e, DecodingException.class) != null) {
            return Problems.invalid("body", "could not be read");
        }
        return Problems.invalid("body", "could not be read");
    }
}

package org.attune.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** The one problem-details advice of a WebFlux service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemDetailsConfiguration {

    @Bean
    ReactiveProblemDetailsAdvice problemDetailsAdvice() {
        return new ReactiveProblemDetailsAdvice();
    }
}

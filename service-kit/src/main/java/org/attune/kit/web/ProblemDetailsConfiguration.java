package org.attune.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one problem-details advice: the reactive one in a WebFlux service, the servlet one in web-ui. */
@AutoConfiguration
public class ProblemDetailsConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {

        @Bean
        ReactiveProblemDetailsAdvice problemDetailsAdvice() {
            return new ReactiveProblemDetailsAdvice();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    static class Servlet {

        @Bean
        ServletProblemDetailsAdvice problemDetailsAdvice() {
            return new ServletProblemDetailsAdvice();
        }
    }
}

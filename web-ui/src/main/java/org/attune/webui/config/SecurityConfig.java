package org.attune.webui.config;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Vaadin's view access control decides which views need a signed-in person (annotations on each view); everything
 * that is not a public view, a Vaadin resource or one of the public endpoints below needs a login.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    /** Path of the login view ({@code LoginView}); Vaadin sends people who are not signed in there. */
    static final String LOGIN_PATH = "/login";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus",
                        "/.well-known/**")
                .permitAll());
        return http.with(vaadin(), vaadin -> vaadin.loginView(LOGIN_PATH)).build();
    }

    @Bean
    InMemoryUserDetailsManager userDetailsService() {
        // replaced by accounts in the identity issue
        return new InMemoryUserDetailsManager();
    }
}

package org.attune.webui.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.attune.webui.token.TokenSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The environment variables the deployment documents are the ones web-ui's configuration reads. */
class ConfigurationNamesTest {

    private static StandardEnvironment environment(Map<String, Object> variables) throws Exception {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource("variables", variables));
        for (var yaml :
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            sources.addLast(yaml);
        }
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    @Test
    void theSecureCookieVariableIsTheOneComposeSets() throws Exception {
        assertThat(environment(Map.of()).getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo("false");
        assertThat(environment(Map.of("ATTUNE_SECURITY_COOKIE_SECURE", "true"))
                        .getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo("true");
        // The name web-ui once read, and compose never set, means nothing now.
        assertThat(environment(Map.of("ATTUNE_SECURE_COOKIES", "true"))
                        .getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo("false");
    }

    @Test
    void issuerAndAudienceComeFromTheSameVariablesTheServicesRead() throws Exception {
        var defaults = Binder.get(environment(Map.of()))
                .bind("attune.security", TokenSettings.class)
                .get();
        var configured = Binder.get(environment(
                        Map.of("ATTUNE_SECURITY_ISSUER", "practice-web", "ATTUNE_SECURITY_AUDIENCE", "practice-api")))
                .bind("attune.security", TokenSettings.class)
                .get();

        assertThat(defaults).isEqualTo(TokenSettings.DEFAULT);
        assertThat(configured).isEqualTo(new TokenSettings("practice-web", "practice-api"));
    }

    @Test
    void theActuatorHasAPortOfItsOwnAndTheMailSettingsTheirSpringNames() throws Exception {
        var environment = environment(Map.of(
                "MANAGEMENT_SERVER_PORT", "9090", "SPRING_MAIL_HOST", "mailpit", "ATTUNE_MAIL_FROM", "A <a@b.c>"));

        assertThat(environment(Map.of()).getProperty("management.server.port"))
                .isNotEqualTo(environment(Map.of()).getProperty("server.port"));
        assertThat(environment.getProperty("management.server.port")).isEqualTo("9090");
        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("mailpit");
        assertThat(environment.getProperty("attune.account-mail.from")).isEqualTo("A <a@b.c>");
    }
}

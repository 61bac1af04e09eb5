package org.attune.kit.crisis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The crisis lines, for every application of the kit: the WebFlux services and web-ui alike. */
@AutoConfiguration
@EnableConfigurationProperties(CrisisLineProperties.class)
public class CrisisConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CrisisLines crisisLines(CrisisLineProperties properties) {
        return new CrisisLines(properties);
    }
}

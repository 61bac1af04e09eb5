package org.attune.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Each service's HTTP server runs on event loops of its own, not Reactor Netty's global ones. With the global ones
 * (Spring Boot's default), stopping one application disposes them for every application in the same JVM
 * ({@code ReactorResourceFactory.stop}), as when a test starts and stops a second instance beside the first: the likely
 * cause of two 10–20 s request timeouts in content-service's integration tests, each after such a stop. One
 * application per JVM in production, so nothing else changes there.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration",
            "org.springframework.boot.reactor.netty.autoconfigure.actuate.web.server.NettyReactiveManagementContextAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(ReactorResourceFactory.class)
public class OwnNettyResources {

    @Bean
    @ConditionalOnMissingBean
    ReactorResourceFactory reactorResourceFactory() {
        var resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }
}

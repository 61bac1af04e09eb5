package org.attune.kit.lifecycle;

import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Active when a launcher that manages this service as a child process says so ({@code ATTUNE_PARENT_PID}, set by the
 * local stack): the service then ends with its launcher. For WebFlux services and web-ui alike.
 */
@AutoConfiguration
@ConditionalOnProperty("attune.parent.pid")
public class ParentWatchConfiguration {

    static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

    @Bean
    ParentWatch parentWatch(Environment environment) {
        var binder = Binder.get(environment);
        long launcherPid = binder.bind("attune.parent.pid", Long.class).get();
        var grace = binder.bind("attune.parent.grace", Duration.class).orElse(DEFAULT_GRACE);
        return ParentWatch.ofLauncher(launcherPid, grace);
    }
}

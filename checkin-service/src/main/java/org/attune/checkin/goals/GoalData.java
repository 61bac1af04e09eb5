package org.attune.checkin.goals;

import org.attune.kit.erasure.AccountDataEraser;
import org.attune.kit.security.PathRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the goal paths, and what an erasure removes of goals and their ratings. */
@Configuration(proxyBeanMethods = false)
class GoalData {

    /** The therapist's read is under {@code /api/v1/clients/**}, which the service opens to therapists. */
    @Bean
    PathRules goalPaths() {
        return exchanges ->
                exchanges.pathMatchers("/api/v1/goals", "/api/v1/goals/**").hasRole("CLIENT");
    }

    @Bean
    AccountDataEraser goalEraser(Goals goals) {
        return (accountId, role) -> goals.erase(accountId);
    }
}

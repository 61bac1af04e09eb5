package org.attune.checkin.safetyplan;

import org.attune.kit.erasure.AccountDataEraser;
import org.attune.kit.security.PathRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the safety-plan paths, and what an erasure removes of plans and suggestions. */
@Configuration(proxyBeanMethods = false)
class SafetyPlanData {

    /** The therapist's paths are under {@code /api/v1/clients/**}, which the service opens to therapists. */
    @Bean
    PathRules safetyPlanPaths() {
        return exchanges -> exchanges
                .pathMatchers("/api/v1/safety-plan", "/api/v1/safety-plan/**")
                .hasRole("CLIENT");
    }

    @Bean
    AccountDataEraser safetyPlanEraser(SafetyPlans plans) {
        return (accountId, role) -> plans.erase(accountId);
    }
}

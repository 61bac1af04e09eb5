package org.attune.checkin.measures;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.attune.checkin.questionnaire.QuestionnaireResponses;
import org.attune.events.Role;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.erasure.AccountDataEraser;
import org.attune.kit.outbox.OutboxCollections;
import org.attune.kit.security.PathRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Scheduled measures: who may call their paths, their outbox, what of an account they hold, and the sweep that runs
 * on every instance ({@code attune.measures.sweep-interval}, default 30 s).
 */
@Configuration(proxyBeanMethods = false)
class MeasuresConfiguration {

    @Bean
    PathRules measurePaths() {
        // The therapist's side lives under /api/v1/clients/**, which the service's own rules give to therapists.
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/v1/measures")
                .hasRole("CLIENT")
                .pathMatchers(
                        HttpMethod.POST,
                        "/api/v1/measures/*/pause",
                        "/api/v1/measures/*/resume",
                        "/api/v1/measures/*/decline")
                .hasRole("CLIENT");
    }

    @Bean
    OutboxCollections measureOutbox() {
        return OutboxCollections.of(MeasureAssignment.COLLECTION);
    }

    @Bean
    AccountDataEraser measureDataEraser(MeasureAssignments assignments, ClientZones zones) {
        return (UUID accountId, Role role) -> assignments.forget(accountId).then(zones.forget(accountId));
    }

    @Bean
    MeasureSweep measureSweep(
            MeasureAssignments assignments,
            QuestionnaireResponses responses,
            TherapistAccess access,
            ClientZones zones,
            Clock clock,
            @Value("${attune.measures.batch:200}") int batch) {
        return new MeasureSweep(assignments, responses, access, zones, clock, batch);
    }

    @Bean
    SmartLifecycle measureSweeper(
            MeasureSweep sweep, @Value("${attune.measures.sweep-interval:30s}") Duration interval) {
        return new SmartLifecycle() {
            private ScheduledExecutorService executor;

            @Override
            public synchronized void start() {
                executor = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("measure-sweep").daemon(true).factory());
                executor.scheduleWithFixedDelay(
                        sweep::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public synchronized void stop() {
                if (executor != null) {
                    executor.shutdownNow();
                    executor = null;
                }
            }

            @Override
            public synchronized boolean isRunning() {
                return executor != null;
            }
        };
    }
}

package org.attune.content;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.attune.architecture.AttuneRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final String ROOT = "org.attune.content";
    static final JavaClasses CLASSES = AttuneRules.mainClasses(ROOT);

    @Test
    void has_no_package_cycles() {
        AttuneRules.noPackageCycles(ROOT).check(CLASSES);
    }

    @Test
    void does_not_use_the_blocking_mongodb_driver() {
        AttuneRules.noBlockingMongoDriver().check(CLASSES);
    }

    @Test
    void writes_nothing_to_the_console() {
        AttuneRules.noSystemOut().check(CLASSES);
    }

    @Test
    void talks_to_other_services_only_through_events() {
        AttuneRules.talksToOtherServicesOnlyThroughEvents(ROOT).check(CLASSES);
    }

    @Test
    void leaves_tokens_consent_and_publishing_to_the_service_kit() {
        // The kit's copies are the only ones: no feature builds its own decoder, Kafka template or applied-events mark.
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.security.oauth2.jwt.ReactiveJwtDecoder")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.attune.kit.messaging.AppliedEvents")
                .because("consumed events go through ConsumedEvents, which also skips erased accounts")
                .check(CLASSES);
    }
}

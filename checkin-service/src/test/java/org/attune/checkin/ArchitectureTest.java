package org.attune.checkin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.attune.architecture.AttuneRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final String ROOT = "org.attune.checkin";
    static final JavaClasses CLASSES = AttuneRules.mainClasses(ROOT);

    @Test
    void has_no_package_cycles() {
        AttuneRules.noPackageCycles(ROOT).check(CLASSES);
    }

    @Test
    void talks_to_other_services_only_through_events() {
        AttuneRules.talksToOtherServicesOnlyThroughEvents(ROOT).check(CLASSES);
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
    void keeps_web_error_handling_out_of_the_domain() {
        noClasses()
                .that()
                .resideInAnyPackage("..checkin.checkin..", "..checkin.questionnaire..", "..checkin.feedback..")
                .should()
                .dependOnClassesThat()
                .haveSimpleName("ReactiveProblemDetailsAdvice")
                .check(CLASSES);
    }
}

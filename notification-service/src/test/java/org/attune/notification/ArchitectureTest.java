package org.attune.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.attune.notification");

    @Test
    void talks_to_other_services_only_through_events() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.attune.checkin..", "org.attune.content..", "org.attune.webui..", "org.attune.infra..")
                .check(CLASSES);
    }

    @Test
    void does_not_use_the_blocking_mongodb_driver() {
        // com.mongodb.client.result holds the result types the reactive driver returns too (UpdateResult...).
        noClasses()
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("com.mongodb.client..")
                        .and(DescribedPredicate.not(
                                JavaClass.Predicates.resideInAPackage("com.mongodb.client.result"))))
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoTemplate")
                .check(CLASSES);
    }

    @Test
    void keeps_web_error_handling_out_of_messaging() {
        noClasses()
                .that()
                .resideInAPackage("..messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.web..")
                .check(CLASSES);
    }
}

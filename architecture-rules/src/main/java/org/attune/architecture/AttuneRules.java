package org.attune.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;

/**
 * The architecture rules every module keeps, written once. Each module's {@code ArchitectureTest} checks them against
 * its own main classes; {@code AttuneRulesTest} proves each rule rejects a class that breaks it.
 */
public final class AttuneRules {

    private AttuneRules() {}

    /** The main (non-test) classes under a module's root package. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** No import cycles between the feature packages directly under {@code rootPackage}. */
    public static ArchRule noPackageCycles(String rootPackage) {
        // A module of one package has no slices to compare, and so no cycle.
        return slices().matching(rootPackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /**
     * WebFlux services talk to MongoDB reactively only: a blocking call would stall an event loop. The result types
     * in {@code com.mongodb.client.result} are what the reactive driver answers with too, so they are allowed.
     */
    public static ArchRule noBlockingMongoDriver() {
        return noClasses()
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("com.mongodb.client..")
                        .and(DescribedPredicate.not(
                                JavaClass.Predicates.resideInAPackage("com.mongodb.client.result"))))
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoTemplate")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoOperations")
                .because("WebFlux services use the reactive driver only");
    }

    /** Output goes through the logger (which never gets health data), not straight to the console. */
    public static ArchRule noSystemOut() {
        return noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .callMethod(Throwable.class, "printStackTrace")
                .because("log through SLF4J, and never health data");
    }

    /** A service reaches other services only through events: never their classes (its own are, of course, fine). */
    public static ArchRule talksToOtherServicesOnlyThroughEvents(String ownPackage) {
        var others = Stream.of(
                        "org.attune.checkin",
                        "org.attune.content",
                        "org.attune.notification",
                        "org.attune.webui",
                        "org.attune.infra")
                .filter(service -> !ownPackage.equals(service) && !ownPackage.startsWith(service + "."))
                .map(service -> service + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(ownPackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .allowEmptyShould(true);
    }
}

package org.attune.webui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps Vaadin at the edge: views in {@code ..ui..} packages, and nothing else touching components. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.attune.webui");
    }

    @Test
    void viewsLiveInUiPackages() {
        classes()
                .that()
                .areAssignableTo(Component.class)
                .or()
                .areAnnotatedWith(Route.class)
                .should()
                .resideInAPackage("..ui..")
                .check(classes);
    }

    @Test
    void routesAreNotPublic() {
        classes().that().areAnnotatedWith(Route.class).should().notBePublic().check(classes);
    }

    @Test
    void onlyUiPackagesDependOnVaadinComponents() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.vaadin.flow.component..")
                .check(classes);
    }
}

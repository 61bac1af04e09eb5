package org.attune.webui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import org.attune.architecture.AttuneRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules every module keeps (no package cycles, no console output), and Vaadin at the edge: views in
 * {@code ..ui..} packages, and nothing else touching components. web-ui is a servlet application: the blocking MongoDB
 * driver is its driver, so that rule is not one of its.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = AttuneRules.mainClasses("org.attune.webui");
    }

    @Test
    void hasNoPackageCycles() {
        AttuneRules.noPackageCycles("org.attune.webui").check(classes);
    }

    @Test
    void writesNothingToTheConsole() {
        AttuneRules.noSystemOut().check(classes);
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

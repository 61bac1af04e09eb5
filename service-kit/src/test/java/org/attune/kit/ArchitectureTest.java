package org.attune.kit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.attune.architecture.AttuneRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final JavaClasses CLASSES = AttuneRules.mainClasses("org.attune.kit");

    @Test
    void has_no_package_cycles() {
        AttuneRules.noPackageCycles("org.attune.kit").check(CLASSES);
    }

    /** Only {@code kit.servlet}, which web-ui (servlet, blocking driver) alone loads, may use the blocking driver. */
    @Test
    void does_not_use_the_blocking_mongodb_driver() {
        AttuneRules.noBlockingMongoDriver()
                .check(CLASSES.that(JavaClass.Predicates.resideOutsideOfPackage("org.attune.kit.servlet..")));
    }

    @Test
    void writes_nothing_to_the_console() {
        AttuneRules.noSystemOut().check(CLASSES);
    }
}

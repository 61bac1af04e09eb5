package org.attune.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.attune.architecture.AttuneRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final JavaClasses CLASSES = AttuneRules.mainClasses("org.attune.testsupport");

    @Test
    void has_no_package_cycles() {
        AttuneRules.noPackageCycles("org.attune.testsupport").check(CLASSES);
    }

    @Test
    void writes_nothing_to_the_console() {
        AttuneRules.noSystemOut().check(CLASSES);
    }
}

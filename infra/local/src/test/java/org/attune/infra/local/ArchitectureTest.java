package org.attune.infra.local;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.attune.architecture.AttuneRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final JavaClasses CLASSES = AttuneRules.mainClasses("org.attune.infra");

    @Test
    void has_no_package_cycles() {
        AttuneRules.noPackageCycles("org.attune.infra").check(CLASSES);
    }

    @Test
    void writes_nothing_to_the_console() {
        AttuneRules.noSystemOut().check(CLASSES);
    }

    @Test
    void talks_to_the_services_only_as_processes() {
        AttuneRules.talksToOtherServicesOnlyThroughEvents("org.attune.infra").check(CLASSES);
    }
}

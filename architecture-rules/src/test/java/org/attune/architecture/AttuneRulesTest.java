package org.attune.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.attune.architecture.fixtures.b.Clean;
import org.attune.checkin.archfixture.CheckinThing;
import org.attune.content.archfixture.OwnHelper;
import org.attune.content.archfixture.UsesCheckin;
import org.attune.content.archfixture.UsesOwn;
import org.junit.jupiter.api.Test;

/** Each shared rule rejects a deliberately bad fixture, and lets a clean class pass. */
class AttuneRulesTest {

    private static final String FIXTURES = "org.attune.architecture.fixtures";
    private static final JavaClasses BAD = new ClassFileImporter().importPackages(FIXTURES);
    private static final JavaClasses CLEAN = new ClassFileImporter().importClasses(Clean.class);

    @Test
    void the_cycle_rule_rejects_two_packages_that_import_each_other() {
        var result = AttuneRules.noPackageCycles(FIXTURES).evaluate(BAD);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("fixtures.a", "fixtures.b");
    }

    @Test
    void the_blocking_driver_rule_rejects_both_the_driver_and_mongo_template() {
        var report = AttuneRules.noBlockingMongoDriver()
                .evaluate(BAD)
                .getFailureReport()
                .toString();
        assertThat(report).contains("com.mongodb.client.MongoClient");
        assertThat(report).contains("org.springframework.data.mongodb.core.MongoTemplate");
    }

    @Test
    void the_console_rule_rejects_system_out() {
        var result = AttuneRules.noSystemOut().evaluate(BAD);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("System.out");
    }

    @Test
    void the_services_rule_rejects_another_services_class_but_not_the_modules_own() {
        var rule = AttuneRules.talksToOtherServicesOnlyThroughEvents("org.attune.content");
        var own = new ClassFileImporter().importClasses(UsesOwn.class, OwnHelper.class);
        var other = new ClassFileImporter().importClasses(UsesCheckin.class, CheckinThing.class);

        assertThat(rule.evaluate(own).hasViolation()).isFalse();
        var result = rule.evaluate(other);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("CheckinThing");
    }

    @Test
    void a_clean_class_passes_every_rule() {
        assertThat(AttuneRules.noPackageCycles(FIXTURES).evaluate(CLEAN).hasViolation())
                .isFalse();
        assertThat(AttuneRules.noBlockingMongoDriver().evaluate(CLEAN).hasViolation())
                .isFalse();
        assertThat(AttuneRules.noSystemOut().evaluate(CLEAN).hasViolation()).isFalse();
    }
}

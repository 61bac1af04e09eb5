package org.attune.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.attune.architecture.AttuneRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /** Events are facts that happened, so their names end in a past-tense verb from this list. */
    private static final List<String> PAST_TENSE_SUFFIXES = List.of(
            "Recorded",
            "Completed",
            "Raised",
            "Acknowledged",
            "Granted",
            "Revoked",
            "Erased",
            "Scheduled",
            "Recommended",
            "Assigned",
            "Delivered",
            "Shared",
            "Answered",
            "Opened",
            "Closed",
            "Paused",
            "Resumed",
            "Stopped",
            "Chosen");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("org.attune.events");

    private static final DescribedPredicate<JavaClass> EVENTS = DescribedPredicate.describe(
            "event types", c -> c.isAssignableTo(AttuneEvent.class) && !c.isEquivalentTo(AttuneEvent.class));

    @Test
    void the_main_classes_were_imported() {
        assertThat(MAIN.contain(AttuneEvent.class)).isTrue();
        assertThat(MAIN.that(EVENTS)).hasSize(AttuneEvent.class.getPermittedSubclasses().length);
    }

    @Test
    void writes_nothing_to_the_console() {
        AttuneRules.noSystemOut().check(MAIN);
    }

    @Test
    void has_no_package_cycles() {
        AttuneRules.noPackageCycles("org.attune.events").check(MAIN);
    }

    @Test
    void no_class_depends_on_spring() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .check(MAIN);
    }

    @Test
    void event_types_are_final_records() {
        classes()
                .that(EVENTS)
                .should()
                .beRecords()
                .andShould()
                .haveModifier(JavaModifier.FINAL)
                .check(MAIN);
    }

    @Test
    void event_names_end_in_a_past_tense_verb() {
        classes().that(EVENTS).should(endInPastTense()).check(MAIN);
    }

    private static ArchCondition<JavaClass> endInPastTense() {
        return new ArchCondition<>("have a name ending in one of " + PAST_TENSE_SUFFIXES) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean ok = PAST_TENSE_SUFFIXES.stream().anyMatch(javaClass.getSimpleName()::endsWith);
                events.add(new SimpleConditionEvent(
                        javaClass, ok, javaClass.getSimpleName() + " does not end in a past-tense verb"));
            }
        };
    }
}

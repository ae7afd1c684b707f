package com.memberdirectory.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Who may depend on whom (docs/architecture.md). */
class ModuleDirectionsTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.memberdirectory");
    }

    @Test
    void the_shared_kernel_depends_on_no_module_and_no_spring() {
        noClasses().that().resideInAPackage("com.memberdirectory.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("com.memberdirectory.command..",
                        "com.memberdirectory.query..", "com.memberdirectory.notification..", "com.memberdirectory.app..",
                        "org.springframework..")
                .check(classes);
    }

    @Test
    void the_write_side_knows_only_the_kernel() {
        noClasses().that().resideInAPackage("com.memberdirectory.command..")
                .should().dependOnClassesThat().resideInAnyPackage("com.memberdirectory.query..",
                        "com.memberdirectory.notification..", "com.memberdirectory.app..")
                .check(classes);
    }

    @Test
    void the_read_side_knows_only_the_kernel() {
        noClasses().that().resideInAPackage("com.memberdirectory.query..")
                .should().dependOnClassesThat().resideInAnyPackage("com.memberdirectory.command..",
                        "com.memberdirectory.notification..", "com.memberdirectory.app..")
                .check(classes);
    }

    @Test
    void the_notification_saga_knows_only_the_kernel() {
        noClasses().that().resideInAPackage("com.memberdirectory.notification..")
                .should().dependOnClassesThat().resideInAnyPackage("com.memberdirectory.command..",
                        "com.memberdirectory.query..", "com.memberdirectory.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void rules_are_plain_classes_free_of_spring_and_axon() {
        noClasses().that().resideInAPackage("com.memberdirectory.command..")
                .and().haveSimpleNameEndingWith("Rule").or().haveSimpleNameEndingWith("Required")
                .or().haveSimpleName("DepartmentScope")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..")
                .check(classes);
    }

    @Test
    void the_write_side_uses_no_spring_at_all() {
        noClasses().that().resideInAPackage("com.memberdirectory.command..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void controllers_only_translate_they_never_touch_aggregates_or_the_lookup_table() {
        noClasses().that().resideInAPackage("com.memberdirectory.app.http..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.memberdirectory.command.uniqueness.UniqueValues")
                .orShould().dependOnClassesThat().areAnnotatedWith("org.axonframework.spring.stereotype.Aggregate")
                .check(classes);
    }

    @Test
    void controllers_live_in_the_http_package() {
        classes().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().resideInAPackage("com.memberdirectory.app.http..")
                .check(classes);
    }
}

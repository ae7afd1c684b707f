package com.memberdirectory.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Who may depend on whom (docs/architecture.md). */
class ModuleDirectionsTest {

    /** The embedded default's infrastructure modules: embedded-event-store and embedded-read-model-store. */
    private static final String EVENT_STORE = "com.memberdirectory.eventstore..";
    private static final String READ_MODEL_STORE = "com.memberdirectory.readmodelstore..";
    private static final String[] DIRECTORY_MODULES = {"com.memberdirectory.kernel..", "com.memberdirectory.command..",
            "com.memberdirectory.query..", "com.memberdirectory.notification..", "com.memberdirectory.app.."};
    /** The tests' service launcher, HTTP client and token minter (docs/testing.md): on the test class path only. */
    private static final String TEST_SUPPORT = "com.memberdirectory.testsupport..";

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

    @Test
    void the_embedded_stores_know_no_module_of_the_directory() {
        noClasses().that().resideInAnyPackage(EVENT_STORE, READ_MODEL_STORE)
                .should().dependOnClassesThat().resideInAnyPackage(DIRECTORY_MODULES)
                .check(classes);
    }

    @Test
    void the_two_embedded_stores_do_not_know_each_other() {
        noClasses().that().resideInAPackage(EVENT_STORE)
                .should().dependOnClassesThat().resideInAPackage(READ_MODEL_STORE)
                .check(classes);
        noClasses().that().resideInAPackage(READ_MODEL_STORE)
                .should().dependOnClassesThat().resideInAPackage(EVENT_STORE)
                .check(classes);
    }

    @Test
    void the_domain_modules_do_not_know_the_embedded_stores() {
        noClasses().that().resideInAnyPackage("com.memberdirectory.kernel..", "com.memberdirectory.command..",
                        "com.memberdirectory.query..", "com.memberdirectory.notification..")
                .should().dependOnClassesThat().resideInAnyPackage(EVENT_STORE, READ_MODEL_STORE)
                .check(classes);
    }

    @Test
    void the_read_model_store_uses_neither_spring_nor_axon() {
        noClasses().that().resideInAPackage(READ_MODEL_STORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..")
                .check(classes);
    }

    /**
     * The group commit runs on Spring's transaction abstraction (savepoints, the transaction's connection) and the
     * schema on JdbcTemplate; nothing else of Spring — no application context, no stereotypes, no Boot — so the
     * application alone decides how the store is wired.
     */
    @Test
    void the_event_store_uses_of_spring_only_its_transaction_and_jdbc_libraries() {
        noClasses().that().resideInAPackage(EVENT_STORE)
                .should().dependOnClassesThat(resideInAPackage("org.springframework..")
                        .and(not(resideInAnyPackage("org.springframework.transaction..", "org.springframework.jdbc..",
                                "org.springframework.dao.."))))
                .check(classes);
    }

    @Test
    void mongodb_mode_needs_none_of_the_embedded_default() {
        noClasses().that().resideInAPackage("com.memberdirectory.app.storage.mongo..")
                .should().dependOnClassesThat().resideInAnyPackage(EVENT_STORE, READ_MODEL_STORE,
                        "com.memberdirectory.app.storage.embedded..")
                .check(classes);
    }

    @Test
    void no_production_code_depends_on_the_test_support() {
        noClasses().that().resideOutsideOfPackage(TEST_SUPPORT)
                .should().dependOnClassesThat().resideInAPackage(TEST_SUPPORT)
                .check(classes);
    }

    /** It starts the service by jar path or main class name, so that it drives the service as a client would. */
    @Test
    void the_test_support_knows_no_module_of_the_service() {
        noClasses().that().resideInAPackage(TEST_SUPPORT)
                .should().dependOnClassesThat().resideInAnyPackage(DIRECTORY_MODULES)
                .orShould().dependOnClassesThat().resideInAnyPackage(EVENT_STORE, READ_MODEL_STORE)
                .check(classes);
    }

    @Test
    void the_modules_are_free_of_cycles() {
        slices().matching("com.memberdirectory.(*)..").should().beFreeOfCycles().check(classes);
    }
}

package com.memberdirectory.command.field;

import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.InMemoryUniqueValues;
import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.field.ChangeFieldOptions;
import com.memberdirectory.kernel.field.DefineField;
import com.memberdirectory.kernel.field.FieldCatalogInitialized;
import com.memberdirectory.kernel.field.FieldDefined;
import com.memberdirectory.kernel.field.FieldOption;
import com.memberdirectory.kernel.field.FieldOptionsChanged;
import com.memberdirectory.kernel.field.FieldRenamed;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.field.InitializeFieldCatalog;
import com.memberdirectory.kernel.field.OptionInput;
import com.memberdirectory.kernel.field.RenameField;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class FieldCatalogTest {

    static final String CATALOG = BuiltInFields.CATALOG_ID;
    static final List<FieldOption> PRESETS = BuiltInFields.OPTION_FIELDS.get(1).options();

    FixtureConfiguration<FieldCatalog> fixture;
    InMemoryUniqueValues claims = new InMemoryUniqueValues();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FieldCatalog.class);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(new FieldDefinitionRules());
    }

    @Test
    void the_first_start_records_the_workforce_type_presets_and_job_title_starts_without_options() {
        fixture.givenNoPriorActivity()
                .when(new InitializeFieldCatalog(CATALOG))
                .expectEvents(new FieldCatalogInitialized(CATALOG),
                        new FieldOptionsChanged(BuiltInFields.WORKFORCE_TYPE, List.of(), PRESETS));
        assertThat(claims.ownerOf(UniqueKind.FIELD, BuiltInFields.JOB_TITLE)).contains("SINGLE_OPTION");
        assertThat(claims.count(UniqueKind.FIELD_OPTION, BuiltInFields.JOB_TITLE + "/")).isZero();
        assertThat(claims.ownerOf(UniqueKind.FIELD_OPTION_LABEL, "workforceType/intern")).contains("intern");
    }

    @Test
    void later_starts_change_nothing() {
        fixture.given(new FieldCatalogInitialized(CATALOG))
                .when(new InitializeFieldCatalog(CATALOG))
                .expectNoEvents();
    }

    @Test
    void a_custom_field_is_defined_with_its_options() {
        fixture.given(new FieldCatalogInitialized(CATALOG))
                .when(new DefineField(CATALOG, "level", "Level", FieldType.SINGLE_OPTION, List.of("Junior", "Senior"), Actor.organization("admin")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.instanceOf(FieldDefined.class),
                                org.hamcrest.Matchers.hasToString(containsString("label=Junior")))),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        assertThat(claims.ownerOf(UniqueKind.FIELD, "level")).contains("SINGLE_OPTION");
    }

    @Test
    void keys_are_never_reused_whatever_their_case() {
        fixture.given(new FieldCatalogInitialized(CATALOG))
                .andGivenCommands(new DefineField(CATALOG, "level", "Level", FieldType.TEXT, List.of(), Actor.organization("admin")))
                .when(new DefineField(CATALOG, "LEVEL", "Level 2", FieldType.TEXT, List.of(), Actor.organization("admin")))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("never reused"));
        fixture.given(new FieldCatalogInitialized(CATALOG))
                .andGivenCommands(new DefineField(CATALOG, "grade", "Grade", FieldType.TEXT, List.of(), Actor.organization("admin")))
                .when(new DefineField(CATALOG, "grade", "Grade again", FieldType.TEXT, List.of(), Actor.organization("admin")))
                .expectExceptionMessage(containsString("never reused"));
    }

    @Test
    void built_in_keys_and_malformed_keys_are_refused() {
        fixture.given(new FieldCatalogInitialized(CATALOG))
                .when(new DefineField(CATALOG, "jobTitle", "Title", FieldType.TEXT, List.of(), Actor.organization("admin")))
                .expectExceptionMessage(containsString("built-in"));
        fixture.given(new FieldCatalogInitialized(CATALOG))
                .when(new DefineField(CATALOG, "my-field", "Mine", FieldType.TEXT, List.of(), Actor.organization("admin")))
                .expectExceptionMessage(containsString("letters and digits"));
    }

    @Test
    void only_option_fields_take_options() {
        fixture.given(new FieldCatalogInitialized(CATALOG))
                .when(new DefineField(CATALOG, "note", "Note", FieldType.TEXT, List.of("A"), Actor.organization("admin")))
                .expectExceptionMessage(containsString("Only option fields"));
    }

    @Test
    void options_are_added_renamed_and_reordered_keeping_their_ids() {
        List<FieldOption> before = List.of(new FieldOption("a", "Engineer"), new FieldOption("b", "Manager"));
        claims.claim(UniqueKind.FIELD_OPTION, "jobTitle/a", "Engineer");
        claims.claim(UniqueKind.FIELD_OPTION_LABEL, "jobTitle/engineer", "a");
        fixture.given(new FieldCatalogInitialized(CATALOG), new FieldOptionsChanged("jobTitle", List.of(), before))
                .when(new ChangeFieldOptions(CATALOG, "jobTitle",
                        List.of(new OptionInput("b", "Manager"), new OptionInput("a", "Senior Engineer")), Actor.organization("admin")))
                .expectEvents(new FieldOptionsChanged("jobTitle", before,
                        List.of(new FieldOption("b", "Manager"), new FieldOption("a", "Senior Engineer"))));
        assertThat(claims.ownerOf(UniqueKind.FIELD_OPTION_LABEL, "jobTitle/senior engineer")).contains("a");
        assertThat(claims.ownerOf(UniqueKind.FIELD_OPTION_LABEL, "jobTitle/engineer")).isEmpty();
    }

    @Test
    void an_option_in_use_cannot_be_removed_and_the_answer_says_by_how_many() {
        List<FieldOption> before = List.of(new FieldOption("a", "Engineer"));
        claims.claim(UniqueKind.OPTION_USE, "jobTitle/a/m1", "m1");
        claims.claim(UniqueKind.OPTION_USE, "jobTitle/a/m2", "m2");
        fixture.given(new FieldCatalogInitialized(CATALOG), new FieldOptionsChanged("jobTitle", List.of(), before))
                .when(new ChangeFieldOptions(CATALOG, "jobTitle", List.of(new OptionInput(null, "Other")), Actor.organization("admin")))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("used by 2 members"))
                .expectNoEvents();
    }

    @Test
    void unknown_option_ids_and_duplicate_labels_are_refused() {
        fixture.given(new FieldCatalogInitialized(CATALOG))
                .when(new ChangeFieldOptions(CATALOG, "jobTitle", List.of(new OptionInput("zz", "X")), Actor.organization("admin")))
                .expectExceptionMessage(containsString("no option 'zz'"));
        fixture.given(new FieldCatalogInitialized(CATALOG))
                .when(new ChangeFieldOptions(CATALOG, "jobTitle", List.of(new OptionInput(null, "X"), new OptionInput(null, "x")), Actor.organization("admin")))
                .expectExceptionMessage(containsString("listed twice"));
    }

    @Test
    void labels_can_change_keys_cannot() {
        fixture.given(new FieldCatalogInitialized(CATALOG), new FieldDefined("level", "Level", FieldType.TEXT, List.of()))
                .when(new RenameField(CATALOG, "level", "Grade", Actor.organization("admin")))
                .expectEvents(new FieldRenamed("level", "Level", "Grade"));
    }

    @Test
    void an_admin_of_some_departments_changes_no_field_of_the_whole_directory() {
        Actor scoped = Actor.departments("sam", java.util.Set.of("sales"));
        fixture.given(new FieldCatalogInitialized(CATALOG))
                .when(new DefineField(CATALOG, "shoeSize", "Shoe size", FieldType.NUMBER, List.of(), scoped))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("whole organization"));
        fixture.given(new FieldCatalogInitialized(CATALOG))
                .when(new RenameField(CATALOG, BuiltInFields.JOB_TITLE, "Role", Actor.none("mia")))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("MEMBER_AND_DEPARTMENT"));
    }
}

package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.field.FieldView;
import com.memberdirectory.kernel.workbook.MemberColumns;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/adding-a-field.md honest: a built-in field added to an event, a message or the workbook without its
 * entry in {@link MemberFields} fails here.
 */
class MemberFieldsCoverageTest {

    /** The member events that record something other than one built-in field's change. */
    private static final Set<Class<?>> NOT_A_FIELD_CHANGE = Set.of(MemberCreated.class, LoginMethodChosen.class,
            LoginPasswordSet.class, MemberActivated.class, ProfilePhotoChanged.class, CustomFieldValueChanged.class,
            MemberSuspended.class, MemberResumed.class, MemberOffboarded.class);

    /** Workbook columns that are not fields of the record: the member's id, its login details and the version. */
    private static final Set<String> NOT_A_FIELD_COLUMN = Set.of(MemberColumns.MEMBER_ID,
            MemberColumns.LOGIN_EMAIL_TYPE, MemberColumns.LOGIN_PASSWORD);

    @Test
    void every_member_event_is_a_fields_change_or_one_of_the_few_others() {
        Set<Class<?>> schemaEvents = MemberFields.ALL.stream().map(MemberField::event).collect(Collectors.toSet());
        assertThat(schemaEvents).hasSameSizeAs(MemberFields.ALL).doesNotContainAnyElementsOf(NOT_A_FIELD_CHANGE);
        assertThat(Stream.concat(schemaEvents.stream(), NOT_A_FIELD_CHANGE.stream()))
                .containsExactlyInAnyOrder(MemberEvent.class.getPermittedSubclasses());
    }

    @Test
    void every_built_in_workbook_column_belongs_to_a_field_or_to_the_member_itself() {
        List<String> fieldColumns = MemberFields.ALL.stream().map(MemberField::column).filter(c -> c != null).toList();
        assertThat(fieldColumns).doesNotHaveDuplicates().doesNotContainAnyElementsOf(NOT_A_FIELD_COLUMN);
        assertThat(Stream.concat(fieldColumns.stream(), NOT_A_FIELD_COLUMN.stream()))
                .containsExactlyInAnyOrderElementsOf(MemberColumns.BUILT_IN);
    }

    @Test
    void the_built_in_columns_are_the_row_ids_then_every_fields_column_in_the_schemas_order_then_the_login_columns() {
        assertThat(MemberColumns.BUILT_IN).startsWith(MemberColumns.MEMBER_ID, MemberColumns.USER_ID, MemberColumns.NAME,
                MemberColumns.SURNAME, MemberColumns.FIRST_NAME, MemberColumns.ALIAS, MemberColumns.WORK_EMAIL,
                MemberColumns.BUSINESS_EMAIL, MemberColumns.PHONE, MemberColumns.HIDE_PHONE, MemberColumns.GENDER,
                MemberColumns.DEPARTMENT, MemberColumns.SEAT_ID, MemberColumns.EMPLOYEE_ID, MemberColumns.EMPLOYMENT_DATE,
                MemberColumns.COUNTRY_REGION, MemberColumns.CITY, MemberColumns.DIRECT_MANAGER,
                MemberColumns.DOTTED_LINE_MANAGERS, MemberColumns.JOB_TITLE, MemberColumns.WORKFORCE_TYPE,
                MemberColumns.EXTERNAL_ID)
                .endsWith(MemberColumns.LOGIN_EMAIL_TYPE, MemberColumns.LOGIN_PASSWORD)
                .doesNotHaveDuplicates()
                .containsSubsequence(MemberFields.ALL.stream().map(MemberField::column)
                        .filter(c -> c != null && !c.equals(MemberColumns.USER_ID)).toList());
    }

    @Test
    void every_field_a_new_member_carries_is_in_the_schema() {
        assertThat(components(MemberCreated.class)).containsExactlyInAnyOrderElementsOf(
                names(MemberFields.ALL.stream().filter(MemberField::inCreated), "memberId", "loginEmailType"));
    }

    @Test
    void every_field_the_member_json_shows_is_in_the_schema() {
        assertThat(components(MemberView.class)).containsExactlyInAnyOrderElementsOf(names(MemberFields.ALL.stream(),
                "id", "version", "status", "loginEmailType", "hasLoginPassword", "custom", "photoUrl", "createdAt", "updatedAt"));
    }

    @Test
    void every_field_but_the_derived_ones_is_written_and_every_plain_text_field_has_a_column() {
        assertThat(MemberFields.ALL).allSatisfy(field -> assertThat(field.written()).isEqualTo(!field.isDerived()));
        assertThat(MemberFields.ALL).containsAll(MemberFields.TEXT);
        assertThat(MemberFields.TEXT).allSatisfy(field -> assertThat(field.column()).isNotNull());
    }

    @Test
    void the_field_list_shows_every_field_a_write_sets_but_the_option_fields_each_labelled_by_its_column() {
        assertThat(MemberFields.RECORD_FIELDS).extracting(FieldView::key).containsExactlyElementsOf(
                MemberFields.ALL.stream().filter(field -> field.written() && field.type() != FieldType.SINGLE_OPTION)
                        .map(MemberField::name).toList());
        assertThat(MemberFields.RECORD_FIELDS).allSatisfy(field -> assertThat(field.label()).isNotNull());
        assertThat(MemberFields.ALL).allSatisfy(field -> assertThat(field.type() != null).isEqualTo(field.written()));
        assertThat(MemberFields.isBuiltIn("JOBTITLE")).isTrue();
    }

    @Test
    void names_are_unique() {
        assertThat(MemberFields.ALL.stream().map(MemberField::name)).doesNotHaveDuplicates();
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> names(Stream<MemberField<?, ?>> fields, String... others) {
        return Stream.concat(fields.map(MemberField::name), Arrays.stream(others)).toList();
    }
}

package com.memberdirectory.command.member;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import com.memberdirectory.kernel.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema-driven places, rules, diff and fold of {@link MemberRecord}: what the diff records, the fold gives back. */
class MemberRecordDiffTest {

    static final MemberId ANN = new MemberId("ann");

    static final MemberRecord BEFORE = new MemberRecord(MemberStatus.INACTIVE, "Ann", null, null, null, "ann",
            "ann@example.com", null, null, false, Gender.UNSPECIFIED, List.of(new DepartmentId("sales")), null, null,
            null, null, null, null, null, List.of(), LoginEmailType.WORK_EMAIL, "ann@example.com", false, null, null, null,
            null, null, Map.of("shoe", List.of("42")));

    /** Every built-in field and a custom field changed. */
    static final MemberRecord AFTER = new MemberRecord(MemberStatus.INACTIVE, "Anna", "Lee", "Anna", "A", "anna",
            "anna@example.com", "anna@corp.example", "+8613800138000", true, Gender.FEMALE,
            List.of(new DepartmentId("it")), "S-1", "E-1", LocalDate.of(2024, 1, 2), "CN", "Shanghai", "ext-1",
            new MemberId("bo"), List.of(new MemberId("cy")), LoginEmailType.WORK_EMAIL, "anna@example.com", false,
            null, null, null, "engineer", "regular", Map.of("shoe", List.of("43")));

    @Test
    void every_built_in_field_has_a_place_in_the_record() {
        assertThat(RecordFields.ALL.stream().<Object>map(RecordFields.Slot::field)).containsExactlyElementsOf(MemberFields.ALL);
    }

    @Test
    void every_field_a_write_asks_for_has_a_rule_and_no_other() {
        assertThat(RecordFields.ALL).allSatisfy(slot ->
                assertThat(slot.rule() != null).as(slot.field().name()).isEqualTo(slot.field().written()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_plain_text_field_without_a_rule_of_its_own_is_an_optional_text_of_at_most_64_characters() {
        RecordFields.RuleContext context = new RecordFields.RuleContext(ANN,
                MemberPolicies.of("CN", List.of("corp.example")), null, null);
        for (MemberField<String, ?> field : List.of(MemberFields.SURNAME, MemberFields.FIRST_NAME, MemberFields.ALIAS,
                MemberFields.SEAT_ID, MemberFields.EMPLOYEE_ID, MemberFields.CITY, MemberFields.EXTERNAL_ID)) {
            RecordFields.Rule<String> rule = (RecordFields.Rule<String>) RecordFields.of(field).rule();
            assertThat(rule.check(" Lima ", null, context)).as(field.name()).isEqualTo("Lima");
            assertThat(rule.check(" ", "Lima", context)).as(field.name() + ": blank clears").isNull();
            assertThat(rule.check("x".repeat(64), null, context)).hasSize(64);
            assertThatThrownBy(() -> rule.check("x".repeat(65), null, context))
                    .isInstanceOfSatisfying(DomainRuleViolation.class, violation -> {
                        assertThat(violation.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                        assertThat(violation.errors()).extracting(FieldError::field).containsExactly(field.name());
                    });
        }
    }

    @Test
    void a_change_of_every_field_is_one_event_each_in_the_schemas_order_and_folding_them_gives_the_new_record() {
        List<MemberEvent> events = MemberRecordDiff.events(ANN, BEFORE, AFTER);

        assertThat(events).hasSize(MemberFields.ALL.size() + 1);
        assertThat(events.subList(0, MemberFields.ALL.size())).extracting(Object::getClass)
                .containsExactlyElementsOf(MemberFields.ALL.stream().map(MemberField::event).toList());
        MemberRecord folded = BEFORE;
        for (MemberEvent event : events) {
            folded = MemberRecordFold.apply(folded, event);
        }
        assertThat(folded).isEqualTo(AFTER);
    }

    @Test
    void the_reported_changes_leave_out_the_login_email_that_follows_the_others() {
        assertThat(MemberRecordDiff.between(BEFORE, AFTER)).extracting(FieldChange::field)
                .contains("workEmail", "jobTitle", "custom.shoe").doesNotContain("loginEmail");
        assertThat(MemberRecordDiff.between(BEFORE, BEFORE)).isEmpty();
        assertThat(MemberRecordDiff.events(ANN, AFTER, AFTER)).isEmpty();
    }

    @Test
    void a_new_member_is_its_created_event_then_one_event_per_field_that_event_does_not_carry() {
        MemberCreated created = new MemberCreated(ANN, "Anna", "Lee", "Anna", "A", "anna", "anna@example.com",
                "anna@corp.example", "+8613800138000", true, Gender.FEMALE, List.of(new DepartmentId("it")), "S-1",
                "E-1", LocalDate.of(2024, 1, 2), "CN", "Shanghai", new MemberId("bo"), List.of(new MemberId("cy")),
                LoginEmailType.WORK_EMAIL, "anna@example.com");

        MemberRecord state = MemberRecordFold.apply(null, created);
        for (MemberEvent event : MemberRecordDiff.eventsAfterCreation(ANN, state, AFTER)) {
            state = MemberRecordFold.apply(state, event);
        }

        assertThat(state).isEqualTo(AFTER);
    }

    @Test
    void every_unique_field_names_a_namespace_of_the_lookup_table() {
        MemberFields.ALL.stream().filter(field -> field.uniqueness() != null)
                .forEach(field -> assertThat(UniqueKind.valueOf(field.uniqueness().namespace())).isNotNull());
    }
}

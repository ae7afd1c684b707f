package com.memberdirectory.command.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.MemberChanges;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NewMemberRuleTest {

    @Test
    void a_create_without_name_or_departments_asks_for_none_so_their_rules_refuse_it() {
        MemberChanges required = NewMemberRule.required(MemberChanges.builder().city("Berlin").build());
        assertThat(required.name().present()).isTrue();
        assertThat(required.name().value()).isNull();
        assertThat(required.departmentIds().present()).isTrue();
        assertThat(required.departmentIds().value()).isNull();
        assertThat(required.city().value()).isEqualTo("Berlin");
        assertThat(required.userId().present()).isFalse();
    }

    @Test
    void a_blank_user_id_is_left_to_generation_and_a_given_one_is_kept() {
        assertThat(NewMemberRule.required(MemberChanges.builder().userId(" ").build()).userId().present()).isFalse();
        assertThat(NewMemberRule.required(MemberChanges.builder().userId(null).build()).userId().present()).isFalse();
        assertThat(NewMemberRule.required(MemberChanges.builder().userId("ann").build()).userId().value()).isEqualTo("ann");
    }

    @Test
    void a_given_name_and_departments_stay_as_given() {
        List<DepartmentId> sales = List.of(new DepartmentId("sales"));
        MemberChanges required = NewMemberRule.required(MemberChanges.builder().name("Ann").departmentIds(sales).build());
        assertThat(required.name().value()).isEqualTo("Ann");
        assertThat(required.departmentIds().value()).isEqualTo(sales);
    }
}

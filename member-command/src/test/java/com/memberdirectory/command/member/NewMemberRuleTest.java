package com.memberdirectory.command.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NewMemberRuleTest {

    @Test
    void a_create_without_name_or_departments_asks_for_none_so_their_rules_refuse_it() {
        MemberChanges required = NewMemberRule.required(MemberChanges.builder().set(MemberFields.CITY, "Berlin").build());
        assertThat(required.get(MemberFields.NAME).present()).isTrue();
        assertThat(required.get(MemberFields.NAME).value()).isNull();
        assertThat(required.get(MemberFields.DEPARTMENTS).present()).isTrue();
        assertThat(required.get(MemberFields.DEPARTMENTS).value()).isNull();
        assertThat(required.get(MemberFields.CITY).value()).isEqualTo("Berlin");
        assertThat(required.get(MemberFields.USER_ID).present()).isFalse();
    }

    @Test
    void a_blank_user_id_is_left_to_generation_and_a_given_one_is_kept() {
        assertThat(NewMemberRule.required(MemberChanges.builder().set(MemberFields.USER_ID, " ").build()).get(MemberFields.USER_ID).present()).isFalse();
        assertThat(NewMemberRule.required(MemberChanges.builder().set(MemberFields.USER_ID, null).build()).get(MemberFields.USER_ID).present()).isFalse();
        assertThat(NewMemberRule.required(MemberChanges.builder().set(MemberFields.USER_ID, "ann").build()).get(MemberFields.USER_ID).value()).isEqualTo("ann");
    }

    @Test
    void a_given_name_and_departments_stay_as_given() {
        List<DepartmentId> sales = List.of(new DepartmentId("sales"));
        MemberChanges required = NewMemberRule.required(MemberChanges.builder().set(MemberFields.NAME, "Ann").set(MemberFields.DEPARTMENTS, sales).build());
        assertThat(required.get(MemberFields.NAME).value()).isEqualTo("Ann");
        assertThat(required.get(MemberFields.DEPARTMENTS).value()).isEqualTo(sales);
    }
}

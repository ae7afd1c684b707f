package com.memberdirectory.kernel.access;

import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MemberVisibilityTest {

    static MemberView member(boolean hidePhone, String department) {
        return new MemberView("m-1", 3, MemberStatus.INACTIVE, "Ann", null, null, null, "ann", "ann@example.com", null,
                "ann@example.com", LoginEmailType.WORK_EMAIL, true, "+8613800138000", hidePhone, Gender.UNSPECIFIED,
                List.of(department), null, "E-1", null, null, null, null, null, List.of(), null, null, Map.of(), null, null, null);
    }

    @Test
    void an_admin_of_the_whole_organization_sees_everything() {
        MemberView hidden = member(true, "sales");
        assertThat(MemberVisibility.view(hidden, Viewer.organization("olga"))).isEqualTo(hidden);
        assertThat(MemberVisibility.mayReadHistory(Viewer.organization("olga"), List.of("sales"))).isTrue();
    }

    @Test
    void an_admin_of_some_departments_sees_everything_of_their_members_and_the_public_fields_of_the_others() {
        Viewer sales = Viewer.departments("sam", Set.of("sales", "sales-emea"));
        assertThat(MemberVisibility.view(member(true, "sales-emea"), sales).phone()).isEqualTo("+8613800138000");
        MemberView other = MemberVisibility.view(member(true, "support"), sales);
        assertThat(other.phone()).isNull();
        assertThat(other.loginEmail()).isNull();
        assertThat(MemberVisibility.mayReadHistory(sales, List.of("sales-emea"))).isTrue();
        assertThat(MemberVisibility.mayReadHistory(sales, List.of("support"))).isFalse();
    }

    @Test
    void anyone_else_sees_the_public_fields_a_phone_only_when_it_is_not_hidden_and_no_history() {
        Viewer reader = Viewer.publicOnly("mia");
        MemberView hidden = MemberVisibility.view(member(true, "sales"), reader);
        assertThat(hidden.phone()).isNull();
        assertThat(hidden.loginEmail()).isNull();
        assertThat(hidden.loginEmailType()).isNull();
        assertThat(hidden.hasLoginPassword()).isNull();
        assertThat(hidden.workEmail()).isEqualTo("ann@example.com");
        assertThat(hidden.employeeId()).isEqualTo("E-1");
        assertThat(MemberVisibility.view(member(false, "sales"), reader).phone()).isEqualTo("+8613800138000");
        assertThat(MemberVisibility.mayReadHistory(reader, List.of("sales"))).isFalse();
    }

    @Test
    void an_offboarded_member_is_found_only_by_those_who_may_read_their_history() {
        MemberView member = member(false, "sales");
        MemberView offboarded = new MemberView(member.id(), 9, MemberStatus.OFFBOARDED, member.name(), null, null, null,
                member.userId(), member.workEmail(), null, member.loginEmail(), member.loginEmailType(), true,
                member.phone(), false, Gender.UNSPECIFIED, member.departmentIds(), null, null, null, null, null, null, null,
                List.of(), null, null, Map.of(), null, null, null);
        assertThat(MemberVisibility.mayFind(Viewer.organization("olga"), offboarded)).isTrue();
        assertThat(MemberVisibility.mayFind(Viewer.departments("sam", Set.of("sales")), offboarded)).isTrue();
        assertThat(MemberVisibility.mayFind(Viewer.departments("sue", Set.of("support")), offboarded)).isFalse();
        assertThat(MemberVisibility.mayFind(Viewer.publicOnly("mia"), offboarded)).isFalse();
        assertThat(MemberVisibility.mayFind(Viewer.publicOnly("mia"), member)).isTrue();
    }
}

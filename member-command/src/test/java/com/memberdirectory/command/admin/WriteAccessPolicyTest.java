package com.memberdirectory.command.admin;

import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteAccessPolicyTest {

    /** Sales with EMEA below it; Support on its own. */
    static final WriteAccessPolicy POLICY = new WriteAccessPolicy(id -> Map.of("emea", List.of("sales")).getOrDefault(id, List.of()));
    static final Actor SALES_ADMIN = Actor.departments("sam", Set.of("sales"));
    static final Actor ORG_ADMIN = Actor.organization("olga");
    static final Actor MEMBER = Actor.none("mia");

    @Test
    void an_admin_of_the_whole_organization_may_change_and_move_anyone() {
        assertThatCode(() -> POLICY.checkMemberChange(ORG_ADMIN, List.of("support"), List.of("sales"))).doesNotThrowAnyException();
        assertThatCode(() -> POLICY.checkDepartmentCreation(ORG_ADMIN, null)).doesNotThrowAnyException();
    }

    @Test
    void a_member_of_a_department_below_the_admins_may_be_changed_and_moved_within_the_subtree() {
        assertThatCode(() -> POLICY.checkMemberChange(SALES_ADMIN, List.of("emea"), List.of("sales"))).doesNotThrowAnyException();
        assertThatCode(() -> POLICY.checkMemberChange(SALES_ADMIN, List.of(), List.of("emea"))).doesNotThrowAnyException();
    }

    @Test
    void a_member_in_one_of_the_admins_departments_and_another_one_keeps_the_other() {
        assertThatCode(() -> POLICY.checkMemberChange(SALES_ADMIN, List.of("support", "emea"), List.of("support", "sales")))
                .doesNotThrowAnyException();
    }

    @Test
    void a_member_outside_the_admins_departments_is_refused() {
        assertThatThrownBy(() -> POLICY.checkMemberChange(SALES_ADMIN, List.of("support"), List.of("support")))
                .isInstanceOfSatisfying(DomainRuleViolation.class, v -> assertThat(v.code()).isEqualTo(ErrorCode.FORBIDDEN))
                .hasMessageContaining("outside the departments you administer");
    }

    @Test
    void placing_a_member_in_a_department_the_admin_does_not_administer_is_refused() {
        assertThatThrownBy(() -> POLICY.checkMemberChange(SALES_ADMIN, List.of("sales"), List.of("sales", "support")))
                .hasMessageContaining("only place members in departments you administer");
        assertThatThrownBy(() -> POLICY.checkMemberChange(SALES_ADMIN, List.of(), List.of("support")))
                .hasMessageContaining("only place members in departments you administer");
    }

    @Test
    void clearing_the_departments_is_left_to_the_department_rule() {
        assertThatCode(() -> POLICY.checkMemberChange(SALES_ADMIN, List.of("sales"), null)).doesNotThrowAnyException();
    }

    @Test
    void anyone_without_the_permission_changes_nobody_and_creates_no_department() {
        assertThatThrownBy(() -> POLICY.checkMemberChange(MEMBER, List.of("sales"), List.of("sales")))
                .isInstanceOfSatisfying(DomainRuleViolation.class, v -> assertThat(v.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> POLICY.checkMemberChange(MEMBER, List.of(), List.of("sales")))
                .isInstanceOf(DomainRuleViolation.class);
        assertThatThrownBy(() -> POLICY.checkDepartmentCreation(MEMBER, "sales")).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void an_admin_of_some_departments_creates_departments_only_inside_them() {
        assertThatCode(() -> POLICY.checkDepartmentCreation(SALES_ADMIN, "sales")).doesNotThrowAnyException();
        assertThatCode(() -> POLICY.checkDepartmentCreation(SALES_ADMIN, "emea")).doesNotThrowAnyException();
        assertThatThrownBy(() -> POLICY.checkDepartmentCreation(SALES_ADMIN, "support"))
                .hasMessageContaining("only create departments inside");
        assertThatThrownBy(() -> POLICY.checkDepartmentCreation(SALES_ADMIN, null))
                .hasMessageContaining("only create departments inside");
    }
}

package com.memberdirectory.command.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportScopeRuleTest {

    static final DepartmentId SALES = new DepartmentId("sales");
    static final DepartmentId EMEA = new DepartmentId("sales-emea");
    static final DepartmentId SUPPORT = new DepartmentId("support");
    /** An admin of Sales: the import carries Sales and its sub-department. */
    static final Set<String> SALES_ADMIN = Set.of("sales", "sales-emea");

    @Test
    void an_admin_of_the_whole_organization_may_change_and_move_anyone() {
        assertThatCode(() -> ImportScopeRule.check(Set.of(), List.of(SUPPORT), List.of(SALES))).doesNotThrowAnyException();
    }

    @Test
    void a_member_of_one_of_the_admins_departments_may_be_changed_and_moved_within_them() {
        assertThatCode(() -> ImportScopeRule.check(SALES_ADMIN, List.of(SALES), List.of(SALES))).doesNotThrowAnyException();
        assertThatCode(() -> ImportScopeRule.check(SALES_ADMIN, List.of(SALES), List.of(EMEA))).doesNotThrowAnyException();
    }

    @Test
    void a_member_in_a_department_of_the_admin_and_another_one_may_be_changed_and_keeps_the_other() {
        assertThatCode(() -> ImportScopeRule.check(SALES_ADMIN, List.of(SUPPORT, EMEA), List.of(SUPPORT, SALES)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_member_outside_the_admins_departments_is_refused() {
        assertThatThrownBy(() -> ImportScopeRule.check(SALES_ADMIN, List.of(SUPPORT), List.of(SUPPORT)))
                .isInstanceOfSatisfying(DomainRuleViolation.class, v -> org.assertj.core.api.Assertions
                        .assertThat(v.code()).isEqualTo(ErrorCode.FORBIDDEN))
                .hasMessageContaining("outside the departments you administer");
    }

    @Test
    void placing_a_member_in_a_department_the_admin_does_not_administer_is_refused() {
        assertThatThrownBy(() -> ImportScopeRule.check(SALES_ADMIN, List.of(SALES), List.of(SALES, SUPPORT)))
                .hasMessageContaining("only place members in departments you administer");
    }

    @Test
    void clearing_the_departments_is_left_to_the_department_rule() {
        assertThatCode(() -> ImportScopeRule.check(SALES_ADMIN, List.of(SALES), null)).doesNotThrowAnyException();
    }
}

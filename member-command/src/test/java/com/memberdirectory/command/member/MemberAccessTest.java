package com.memberdirectory.command.member;

import com.memberdirectory.command.admin.WriteAccessPolicy;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberAccessTest {

    private static final DepartmentId SALES = new DepartmentId("sales");
    private static final DepartmentId LEGAL = new DepartmentId("legal");

    /** A flat tree: no department has another above it. */
    private final MemberAccess access = new MemberAccess(new WriteAccessPolicy(id -> List.of()));
    private final Actor salesAdmin = Actor.departments("ann", Set.of("sales"));

    @Test
    void an_admin_of_the_whole_organization_changes_anyone() {
        assertThatCode(() -> access.checkMayChange(Actor.organization("root"), List.of(LEGAL))).doesNotThrowAnyException();
        assertThatCode(() -> access.checkChange(Actor.organization("root"), List.of(LEGAL), List.of(SALES)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_department_admin_changes_the_members_of_their_departments_whatever_null_entries_they_hold() {
        assertThatCode(() -> access.checkMayChange(salesAdmin, List.of(SALES))).doesNotThrowAnyException();
        assertThatCode(() -> access.checkMayChange(salesAdmin, Arrays.asList(SALES, null))).doesNotThrowAnyException();
    }

    @Test
    void a_department_admin_neither_changes_others_nor_places_members_outside_their_departments() {
        forbidden(() -> access.checkMayChange(salesAdmin, List.of(LEGAL)));
        forbidden(() -> access.checkChange(salesAdmin, List.of(), List.of(LEGAL)));
        forbidden(() -> access.checkChange(salesAdmin, List.of(SALES), List.of(LEGAL)));
    }

    @Test
    void a_write_is_checked_on_the_departments_it_gives_or_else_on_the_members_own() {
        MemberChanges city = MemberChanges.builder().set(MemberFields.CITY, "Berlin").build();
        assertThatCode(() -> access.checkWrite(salesAdmin, List.of(SALES), city)).doesNotThrowAnyException();
        forbidden(() -> access.checkWrite(salesAdmin, List.of(LEGAL), city));
        forbidden(() -> access.checkWrite(salesAdmin, List.of(SALES),
                MemberChanges.builder().set(MemberFields.DEPARTMENTS, List.of(LEGAL)).build()));
        assertThatCode(() -> access.checkWrite(salesAdmin, List.of(),
                MemberChanges.builder().set(MemberFields.DEPARTMENTS, List.of(SALES)).build())).doesNotThrowAnyException();
    }

    @Test
    void nobody_without_the_permission_changes_a_member() {
        forbidden(() -> access.checkMayChange(Actor.none("guest"), List.of(SALES)));
    }

    private static void forbidden(Runnable check) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(DomainRuleViolation.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }
}

package com.memberdirectory.command.admin;

import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.command.uniqueness.InMemoryUniqueValues;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.kernel.admin.AdminGranted;
import com.memberdirectory.kernel.admin.AdminRevoked;
import com.memberdirectory.kernel.admin.GrantAdmin;
import com.memberdirectory.kernel.admin.Permission;
import com.memberdirectory.kernel.admin.RevokeAdmin;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.memberdirectory.command.ViolationMatcher.violation;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AdministratorTest {

    private static final String CAROL = "carol";
    private static final DepartmentId SALES = new DepartmentId("dep-sales");
    private static final Set<Permission> MEMBERS = Set.of(Permission.MEMBER_AND_DEPARTMENT);

    private FixtureConfiguration<Administrator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Administrator.class);
        fixture.registerInjectableResource(new InMemoryUniqueValues().given(UniqueKind.DEPARTMENT, SALES.value(), "Sales"));
    }

    @Test
    void granting_admin_rights_to_a_new_subject_records_the_grant() {
        fixture.givenNoPriorActivity()
                .when(new GrantAdmin(CAROL, MEMBERS, null, Actor.primary("admin")))
                .expectEvents(new AdminGranted(CAROL, MEMBERS, List.of()))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_grant_can_be_limited_to_departments() {
        fixture.givenNoPriorActivity()
                .when(new GrantAdmin(CAROL, MEMBERS, List.of(SALES, SALES), Actor.primary("admin")))
                .expectEvents(new AdminGranted(CAROL, MEMBERS, List.of(SALES)));
    }

    @Test
    void a_grant_limited_to_an_unknown_department_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new GrantAdmin(CAROL, MEMBERS, List.of(new DepartmentId("nowhere")), Actor.primary("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.UNKNOWN_DEPARTMENT, "departmentIds"));
    }

    @Test
    void a_grant_without_permissions_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new GrantAdmin(CAROL, Set.of(), List.of(), Actor.primary("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_VALUE, "permissions"));
    }

    @Test
    void granting_the_same_rights_again_records_nothing() {
        fixture.given(new AdminGranted(CAROL, MEMBERS, List.of(SALES)))
                .when(new GrantAdmin(CAROL, MEMBERS, List.of(SALES), Actor.primary("admin")))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void changing_the_scope_of_a_grant_records_a_new_grant() {
        fixture.given(new AdminGranted(CAROL, MEMBERS, List.of(SALES)))
                .when(new GrantAdmin(CAROL, MEMBERS, List.of(), Actor.primary("admin")))
                .expectEvents(new AdminGranted(CAROL, MEMBERS, List.of()))
                .expectResultMessagePayload(2L);
    }

    @Test
    void revoking_an_administrator_records_the_revocation() {
        fixture.given(new AdminGranted(CAROL, MEMBERS, List.of()))
                .when(new RevokeAdmin(CAROL, Actor.primary("admin")))
                .expectEvents(new AdminRevoked(CAROL))
                .expectResultMessagePayload(2L);
    }

    @Test
    void revoking_a_subject_whose_rights_were_already_revoked_is_not_found() {
        fixture.given(new AdminGranted(CAROL, MEMBERS, List.of()), new AdminRevoked(CAROL))
                .when(new RevokeAdmin(CAROL, Actor.primary("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.NOT_FOUND, "subject"));
    }

    @Test
    void revoking_a_subject_that_was_never_an_administrator_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new RevokeAdmin(CAROL, Actor.primary("admin")))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void a_revoked_administrator_can_be_granted_again() {
        fixture.given(new AdminGranted(CAROL, MEMBERS, List.of()), new AdminRevoked(CAROL))
                .when(new GrantAdmin(CAROL, MEMBERS, List.of(), Actor.primary("admin")))
                .expectEvents(new AdminGranted(CAROL, MEMBERS, List.of()))
                .expectResultMessagePayload(3L);
    }

    @Test
    void only_the_primary_admin_grants_and_revokes_admin_rights() {
        fixture.givenNoPriorActivity()
                .when(new GrantAdmin(CAROL, MEMBERS, null, Actor.organization("olga")))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("only the primary administrator"));
        fixture.given(new AdminGranted(CAROL, MEMBERS, List.of()))
                .when(new RevokeAdmin(CAROL, Actor.organization("olga")))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("only the primary administrator"));
    }
}

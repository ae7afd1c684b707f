package com.memberdirectory.command.department;

import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.command.uniqueness.InMemoryUniqueValues;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.kernel.department.CreateDepartment;
import com.memberdirectory.kernel.department.DepartmentCreated;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static com.memberdirectory.command.ViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DepartmentTest {

    private static final DepartmentId SALES = new DepartmentId("dep-sales");
    private static final DepartmentId EMEA = new DepartmentId("dep-emea");
    private static final DepartmentId ENGINEERING = new DepartmentId("dep-engineering");

    private FixtureConfiguration<Department> fixture;
    private InMemoryUniqueValues unique;

    @BeforeEach
    void setUp() {
        unique = new InMemoryUniqueValues()
                .given(UniqueKind.DEPARTMENT, SALES.value(), "Sales")
                .given(UniqueKind.DEPARTMENT_PATH, "sales", SALES.value())
                .given(UniqueKind.DEPARTMENT, ENGINEERING.value(), "Engineering")
                .given(UniqueKind.DEPARTMENT_PATH, "engineering", ENGINEERING.value());
        fixture = new AggregateTestFixture<>(Department.class);
        fixture.registerInjectableResource(unique);
    }

    @Test
    void a_top_level_department_has_its_name_as_path() {
        DepartmentId support = new DepartmentId("dep-support");
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(support, " Support ", null, Actor.organization("admin")))
                .expectEvents(new DepartmentCreated(support, "Support", null, "Support"));
        assertThat(unique.ownerOf(UniqueKind.DEPARTMENT_PATH, "support")).contains(support.value());
        assertThat(unique.ownerOf(UniqueKind.DEPARTMENT, support.value())).contains("Support");
    }

    @Test
    void a_sub_department_path_is_the_parent_path_and_its_name() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(EMEA, "EMEA", SALES, Actor.organization("admin")))
                .expectEvents(new DepartmentCreated(EMEA, "EMEA", SALES, "Sales/EMEA"));
        assertThat(unique.ownerOf(UniqueKind.DEPARTMENT, EMEA.value())).contains("Sales/EMEA");
    }

    @Test
    void a_sibling_with_the_same_name_is_refused_regardless_of_case() {
        unique.given(UniqueKind.DEPARTMENT_PATH, "sales/emea", EMEA.value());
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(new DepartmentId("dep-emea-2"), "emea", SALES, Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.DUPLICATE_VALUE, "name"));
    }

    @Test
    void a_top_level_duplicate_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(new DepartmentId("dep-sales-2"), "SALES", null, Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.DUPLICATE_VALUE, "name"));
    }

    @Test
    void the_same_name_under_another_parent_is_allowed() {
        unique.given(UniqueKind.DEPARTMENT_PATH, "sales/emea", EMEA.value());
        DepartmentId engineeringEmea = new DepartmentId("dep-engineering-emea");
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(engineeringEmea, "EMEA", ENGINEERING, Actor.organization("admin")))
                .expectEvents(new DepartmentCreated(engineeringEmea, "EMEA", ENGINEERING, "Engineering/EMEA"));
    }

    @Test
    void an_unknown_parent_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(EMEA, "EMEA", new DepartmentId("nowhere"), Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.UNKNOWN_DEPARTMENT, "parentId"));
        assertThat(unique.changes()).isEmpty();
    }

    @Test
    void a_department_name_is_required() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(EMEA, " ", SALES, Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.NAME_REQUIRED, "name"));
    }

    @Test
    void a_department_name_cannot_contain_a_path_separator() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(EMEA, "EMEA/North", SALES, Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_VALUE, "name"));
    }
}

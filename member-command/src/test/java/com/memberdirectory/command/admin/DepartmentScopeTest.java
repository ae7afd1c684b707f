package com.memberdirectory.command.admin;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DepartmentScopeTest {

    /** Sales ─ EMEA ─ Paris; Engineering. */
    private static final Map<String, List<String>> ANCESTORS = Map.of(
            "sales", List.of(),
            "emea", List.of("sales"),
            "paris", List.of("sales", "emea"),
            "engineering", List.of());
    private static final Function<String, List<String>> TREE = id -> ANCESTORS.getOrDefault(id, List.of());

    private final DepartmentScope sales = new DepartmentScope(Set.of("sales"));
    private final DepartmentScope emea = new DepartmentScope(Set.of("emea"));
    private final DepartmentScope whole = new DepartmentScope(Set.of());

    @Test
    void an_empty_scope_is_the_whole_organization() {
        assertThat(whole.isWholeOrganization()).isTrue();
        assertThat(whole.contains("engineering", TREE)).isTrue();
        assertThat(whole.coversMemberOf(List.of("anything"), TREE)).isTrue();
        assertThat(sales.isWholeOrganization()).isFalse();
    }

    @Test
    void a_scope_contains_its_departments_and_everything_below_them() {
        assertThat(sales.contains("sales", TREE)).isTrue();
        assertThat(sales.contains("emea", TREE)).isTrue();
        assertThat(sales.contains("paris", TREE)).isTrue();
        assertThat(sales.contains("engineering", TREE)).isFalse();
    }

    @Test
    void a_scope_does_not_contain_the_departments_above_it() {
        assertThat(emea.contains("sales", TREE)).isFalse();
        assertThat(emea.contains("paris", TREE)).isTrue();
    }

    @Test
    void a_member_is_covered_when_one_of_their_departments_is_in_scope() {
        assertThat(emea.coversMemberOf(List.of("engineering", "paris"), TREE)).isTrue();
        assertThat(emea.coversMemberOf(List.of("engineering", "sales"), TREE)).isFalse();
        assertThat(emea.coversMemberOf(List.of(), TREE)).isFalse();
    }

    @Test
    void a_member_may_only_be_put_into_departments_in_scope() {
        assertThat(sales.allowsMove(List.of("emea"), List.of("paris"), TREE)).isTrue();
        assertThat(sales.allowsMove(List.of("emea"), List.of("emea", "engineering"), TREE)).isFalse();
    }

    @Test
    void departments_the_member_already_had_may_stay_even_when_out_of_scope() {
        assertThat(sales.allowsMove(List.of("engineering", "emea"), List.of("engineering", "paris"), TREE)).isTrue();
    }

    @Test
    void the_scope_is_a_copy_of_the_given_set() {
        Set<String> given = new java.util.HashSet<>(Set.of("sales"));
        DepartmentScope scope = new DepartmentScope(given);
        given.add("engineering");
        assertThat(scope.contains("engineering", TREE)).isFalse();
    }
}

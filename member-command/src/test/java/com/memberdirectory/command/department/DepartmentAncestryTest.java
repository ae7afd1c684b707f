package com.memberdirectory.command.department;

import com.memberdirectory.command.uniqueness.InMemoryUniqueValues;
import com.memberdirectory.command.uniqueness.UniqueKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentAncestryTest {

    @Test
    void the_ancestors_of_a_department_are_read_from_its_path_top_down() {
        InMemoryUniqueValues unique = new InMemoryUniqueValues();
        department(unique, "sales", "Sales");
        department(unique, "emea", "Sales/EMEA");
        department(unique, "north", "Sales/EMEA/North");
        assertThat(DepartmentAncestry.of(unique).apply("north")).containsExactly("sales", "emea");
        assertThat(DepartmentAncestry.of(unique).apply("sales")).isEmpty();
    }

    @Test
    void an_unknown_department_has_no_ancestors() {
        assertThat(DepartmentAncestry.of(new InMemoryUniqueValues()).apply("nowhere")).isEqualTo(List.of());
    }

    private static void department(InMemoryUniqueValues unique, String id, String path) {
        unique.claim(UniqueKind.DEPARTMENT, id, path);
        unique.claim(UniqueKind.DEPARTMENT_PATH, path.toLowerCase(), id);
    }
}

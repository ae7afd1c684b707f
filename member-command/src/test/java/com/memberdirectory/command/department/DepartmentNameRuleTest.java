package com.memberdirectory.command.department;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DepartmentNameRuleTest {

    private final DepartmentNameRule rule = new DepartmentNameRule();

    @Test
    void a_name_is_trimmed() {
        assertThat(rule.check(" EMEA ")).isEqualTo("EMEA");
    }

    @Test
    void a_name_is_required() {
        assertThatThrownBy(() -> rule.check(" ")).isInstanceOfSatisfying(DomainRuleViolation.class,
                v -> assertThat(v.code()).isEqualTo(ErrorCode.NAME_REQUIRED));
    }

    @Test
    void path_and_list_separators_and_overlong_names_are_refused() {
        for (String bad : new String[] {"Sales/EMEA", "Sales;EMEA", "x".repeat(65)}) {
            assertThatThrownBy(() -> rule.check(bad)).isInstanceOfSatisfying(DomainRuleViolation.class,
                    v -> assertThat(v.code()).isEqualTo(ErrorCode.INVALID_VALUE));
        }
    }
}

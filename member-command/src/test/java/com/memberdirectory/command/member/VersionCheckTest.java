package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionCheckTest {

    @Test
    void a_write_naming_no_version_or_the_members_version_passes() {
        assertThatCode(() -> VersionCheck.check(null, 3)).doesNotThrowAnyException();
        assertThatCode(() -> VersionCheck.check(3L, 3)).doesNotThrowAnyException();
    }

    @Test
    void a_write_naming_another_version_is_refused_with_both_versions() {
        assertThatThrownBy(() -> VersionCheck.check(2L, 3))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VERSION_CONFLICT);
                    assertThat(e.getMessage()).contains("version 3, not 2");
                });
    }

    @Test
    void a_row_with_an_old_version_is_refused_only_when_it_changes_something() {
        assertThatCode(() -> VersionCheck.checkRow(2L, 3, false)).doesNotThrowAnyException();
        assertThatCode(() -> VersionCheck.checkRow(null, 3, true)).doesNotThrowAnyException();
        assertThatCode(() -> VersionCheck.checkRow(3L, 3, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> VersionCheck.checkRow(2L, 3, true))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VERSION_CONFLICT);
                    assertThat(e.getMessage()).contains("version 3, the row has 2");
                });
    }
}

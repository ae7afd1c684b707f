package com.memberdirectory.query.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportAdmissionTest {

    @Test
    void an_export_is_admitted_while_the_admin_and_the_directory_are_below_their_bounds() {
        assertThatCode(() -> ExportAdmission.check(ExportAdmission.PER_ADMIN - 1, ExportAdmission.IN_TOTAL - 1))
                .doesNotThrowAnyException();
    }

    @Test
    void an_admin_with_as_many_unfinished_exports_as_allowed_waits_for_one() {
        assertThatThrownBy(() -> ExportAdmission.check(ExportAdmission.PER_ADMIN, 0))
                .isInstanceOf(ExportAdmission.ExportsBusy.class).hasMessageContaining("wait for one to finish");
    }

    @Test
    void when_the_directory_writes_as_many_exports_as_allowed_everyone_waits() {
        assertThatThrownBy(() -> ExportAdmission.check(0, ExportAdmission.IN_TOTAL))
                .isInstanceOf(ExportAdmission.ExportsBusy.class).hasMessageContaining("try again shortly");
    }
}

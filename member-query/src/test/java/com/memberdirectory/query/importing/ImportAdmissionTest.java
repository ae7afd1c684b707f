package com.memberdirectory.query.importing;

import com.memberdirectory.kernel.importing.UnfinishedImports;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportAdmissionTest {

    /** The import history as the admission sees it: unfinished imports by admin. */
    private final Map<String, Long> history = new HashMap<>();
    private final ImportAdmission admission = new ImportAdmission(3, 5,
            admin -> new UnfinishedImports(history.getOrDefault(admin, 0L),
                    history.values().stream().mapToLong(Long::longValue).sum()));

    @Test
    void an_admin_below_both_bounds_is_admitted() {
        history.put("ann", 2L);
        assertThatCode(() -> admission.admit("ann")).doesNotThrowAnyException();
    }

    @Test
    void an_admin_with_as_many_unfinished_imports_as_allowed_waits_for_one() {
        history.put("ann", 3L);
        assertThatThrownBy(() -> admission.admit("ann"))
                .isInstanceOf(ImportAdmission.ImportsBusy.class).hasMessageContaining("wait for one to finish");
        assertThatCode(() -> admission.admit("bob")).doesNotThrowAnyException();
    }

    @Test
    void uploads_in_progress_count_until_they_are_closed() {
        ImportAdmission.Upload first = admission.admit("ann");
        admission.admit("ann");
        admission.admit("ann");
        assertThatThrownBy(() -> admission.admit("ann")).isInstanceOf(ImportAdmission.ImportsBusy.class);

        first.close();
        first.close(); // closing twice frees one slot, not two
        assertThatCode(() -> admission.admit("ann")).doesNotThrowAnyException();
        assertThatThrownBy(() -> admission.admit("ann")).isInstanceOf(ImportAdmission.ImportsBusy.class);
    }

    @Test
    void when_the_directory_has_as_many_as_allowed_everyone_waits() {
        history.put("ann", 2L);
        history.put("bob", 2L);
        admission.admit("cy");
        assertThatThrownBy(() -> admission.admit("dee"))
                .isInstanceOf(ImportAdmission.ImportsBusy.class).hasMessageContaining("try again shortly");
    }

    @Test
    void a_finished_import_frees_its_slot() {
        history.put("ann", 3L);
        assertThatThrownBy(() -> admission.admit("ann")).isInstanceOf(ImportAdmission.ImportsBusy.class);
        history.put("ann", 2L);
        assertThat(admission.admit("ann")).isNotNull();
    }
}

package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.importing.ImportStatus;
import com.memberdirectory.kernel.importing.ImportView;
import com.memberdirectory.kernel.importing.QueueUndo;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UndoAdmissionTest {

    @Test
    void the_importing_admin_and_the_primary_admin_may_undo_a_succeeded_import() {
        assertThatCode(() -> UndoAdmission.check(undo("ann", false, imported("ann", ImportStatus.SUCCEEDED, false, null))))
                .doesNotThrowAnyException();
        assertThatCode(() -> UndoAdmission.check(undo("admin", true, imported("ann", ImportStatus.SUCCEEDED, false, null))))
                .doesNotThrowAnyException();
    }

    @Test
    void another_admins_import_and_an_unknown_one_are_not_found() {
        refused(undo("bob", false, imported("ann", ImportStatus.SUCCEEDED, false, null)), ErrorCode.NOT_FOUND);
        refused(undo("ann", false, null), ErrorCode.NOT_FOUND);
    }

    @Test
    void a_dry_run_an_undo_and_an_import_that_did_not_succeed_cannot_be_undone() {
        refused(undo("ann", false, imported("ann", ImportStatus.SUCCEEDED, true, null)), ErrorCode.NOT_UNDOABLE);
        refused(undo("ann", false, imported("ann", ImportStatus.SUCCEEDED, false, "imp0")), ErrorCode.NOT_UNDOABLE);
        refused(undo("ann", false, imported("ann", ImportStatus.PARTIALLY_FAILED, false, null)), ErrorCode.NOT_UNDOABLE);
        refused(undo("ann", false, imported("ann", ImportStatus.FAILED, false, null)), ErrorCode.NOT_UNDOABLE);
    }

    @Test
    void an_import_still_queued_or_running_is_not_finished_yet() {
        refused(undo("ann", false, imported("ann", ImportStatus.QUEUED, false, null)), ErrorCode.IMPORT_NOT_FINISHED);
        refused(undo("ann", false, imported("ann", ImportStatus.RUNNING, false, null)), ErrorCode.IMPORT_NOT_FINISHED);
    }

    private static void refused(QueueUndo command, ErrorCode code) {
        assertThatThrownBy(() -> UndoAdmission.check(command)).isInstanceOfSatisfying(DomainRuleViolation.class,
                refused -> org.assertj.core.api.Assertions.assertThat(refused.code()).isEqualTo(code));
    }

    private static QueueUndo undo(String admin, boolean primary, ImportView original) {
        return new QueueUndo("undo1", admin, primary, false, List.of(), original);
    }

    private static ImportView imported(String admin, ImportStatus status, boolean dryRun, String undoOf) {
        return new ImportView("imp1", admin, "members.xlsx", status, dryRun, 3, 3, 3, 0, 0, Instant.EPOCH, Instant.EPOCH,
                null, null, null, false, 1, undoOf);
    }
}

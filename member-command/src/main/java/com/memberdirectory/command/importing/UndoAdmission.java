package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.importing.ImportStatus;
import com.memberdirectory.kernel.importing.QueueUndo;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

/**
 * Which imports can be undone, and by whom (docs/undo.md): the admin who ran it or the primary admin; only a finished
 * import that succeeded and was not a dry run; never an undo. Whether it has been undone already is decided by the
 * lookup table's claim ({@link #claimKey}), which two undos asked for at once cannot both hold.
 */
public final class UndoAdmission {

    private UndoAdmission() {
    }

    public static void check(QueueUndo command) {
        var original = command.original();
        if (original == null || !command.primary() && !original.admin().equals(command.admin())) {
            // Another admin's import is not theirs to see (404, as GET /api/imports/{id} answers).
            throw new DomainRuleViolation(ErrorCode.NOT_FOUND, "importId", "There is no such import of yours.");
        }
        if (original.isUndo()) {
            throw new DomainRuleViolation(ErrorCode.NOT_UNDOABLE, "importId",
                    "This is the undo of an import; an undo cannot be undone. Import the original file again instead.");
        }
        if (original.dryRun()) {
            throw new DomainRuleViolation(ErrorCode.NOT_UNDOABLE, "importId",
                    "This import was a dry run: it changed nothing, so there is nothing to undo.");
        }
        if (original.status() == ImportStatus.QUEUED || original.status() == ImportStatus.RUNNING) {
            throw new DomainRuleViolation(ErrorCode.IMPORT_NOT_FINISHED, "importId",
                    "The import has not finished yet; undo it once it has.");
        }
        if (original.status() != ImportStatus.SUCCEEDED) {
            throw new DomainRuleViolation(ErrorCode.NOT_UNDOABLE, "importId", "Only an import that succeeded can be undone;"
                    + " this one ended " + original.status() + ". Fix its rows by importing a corrected file instead.");
        }
    }

    /** The lookup-table value held by the one undo of an import that is queued, running or done. */
    public static String claimKey(String importId) {
        return importId + "/undo";
    }
}

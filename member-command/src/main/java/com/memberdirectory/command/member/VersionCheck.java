package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

/**
 * Optimistic concurrency: a write that names the version it was based on is refused once the member has moved on,
 * so that nobody overwrites a change they have not seen.
 */
final class VersionCheck {

    private VersionCheck() {
    }

    /** A write from the console or the API: refused when it names a version other than the member's. */
    static void check(Long expected, long version) {
        if (expected != null && expected != version) {
            throw new DomainRuleViolation(ErrorCode.VERSION_CONFLICT, "version",
                    "The member was changed meanwhile: it is at version " + version + ", not "
                            + expected + ". Reload it and try again.");
        }
    }

    /**
     * A spreadsheet row: its version is the one exported; a row that changes nothing is harmless whatever its
     * version, one that changes something is refused when the member changed after the export.
     */
    static void checkRow(Long expected, long version, boolean changes) {
        if (expected != null && expected != version && changes) {
            throw new DomainRuleViolation(ErrorCode.VERSION_CONFLICT, "version",
                    "The member was changed after the export (version " + version + ", the row has "
                            + expected + "); export again and redo this row.");
        }
    }
}

package com.memberdirectory.command.importing;

import java.util.List;
import java.util.Map;

/**
 * What the undo of an import does to one member (docs/undo.md), decided by {@link UndoDecision}.
 *
 * @param restore the values to set back, by field name ({@code custom.<key>} for a custom field), as the events carry
 *                them; for a {@link Outcome#CONFLICT conflict}, every value the import replaced (what the undo would
 *                have set back); empty otherwise
 * @param current the member's values now, by field name: what a row of the report holds for the fields not restored
 * @param reasons why the member is a conflict: one line per field changed since the import, who changed it and when
 * @param notes   what the undo leaves as the import made it (login method, generated password)
 * @param version the member's version the plan was decided on; the undo's change is refused if it moved
 */
public record UndoPlan(Outcome outcome, Map<String, Object> restore, Map<String, Object> current, List<String> reasons,
                       List<String> notes, long version) {

    public enum Outcome {
        /** Set the fields the import changed back to their values before it. */
        RESTORE,
        /** The import created the member and nothing changed it since: offboard it. */
        OFFBOARD,
        /** Something changed the member since the import: left as it is, reported with the reasons. */
        CONFLICT,
        /** This undo (or an earlier one that failed midway) has already set every field back. */
        ALREADY_UNDONE,
        /** The import changed nothing of this member that an undo restores. */
        NOTHING
    }
}

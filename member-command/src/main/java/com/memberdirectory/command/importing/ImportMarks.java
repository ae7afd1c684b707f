package com.memberdirectory.command.importing;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.member.ImportRow;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which rows of an import have been applied, and whether they changed their member. Marked in the lookup
 * table in the same transaction as the row's events: a resumed import skips marked rows, and the final
 * counts of changed and unchanged rows come from the marks.
 */
public final class ImportMarks {

    private static final String CHANGED = "changed";
    private static final String UNCHANGED = "unchanged";

    private ImportMarks() {
    }

    public static boolean applied(UniqueValues unique, ImportRow row) {
        return unique.ownerOf(UniqueKind.IMPORT_ROW, key(row, CHANGED)).isPresent()
                || unique.ownerOf(UniqueKind.IMPORT_ROW, key(row, UNCHANGED)).isPresent();
    }

    public static void mark(UniqueValues unique, ImportRow row, String memberId, boolean changed) {
        unique.claim(UniqueKind.IMPORT_ROW, key(row, changed ? CHANGED : UNCHANGED), memberId);
    }

    public static long changedRows(UniqueValues unique, String importId) {
        return unique.count(UniqueKind.IMPORT_ROW, importId + "/" + CHANGED + "/");
    }

    public static long unchangedRows(UniqueValues unique, String importId) {
        return unique.count(UniqueKind.IMPORT_ROW, importId + "/" + UNCHANGED + "/");
    }

    /**
     * The members an import changed, by the row that changed them: what its undo goes through (docs/undo.md),
     * without reading any event of another import or member.
     */
    public static SortedMap<Integer, String> changedMembers(UniqueValues unique, String importId) {
        String prefix = importId + "/" + CHANGED + "/";
        SortedMap<Integer, String> members = new TreeMap<>();
        unique.owners(UniqueKind.IMPORT_ROW, prefix)
                .forEach((value, member) -> members.put(Integer.parseInt(value.substring(prefix.length())), member));
        return members;
    }

    /**
     * The rows of an import (or an undo) applied so far, changed or not: what a resumed undo need not write again,
     * read with two prefix queries instead of two look-ups per row.
     */
    public static Set<Integer> appliedRows(UniqueValues unique, String importId) {
        Set<Integer> rows = new HashSet<>();
        for (String outcome : List.of(CHANGED, UNCHANGED)) {
            String prefix = importId + "/" + outcome + "/";
            unique.owners(UniqueKind.IMPORT_ROW, prefix).keySet()
                    .forEach(value -> rows.add(Integer.parseInt(value.substring(prefix.length()))));
        }
        return rows;
    }

    private static String key(ImportRow row, String outcome) {
        return row.importId() + "/" + outcome + "/" + row.rowNumber();
    }
}

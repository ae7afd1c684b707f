package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.member.MemberId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.memberdirectory.kernel.workbook.MemberColumns.*;

/**
 * Uniqueness against the other rows of the same file: one member per row, and no two members given the
 * same unique value. The later row is the one reported, so the outcome does not depend on timing. Values are
 * remembered as fingerprints ({@link FingerprintMap}): a 200,000-row file holds a million of them.
 */
final class FileUniqueness {

    private static final List<String> UNIQUE = List.of(USER_ID, WORK_EMAIL, BUSINESS_EMAIL, PHONE, SEAT_ID, EMPLOYEE_ID);

    private final RowTranslator translator;
    private final FingerprintMap memberRows = new FingerprintMap();
    /** Per column, the row that first gave each value. */
    private final Map<String, FingerprintMap> values = new HashMap<>();

    FileUniqueness(RowTranslator translator) {
        this.translator = translator;
    }

    List<String> check(int row, List<String> cells, MemberId member) {
        List<String> problems = new ArrayList<>();
        int earlier = memberRows.putIfAbsent(member.value(), row);
        if (earlier != FingerprintMap.ABSENT) {
            problems.add(MEMBER_ID + ": this member is already in row " + earlier + "; put all changes of a member in one row.");
            return problems;
        }
        for (String column : UNIQUE) {
            String value = translator.has(column) ? translator.cell(cells, column) : null;
            if (value == null || value.isBlank()) {
                continue;
            }
            String key = column.equals(PHONE) ? value.replaceAll("[^0-9+]", "") : value.strip().toLowerCase(Locale.ROOT);
            // One row per member (checked above), so an earlier row with this value is always another member's.
            int owner = values.computeIfAbsent(column, c -> new FingerprintMap()).putIfAbsent(key, row);
            if (owner != FingerprintMap.ABSENT) {
                problems.add(column + ": '" + value.strip() + "' is also given to another member in row " + owner + ".");
            }
        }
        return problems;
    }
}

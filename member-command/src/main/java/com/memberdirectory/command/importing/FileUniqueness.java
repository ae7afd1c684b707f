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
 * same unique value. The later row is the one reported, so the outcome does not depend on timing.
 */
final class FileUniqueness {

    private static final List<String> UNIQUE = List.of(USER_ID, WORK_EMAIL, BUSINESS_EMAIL, PHONE, SEAT_ID, EMPLOYEE_ID);

    private final RowTranslator translator;
    private final Map<String, Integer> memberRows = new HashMap<>();
    private final Map<String, Map<String, Owner>> values = new HashMap<>();

    private record Owner(int row, String memberId) {
    }

    FileUniqueness(RowTranslator translator) {
        this.translator = translator;
    }

    List<String> check(int row, List<String> cells, MemberId member) {
        List<String> problems = new ArrayList<>();
        Integer earlier = memberRows.putIfAbsent(member.value(), row);
        if (earlier != null) {
            problems.add(MEMBER_ID + ": this member is already in row " + earlier + "; put all changes of a member in one row.");
            return problems;
        }
        for (String column : UNIQUE) {
            String value = translator.has(column) ? translator.cell(cells, column) : null;
            if (value == null || value.isBlank()) {
                continue;
            }
            String key = column.equals(PHONE) ? value.replaceAll("[^0-9+]", "") : value.strip().toLowerCase(Locale.ROOT);
            Owner owner = values.computeIfAbsent(column, c -> new HashMap<>()).putIfAbsent(key, new Owner(row, member.value()));
            if (owner != null && !owner.memberId().equals(member.value())) {
                problems.add(column + ": '" + value.strip() + "' is also given to another member in row " + owner.row() + ".");
            }
        }
        return problems;
    }
}

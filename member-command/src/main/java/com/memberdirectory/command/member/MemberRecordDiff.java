package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.FieldChange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Field-by-field differences between two states of a member, with the names of the Member JSON. */
final class MemberRecordDiff {

    private static final Map<String, Function<MemberRecord, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", MemberRecord::name);
        FIELDS.put("surname", MemberRecord::surname);
        FIELDS.put("firstName", MemberRecord::firstName);
        FIELDS.put("alias", MemberRecord::alias);
        FIELDS.put("userId", MemberRecord::userId);
        FIELDS.put("workEmail", MemberRecord::workEmail);
        FIELDS.put("businessEmail", MemberRecord::businessEmail);
        FIELDS.put("phone", MemberRecord::phone);
        FIELDS.put("hidePhone", MemberRecord::hidePhone);
        FIELDS.put("gender", MemberRecord::gender);
        FIELDS.put("departmentIds", MemberRecord::departmentIds);
        FIELDS.put("seatId", MemberRecord::seatId);
        FIELDS.put("employeeId", MemberRecord::employeeId);
        FIELDS.put("employmentDate", MemberRecord::employmentDate);
        FIELDS.put("countryRegion", MemberRecord::countryRegion);
        FIELDS.put("city", MemberRecord::city);
        FIELDS.put("managerId", MemberRecord::managerId);
        FIELDS.put("dottedLineManagerIds", MemberRecord::dottedLineManagerIds);
        FIELDS.put("jobTitle", MemberRecord::jobTitleId);
        FIELDS.put("workforceType", MemberRecord::workforceTypeId);
    }

    private MemberRecordDiff() {
    }

    static List<FieldChange> between(MemberRecord before, MemberRecord after) {
        List<FieldChange> changes = new ArrayList<>();
        FIELDS.forEach((field, value) -> {
            Object old = value.apply(before);
            Object now = value.apply(after);
            if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(field, old, now));
            }
        });
        Set<String> keys = new TreeSet<>(before.custom().keySet());
        keys.addAll(after.custom().keySet());
        for (String key : keys) {
            List<String> old = before.custom().getOrDefault(key, List.of());
            List<String> now = after.custom().getOrDefault(key, List.of());
            if (!old.equals(now)) {
                changes.add(new FieldChange("custom." + key, old, now));
            }
        }
        return changes;
    }
}

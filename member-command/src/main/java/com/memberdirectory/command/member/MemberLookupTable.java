package com.memberdirectory.command.member;

import com.memberdirectory.command.field.OptionUse;
import com.memberdirectory.command.uniqueness.CommandLocks;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a member's commands read and write in the lookup table besides the unique values ({@link MemberUniqueness}):
 * the rules' look-ups, the option locks and the record of who uses which option, the manager graph's lock and
 * claims, free user IDs. Kept out of {@link Member}, which decides and applies.
 */
final class MemberLookupTable {

    /** Name of the lookup-table row that serialises changes of direct managers (see {@link #serializeManagerChanges}). */
    private static final String MANAGER_GRAPH = "manager-graph";

    private MemberLookupTable() {
    }

    /**
     * The member after the changes, by the rules. When it starts using an option it did not use before, the option
     * lists of those fields must not change under our feet ({@link OptionUse}): their locks are taken and the rules
     * applied again under them, so an option removed meanwhile is refused instead of being recorded as used. A
     * change that keeps or clears its options takes no lock (an import row that leaves the job title as it is
     * used to claim and release it, and every row of every import waited on the same lock).
     */
    static MemberRecord applyRules(MemberRecord before, MemberChanges changes, MemberId id, MemberPolicies rules,
                                   UniqueValues unique, OptionFields options) {
        MemberRecord after = applyRulesWithoutLocks(before, changes, id, rules, unique);
        Set<String> locked = new TreeSet<>();
        Set<String> starting = fieldsStartingToUseAnOption(before, after, options);
        while (!locked.containsAll(starting)) {
            for (String fieldKey : starting) { // sorted: locks are always taken in the same order
                if (locked.add(fieldKey)) {
                    OptionUse.serialize(unique, fieldKey);
                }
            }
            after = applyRulesWithoutLocks(before, changes, id, rules, unique);
            starting = fieldsStartingToUseAnOption(before, after, options);
        }
        return after;
    }

    /** The member after the changes, by the rules, taking no lock (a preview, which records nothing, as is). */
    static MemberRecord applyRulesWithoutLocks(MemberRecord before, MemberChanges changes, MemberId id,
                                               MemberPolicies rules, UniqueValues unique) {
        return MemberRulebook.apply(before, changes, id, rules, lookups(unique), fieldLookups(unique));
    }

    private static Set<String> fieldsStartingToUseAnOption(MemberRecord before, MemberRecord after, OptionFields options) {
        Map<String, List<String>> old = options.valuesOf(before);
        Set<String> fields = new TreeSet<>();
        options.valuesOf(after).forEach((fieldKey, ids) -> {
            if (!old.getOrDefault(fieldKey, List.of()).containsAll(ids)) {
                fields.add(fieldKey);
            }
        });
        return fields;
    }

    /** Keeps the lookup table's record of who uses which option in step with the member's values. */
    static void recordOptionUse(UniqueValues unique, OptionFields options, MemberRecord before, MemberRecord after,
                                String owner) {
        Map<String, List<String>> old = options.valuesOf(before);
        Map<String, List<String>> now = options.valuesOf(after);
        old.forEach((key, ids) -> ids.stream().filter(id -> !now.getOrDefault(key, List.of()).contains(id))
                .forEach(id -> OptionUse.stopUsing(unique, key, id, owner)));
        now.forEach((key, ids) -> ids.stream().filter(id -> !old.getOrDefault(key, List.of()).contains(id))
                .forEach(id -> OptionUse.use(unique, key, id, owner)));
    }

    /** The option values of a member by field; which fields have options is looked up once per command. */
    static final class OptionFields {

        private final UniqueValues unique;
        private final Map<String, Boolean> hasOptions = new HashMap<>();

        OptionFields(UniqueValues unique) {
            this.unique = unique;
        }

        Map<String, List<String>> valuesOf(MemberRecord record) {
            Map<String, List<String>> values = new HashMap<>();
            if (record.jobTitleId() != null) {
                values.put(BuiltInFields.JOB_TITLE, List.of(record.jobTitleId()));
            }
            if (record.workforceTypeId() != null) {
                values.put(BuiltInFields.WORKFORCE_TYPE, List.of(record.workforceTypeId()));
            }
            record.custom().forEach((key, value) -> {
                if (hasOptions.computeIfAbsent(key, k -> unique.ownerOf(UniqueKind.FIELD, k).map(FieldType::valueOf)
                        .map(FieldType::hasOptions).orElse(false))) {
                    values.put(key, value);
                }
            });
            return values;
        }
    }

    private static FieldLookups fieldLookups(UniqueValues unique) {
        return new FieldLookups() {
            @Override
            public Optional<FieldType> typeOf(String fieldKey) {
                return unique.ownerOf(UniqueKind.FIELD, fieldKey).map(FieldType::valueOf);
            }

            @Override
            public Optional<String> optionIdByLabel(String fieldKey, String label) {
                return unique.ownerOf(UniqueKind.FIELD_OPTION_LABEL, fieldKey + "/" + label.toLowerCase(Locale.ROOT));
            }

            @Override
            public boolean hasOptions(String fieldKey) {
                return unique.count(UniqueKind.FIELD_OPTION, fieldKey + "/") > 0;
            }
        };
    }

    private static MemberLookups lookups(UniqueValues unique) {
        return new MemberLookups() {
            @Override
            public boolean departmentExists(DepartmentId id) {
                return unique.ownerOf(UniqueKind.DEPARTMENT, id.value()).isPresent();
            }

            @Override
            public boolean memberExists(MemberId id) {
                return unique.ownerOf(UniqueKind.MEMBER, id.value()).isPresent();
            }

            @Override
            public MemberId managerOf(MemberId id) {
                return unique.ownerOf(UniqueKind.MANAGER, id.value()).map(MemberId::new).orElse(null);
            }
        };
    }

    /**
     * Two concurrent changes could each pass the cycle check alone and form a cycle together (A→B while
     * B→A). Claiming and releasing one shared row in the command's transaction makes such changes wait for
     * each other: the second sees the first's committed managers.
     */
    static void serializeManagerChanges(UniqueValues unique) {
        CommandLocks.serialize(unique, MANAGER_GRAPH);
    }

    static String generateUserId(MemberPolicies rules, UniqueValues unique) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String candidate = rules.userId().generate();
            if (unique.ownerOf(UniqueKind.USER_ID, MemberFields.USER_ID.uniqueness().key(candidate)).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("Could not generate a free user ID");
    }

    /** Moves the member's entry in the manager graph (walked to refuse cycles) from one direct manager to another. */
    static void moveManagerClaim(UniqueValues unique, String owner, MemberId before, MemberId after) {
        if (before != null) {
            unique.release(UniqueKind.MANAGER, owner, before.value());
        }
        if (after != null) {
            unique.claim(UniqueKind.MANAGER, owner, after.value());
        }
    }
}

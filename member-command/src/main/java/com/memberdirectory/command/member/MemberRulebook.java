package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberId;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies requested changes to a member's record, checking each changed field with its rule and then the
 * rules across fields (docs/member-record.md). Uniqueness is not checked here: it needs the lookup table.
 */
final class MemberRulebook {

    private MemberRulebook() {
    }

    static MemberRecord apply(MemberRecord current, MemberChanges changes, MemberId self, MemberPolicies rules,
                              MemberLookups lookups, FieldLookups fields) {
        RecordFields.RuleContext context = new RecordFields.RuleContext(self, rules, lookups, fields);
        MemberRecord next = current;
        for (RecordFields.Slot<?> slot : RecordFields.ALL) {
            if (slot.field().written()) {
                next = slot.ruled(next, current, changes, context);
            }
        }
        if (changes.custom().present() && changes.custom().value() != null) {
            Map<String, List<String>> custom = new TreeMap<>(current.custom());
            changes.custom().value().forEach((key, raw) -> {
                if (key == null || MemberFields.isBuiltIn(key)) {
                    throw new DomainRuleViolation(ErrorCode.UNKNOWN_FIELD, "custom." + key,
                            "'" + key + "' is not a custom field.");
                }
                List<String> value = rules.fieldValues().value(key, "custom." + key, raw, fields, lookups::memberExists);
                if (value.isEmpty()) {
                    custom.remove(key);
                } else {
                    custom.put(key, value);
                }
            });
            next = next.withCustom(Map.copyOf(custom));
        }
        rules.reachable().check(next.phone(), next.workEmail());
        return next;
    }
}

package com.memberdirectory.command.member;

import com.memberdirectory.kernel.Patch;
import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberId;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Applies requested changes to a member's record, checking each changed field with its rule and then the
 * rules across fields (docs/member-record.md). Uniqueness is not checked here: it needs the lookup table.
 */
final class MemberRulebook {

    private MemberRulebook() {
    }

    static MemberRecord apply(MemberRecord current, MemberChanges changes, MemberId self, MemberPolicies rules,
                              MemberLookups lookups, FieldLookups fields) {
        MemberRecord next = current;
        next = next.withName(checked(changes.name(), current.name(), rules.name()::check));
        next = next.withSurname(checked(changes.surname(), current.surname(), v -> rules.text().check("surname", v)));
        next = next.withFirstName(checked(changes.firstName(), current.firstName(), v -> rules.text().check("firstName", v)));
        next = next.withAlias(checked(changes.alias(), current.alias(), v -> rules.text().check("alias", v)));
        next = next.withUserId(checked(changes.userId(), current.userId(), rules.userId()::check));
        next = next.withWorkEmail(checked(changes.workEmail(), current.workEmail(), v -> rules.email().check("workEmail", v)));
        next = next.withBusinessEmail(checked(changes.businessEmail(), current.businessEmail(), rules.businessEmail()::check));
        next = next.withPhone(checked(changes.phone(), current.phone(), rules.phone()::check));
        next = next.withHidePhone(changes.hidePhone().present()
                ? Boolean.TRUE.equals(changes.hidePhone().value()) : current.hidePhone());
        next = next.withGender(changes.gender().present()
                ? (changes.gender().value() == null ? Gender.UNSPECIFIED : changes.gender().value()) : current.gender());
        if (changes.departmentIds().present()) {
            next = next.withDepartmentIds(rules.departments().check(changes.departmentIds().value(), lookups::departmentExists));
        }
        next = next.withSeatId(checked(changes.seatId(), current.seatId(), v -> rules.text().check("seatId", v)));
        next = next.withEmployeeId(checked(changes.employeeId(), current.employeeId(), v -> rules.text().check("employeeId", v)));
        next = next.withEmploymentDate(employmentDate(changes.employmentDate(), current.employmentDate(), rules));
        next = next.withCountryRegion(checked(changes.countryRegion(), current.countryRegion(), rules.countryRegion()::check));
        next = next.withCity(checked(changes.city(), current.city(), v -> rules.text().check("city", v)));
        if (changes.managerId().present()) {
            MemberId manager = changes.managerId().value();
            if (manager != null && !manager.equals(current.managerId())) {
                rules.directManager().check(self, manager, lookups::memberExists, lookups::managerOf);
            }
            next = next.withManagerId(manager);
        }
        if (changes.dottedLineManagerIds().present()) {
            next = next.withDottedLineManagerIds(
                    rules.dottedLineManagers().check(self, changes.dottedLineManagerIds().value(), lookups::memberExists));
        }
        if (changes.jobTitle().present()) {
            next = next.withJobTitleId(rules.fieldValues().option(BuiltInFields.JOB_TITLE, changes.jobTitle().value(), fields));
        }
        if (changes.workforceType().present()) {
            next = next.withWorkforceTypeId(
                    rules.fieldValues().option(BuiltInFields.WORKFORCE_TYPE, changes.workforceType().value(), fields));
        }
        if (changes.custom().present() && changes.custom().value() != null) {
            Map<String, List<String>> custom = new TreeMap<>(current.custom());
            changes.custom().value().forEach((key, raw) -> {
                if (key == null || BuiltInFields.isBuiltIn(key)) {
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

    /**
     * Only a new date is checked: a member recorded with a date from before the range existed can still be
     * edited, and an import row repeating that date changes nothing.
     */
    private static LocalDate employmentDate(Patch<LocalDate> patch, LocalDate current, MemberPolicies rules) {
        if (!patch.present() || Objects.equals(patch.value(), current)) {
            return current;
        }
        return rules.dates().check("employmentDate", patch.value());
    }

    private static String checked(Patch<String> patch, String current, Function<String, String> rule) {
        return patch.present() ? rule.apply(patch.value()) : current;
    }
}

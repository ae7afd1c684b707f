package com.memberdirectory.command.member;

import com.memberdirectory.kernel.Patch;
import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import static com.memberdirectory.kernel.member.MemberFields.*;

/**
 * Where {@link MemberRecord} holds each built-in field of {@link MemberFields}, and the rule a new value of it must
 * pass: the write side's only per-field list.
 */
final class RecordFields {

    /**
     * The rule of a field: the value to record for the one a write asks for (checked and normalised), given the
     * member's current value; throws {@link com.memberdirectory.kernel.problem.DomainRuleViolation} when refused.
     */
    @FunctionalInterface
    interface Rule<V> {
        V check(V requested, V current, RuleContext context);
    }

    /** What rules need besides the value: the member itself, the policies and the look-ups. */
    record RuleContext(MemberId self, MemberPolicies rules, MemberLookups lookups, FieldLookups fields) {
    }

    /** One field's place in the record and its rule ({@code null} for a derived field, which no write sets). */
    record Slot<V>(MemberField<V, ?> field, Function<MemberRecord, V> value,
                   BiFunction<MemberRecord, V, MemberRecord> with, Rule<V> rule) {

        boolean differs(MemberRecord before, MemberRecord after) {
            return !Objects.equals(value.apply(before), value.apply(after));
        }

        FieldChange change(MemberRecord before, MemberRecord after) {
            return new FieldChange(field.name(), value.apply(before), value.apply(after));
        }

        MemberEvent event(MemberId member, MemberRecord before, MemberRecord after) {
            return field.changed(member, value.apply(before), value.apply(after));
        }

        /** {@code next} with the value the write asks for, by the rule; as it is when the write leaves the field. */
        MemberRecord ruled(MemberRecord next, MemberRecord current, MemberChanges changes, RuleContext context) {
            Patch<V> requested = field.requested(changes);
            return requested.present() ? with.apply(next, rule.check(requested.value(), value.apply(current), context))
                    : next;
        }

        /** The record after a change event of this field. */
        MemberRecord applied(MemberRecord record, MemberEvent change) {
            return with.apply(record, field.after(change));
        }

        /** The record with the value a new member starts with. */
        MemberRecord created(MemberRecord record, MemberCreated event) {
            return with.apply(record, field.created(event));
        }
    }

    private static final Map<MemberField<?, ?>, Slot<?>> SLOTS = new IdentityHashMap<>();

    static {
        slot(NAME, MemberRecord::name, MemberRecord::withName, (v, current, c) -> c.rules().name().check(v));
        optionalText(SURNAME, MemberRecord::surname, MemberRecord::withSurname);
        optionalText(FIRST_NAME, MemberRecord::firstName, MemberRecord::withFirstName);
        optionalText(ALIAS, MemberRecord::alias, MemberRecord::withAlias);
        slot(USER_ID, MemberRecord::userId, MemberRecord::withUserId, (v, current, c) -> c.rules().userId().check(v));
        slot(WORK_EMAIL, MemberRecord::workEmail, MemberRecord::withWorkEmail,
                (v, current, c) -> c.rules().email().check(WORK_EMAIL.name(), v));
        slot(BUSINESS_EMAIL, MemberRecord::businessEmail, MemberRecord::withBusinessEmail,
                (v, current, c) -> c.rules().businessEmail().check(v));
        // Decided by LoginEmailRule from the addresses above, never asked for.
        slot(LOGIN_EMAIL, MemberRecord::loginEmail, MemberRecord::withLoginEmail, null);
        slot(PHONE, MemberRecord::phone, MemberRecord::withPhone, (v, current, c) -> c.rules().phone().check(v));
        slot(HIDE_PHONE, MemberRecord::hidePhone, (r, v) -> r.withHidePhone(Boolean.TRUE.equals(v)),
                (v, current, c) -> Boolean.TRUE.equals(v));
        // Revision-1 events carry no gender: such a member is UNSPECIFIED, as a new one is.
        slot(GENDER, MemberRecord::gender, (r, v) -> r.withGender(v == null ? Gender.UNSPECIFIED : v),
                (v, current, c) -> v == null ? Gender.UNSPECIFIED : v);
        slot(DEPARTMENTS, MemberRecord::departmentIds, (r, v) -> r.withDepartmentIds(v == null ? List.of() : List.copyOf(v)),
                (v, current, c) -> c.rules().departments().check(v, c.lookups()::departmentExists));
        optionalText(SEAT_ID, MemberRecord::seatId, MemberRecord::withSeatId);
        optionalText(EMPLOYEE_ID, MemberRecord::employeeId, MemberRecord::withEmployeeId);
        // Only a new date is checked: a member recorded with a date from before the range existed can still be
        // edited, and an import row repeating that date changes nothing.
        slot(EMPLOYMENT_DATE, MemberRecord::employmentDate, MemberRecord::withEmploymentDate,
                (v, current, c) -> Objects.equals(v, current) ? current : c.rules().dates().check(EMPLOYMENT_DATE.name(), v));
        slot(COUNTRY_REGION, MemberRecord::countryRegion, MemberRecord::withCountryRegion,
                (v, current, c) -> c.rules().countryRegion().check(v));
        optionalText(CITY, MemberRecord::city, MemberRecord::withCity);
        optionalText(EXTERNAL_ID, MemberRecord::externalId, MemberRecord::withExternalId);
        slot(MANAGER, MemberRecord::managerId, MemberRecord::withManagerId, (v, current, c) -> {
            if (v != null && !v.equals(current)) {
                c.rules().directManager().check(c.self(), v, c.lookups()::memberExists, c.lookups()::managerOf);
            }
            return v;
        });
        slot(DOTTED_LINE_MANAGERS, MemberRecord::dottedLineManagerIds,
                (r, v) -> r.withDottedLineManagerIds(v == null ? List.of() : List.copyOf(v)),
                (v, current, c) -> c.rules().dottedLineManagers().check(c.self(), v, c.lookups()::memberExists));
        slot(JOB_TITLE, MemberRecord::jobTitleId, MemberRecord::withJobTitleId,
                (v, current, c) -> c.rules().fieldValues().option(BuiltInFields.JOB_TITLE, v, c.fields()));
        slot(WORKFORCE_TYPE, MemberRecord::workforceTypeId, MemberRecord::withWorkforceTypeId,
                (v, current, c) -> c.rules().fieldValues().option(BuiltInFields.WORKFORCE_TYPE, v, c.fields()));
    }

    /** Every field's slot, in the order of {@link MemberFields#ALL}. */
    static final List<Slot<?>> ALL = MemberFields.ALL.stream().<Slot<?>>map(RecordFields::of).toList();

    private RecordFields() {
    }

    static Slot<?> of(MemberField<?, ?> field) {
        Slot<?> slot = SLOTS.get(field);
        if (slot == null) {
            throw new IllegalStateException("MemberRecord has no place for the field " + field);
        }
        return slot;
    }

    private static <V> void slot(MemberField<V, ?> field, Function<MemberRecord, V> value,
                                 BiFunction<MemberRecord, V, MemberRecord> with, Rule<V> rule) {
        SLOTS.put(field, new Slot<>(field, value, with, rule));
    }

    /** An optional text of at most 64 characters. */
    private static void optionalText(MemberField<String, ?> field, Function<MemberRecord, String> value,
                                     BiFunction<MemberRecord, String, MemberRecord> with) {
        slot(field, value, with, (v, current, c) -> c.rules().text().check(field.name(), v));
    }
}

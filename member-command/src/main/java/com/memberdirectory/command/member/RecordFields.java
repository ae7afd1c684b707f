package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.Gender;
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

/** Where {@link MemberRecord} holds each built-in field of {@link MemberFields}: the write side's only per-field list. */
final class RecordFields {

    /** One field's place in the record. */
    record Slot<V>(MemberField<V, ?> field, Function<MemberRecord, V> value,
                   BiFunction<MemberRecord, V, MemberRecord> with) {

        boolean differs(MemberRecord before, MemberRecord after) {
            return !Objects.equals(value.apply(before), value.apply(after));
        }

        FieldChange change(MemberRecord before, MemberRecord after) {
            return new FieldChange(field.name(), value.apply(before), value.apply(after));
        }

        MemberEvent event(MemberId member, MemberRecord before, MemberRecord after) {
            return field.changed(member, value.apply(before), value.apply(after));
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
        slot(NAME, MemberRecord::name, MemberRecord::withName);
        slot(SURNAME, MemberRecord::surname, MemberRecord::withSurname);
        slot(FIRST_NAME, MemberRecord::firstName, MemberRecord::withFirstName);
        slot(ALIAS, MemberRecord::alias, MemberRecord::withAlias);
        slot(USER_ID, MemberRecord::userId, MemberRecord::withUserId);
        slot(WORK_EMAIL, MemberRecord::workEmail, MemberRecord::withWorkEmail);
        slot(BUSINESS_EMAIL, MemberRecord::businessEmail, MemberRecord::withBusinessEmail);
        slot(LOGIN_EMAIL, MemberRecord::loginEmail, MemberRecord::withLoginEmail);
        slot(PHONE, MemberRecord::phone, MemberRecord::withPhone);
        slot(HIDE_PHONE, MemberRecord::hidePhone, (r, v) -> r.withHidePhone(Boolean.TRUE.equals(v)));
        // Revision-1 events carry no gender: such a member is UNSPECIFIED, as a new one is.
        slot(GENDER, MemberRecord::gender, (r, v) -> r.withGender(v == null ? Gender.UNSPECIFIED : v));
        slot(DEPARTMENTS, MemberRecord::departmentIds, (r, v) -> r.withDepartmentIds(v == null ? List.of() : List.copyOf(v)));
        slot(SEAT_ID, MemberRecord::seatId, MemberRecord::withSeatId);
        slot(EMPLOYEE_ID, MemberRecord::employeeId, MemberRecord::withEmployeeId);
        slot(EMPLOYMENT_DATE, MemberRecord::employmentDate, MemberRecord::withEmploymentDate);
        slot(COUNTRY_REGION, MemberRecord::countryRegion, MemberRecord::withCountryRegion);
        slot(CITY, MemberRecord::city, MemberRecord::withCity);
        slot(MANAGER, MemberRecord::managerId, MemberRecord::withManagerId);
        slot(DOTTED_LINE_MANAGERS, MemberRecord::dottedLineManagerIds,
                (r, v) -> r.withDottedLineManagerIds(v == null ? List.of() : List.copyOf(v)));
        slot(JOB_TITLE, MemberRecord::jobTitleId, MemberRecord::withJobTitleId);
        slot(WORKFORCE_TYPE, MemberRecord::workforceTypeId, MemberRecord::withWorkforceTypeId);
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
                                 BiFunction<MemberRecord, V, MemberRecord> with) {
        SLOTS.put(field, new Slot<>(field, value, with));
    }
}

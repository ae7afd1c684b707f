package com.memberdirectory.command.member;

import com.memberdirectory.kernel.Patch;
import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.FieldPlaces;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;

import java.lang.invoke.MethodHandles;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import static com.memberdirectory.kernel.member.MemberFields.*;

/**
 * The rule a new value of each built-in field of {@link MemberFields} must pass, and where {@link MemberRecord} holds
 * it: by the component of the field's name, unless a place of its own is given here. The write side's only per-field
 * list.
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
            Patch<V> requested = changes.get(field);
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

    /** How the record holds a field: how to read it, and a copy with it set. */
    private record Place<V>(Function<MemberRecord, V> value, BiFunction<MemberRecord, V, MemberRecord> with) {
    }

    private static final Map<MemberField<?, ?>, Rule<?>> RULES = new IdentityHashMap<>();
    private static final Map<MemberField<?, ?>, Place<?>> PLACES = new IdentityHashMap<>();

    static {
        // A plain-text field (MemberFields.TEXT) without a rule here is an optional text (textRule, below); every
        // other field must have one (MemberRecordDiffTest fails for a field a write asks for without a rule).
        rule(NAME, (v, current, c) -> c.rules().name().check(v));
        rule(USER_ID, (v, current, c) -> c.rules().userId().check(v));
        rule(WORK_EMAIL, (v, current, c) -> c.rules().email().check(WORK_EMAIL.name(), v));
        rule(BUSINESS_EMAIL, (v, current, c) -> c.rules().businessEmail().check(v));
        // LOGIN_EMAIL has no rule: decided by LoginEmailRule from the addresses above, never asked for.
        rule(PHONE, (v, current, c) -> c.rules().phone().check(v));
        rule(HIDE_PHONE, (v, current, c) -> Boolean.TRUE.equals(v));
        rule(GENDER, (v, current, c) -> v == null ? Gender.UNSPECIFIED : v);
        rule(DEPARTMENTS, (v, current, c) -> c.rules().departments().check(v, c.lookups()::departmentExists));
        // Only a new date is checked: a member recorded with a date from before the range existed can still be
        // edited, and an import row repeating that date changes nothing.
        rule(EMPLOYMENT_DATE,
                (v, current, c) -> Objects.equals(v, current) ? current : c.rules().dates().check(EMPLOYMENT_DATE.name(), v));
        rule(COUNTRY_REGION, (v, current, c) -> c.rules().countryRegion().check(v));
        rule(MANAGER, (v, current, c) -> {
            if (v != null && !v.equals(current)) {
                c.rules().directManager().check(c.self(), v, c.lookups()::memberExists, c.lookups()::managerOf);
            }
            return v;
        });
        rule(DOTTED_LINE_MANAGERS, (v, current, c) -> c.rules().dottedLineManagers().check(c.self(), v, c.lookups()::memberExists));
        rule(JOB_TITLE, (v, current, c) -> c.rules().fieldValues().option(BuiltInFields.JOB_TITLE, v, c.fields()));
        rule(WORKFORCE_TYPE, (v, current, c) -> c.rules().fieldValues().option(BuiltInFields.WORKFORCE_TYPE, v, c.fields()));

        // The fields the record holds in another form than their events carry, or under another name; every other
        // field is held by the component of its name, found once below.
        place(HIDE_PHONE, MemberRecord::hidePhone, (r, v) -> r.withHidePhone(Boolean.TRUE.equals(v)));
        // Revision-1 events carry no gender: such a member is UNSPECIFIED, as a new one is.
        place(GENDER, MemberRecord::gender, (r, v) -> r.withGender(v == null ? Gender.UNSPECIFIED : v));
        place(DEPARTMENTS, MemberRecord::departmentIds, (r, v) -> r.withDepartmentIds(v == null ? List.of() : List.copyOf(v)));
        place(DOTTED_LINE_MANAGERS, MemberRecord::dottedLineManagerIds,
                (r, v) -> r.withDottedLineManagerIds(v == null ? List.of() : List.copyOf(v)));
        place(JOB_TITLE, MemberRecord::jobTitleId, MemberRecord::withJobTitleId);
        place(WORKFORCE_TYPE, MemberRecord::workforceTypeId, MemberRecord::withWorkforceTypeId);
    }

    /**
     * Every field's slot, in the order of {@link MemberFields#ALL}: a field the record does not hold by its name and
     * has no place for above fails here, at start.
     */
    static final List<Slot<?>> ALL = MemberFields.ALL.stream().<Slot<?>>map(RecordFields::slot).toList();

    private static final Map<MemberField<?, ?>, Slot<?>> SLOTS = new IdentityHashMap<>();

    static {
        ALL.forEach(slot -> SLOTS.put(slot.field(), slot));
    }

    private RecordFields() {
    }

    static Slot<?> of(MemberField<?, ?> field) {
        Slot<?> slot = SLOTS.get(field);
        if (slot == null) {
            throw new IllegalStateException("MemberRecord has no place for the field " + field);
        }
        return slot;
    }

    @SuppressWarnings("unchecked")
    private static <V> Slot<V> slot(MemberField<V, ?> field) {
        Place<V> place = (Place<V>) PLACES.get(field);
        if (place == null) {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            place = new Place<>(FieldPlaces.component(lookup, MemberRecord.class, field),
                    FieldPlaces.wither(lookup, MemberRecord.class, field));
        }
        Rule<V> rule = (Rule<V>) RULES.get(field);
        if (rule == null && MemberFields.TEXT.contains(field)) {
            rule = (Rule<V>) textRule(field.name());
        }
        return new Slot<>(field, place.value(), place.with(), rule);
    }

    private static <V> void rule(MemberField<V, ?> field, Rule<V> rule) {
        RULES.put(field, rule);
    }

    private static <V> void place(MemberField<V, ?> field, Function<MemberRecord, V> value,
                                  BiFunction<MemberRecord, V, MemberRecord> with) {
        PLACES.put(field, new Place<>(value, with));
    }

    /** An optional text of at most 64 characters: the rule of a plain-text field that has no other. */
    private static Rule<String> textRule(String name) {
        return (v, current, c) -> c.rules().text().check(name, v);
    }
}

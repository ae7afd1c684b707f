package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.CustomFieldValueChanged;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberId;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The differences between two states of a member, field by field in the order of the schema: as the events that
 * record them, and as the changes a write reports (with the names of the Member JSON).
 */
final class MemberRecordDiff {

    private MemberRecordDiff() {
    }

    /** The changes a write reports; a derived field (the login email) is not one the caller asked for. */
    static List<FieldChange> between(MemberRecord before, MemberRecord after) {
        List<FieldChange> changes = new ArrayList<>();
        for (RecordFields.Slot<?> slot : RecordFields.ALL) {
            if (!slot.field().isDerived() && slot.differs(before, after)) {
                changes.add(slot.change(before, after));
            }
        }
        forEachCustomChange(before, after, (key, old, now) -> changes.add(new FieldChange("custom." + key, old, now)));
        return changes;
    }

    /** One event per changed field, custom fields last (by key). */
    static List<MemberEvent> events(MemberId member, MemberRecord before, MemberRecord after) {
        return events(member, before, after, slot -> true);
    }

    /** The event that records a new member: they sign in with their work email. */
    static MemberCreated creation(MemberId member, MemberRecord r) {
        return new MemberCreated(member, r.name(), r.surname(), r.firstName(), r.alias(), r.userId(), r.workEmail(),
                r.businessEmail(), r.phone(), r.hidePhone(), r.gender(), r.departmentIds(), r.seatId(), r.employeeId(),
                r.employmentDate(), r.countryRegion(), r.city(), r.managerId(), r.dottedLineManagerIds(),
                LoginEmailType.WORK_EMAIL, r.workEmail());
    }

    /**
     * The events that follow {@code MemberCreated}: one per field it does not carry (the option fields) and per custom
     * field that has a value.
     */
    static List<MemberEvent> eventsAfterCreation(MemberId member, MemberRecord created, MemberRecord wanted) {
        return events(member, created, wanted, slot -> !slot.field().inCreated());
    }

    private static List<MemberEvent> events(MemberId member, MemberRecord before, MemberRecord after,
                                            Predicate<RecordFields.Slot<?>> which) {
        List<MemberEvent> events = new ArrayList<>();
        for (RecordFields.Slot<?> slot : RecordFields.ALL) {
            if (which.test(slot) && slot.differs(before, after)) {
                events.add(slot.event(member, before, after));
            }
        }
        forEachCustomChange(before, after, (key, old, now) -> events.add(new CustomFieldValueChanged(member, key, old, now)));
        return events;
    }

    private interface CustomChange {
        void accept(String key, List<String> before, List<String> after);
    }

    private static void forEachCustomChange(MemberRecord before, MemberRecord after, CustomChange action) {
        Set<String> keys = new TreeSet<>(before.custom().keySet());
        keys.addAll(after.custom().keySet());
        for (String key : keys) {
            List<String> old = before.custom().getOrDefault(key, List.of());
            List<String> now = after.custom().getOrDefault(key, List.of());
            if (!old.equals(now)) {
                action.accept(key, old, now);
            }
        }
    }
}

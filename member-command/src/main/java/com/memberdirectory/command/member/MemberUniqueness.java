package com.memberdirectory.command.member;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The lookup-table claims of a member's unique fields, as {@link MemberField#uniqueness()} declares them. */
final class MemberUniqueness {

    /** A unique field: its lookup-table kind, how a value is keyed, and the field name errors report. */
    private record UniqueField(UniqueKind kind, String field, Function<MemberRecord, String> key) {

        static UniqueField of(RecordFields.Slot<?> slot) {
            MemberField.Uniqueness uniqueness = slot.field().uniqueness();
            return new UniqueField(UniqueKind.valueOf(uniqueness.namespace()), slot.field().name(),
                    record -> uniqueness.key(slot.value().apply(record)));
        }
    }

    // Derived fields last: a taken work or business email is reported as such before the login email that follows it.
    private static final List<UniqueField> UNIQUE_FIELDS = RecordFields.ALL.stream()
            .filter(slot -> slot.field().uniqueness() != null)
            .sorted(Comparator.comparing(slot -> slot.field().isDerived()))
            .map(UniqueField::of)
            .toList();

    private MemberUniqueness() {
    }

    /** The uniqueness check of {@link #claimChanged} without claiming anything (dry run). */
    static void checkFree(UniqueValues unique, MemberRecord before, MemberRecord after, String owner) {
        for (UniqueField field : UNIQUE_FIELDS) {
            String newKey = field.key().apply(after);
            if (newKey != null && !newKey.equals(field.key().apply(before))
                    && unique.ownerOf(field.kind(), newKey).filter(holder -> !holder.equals(owner)).isPresent()) {
                throw duplicate(field);
            }
        }
    }

    /**
     * Claims every unique value that changed (refusing duplicates), and leaves each old one to {@code releases},
     * which gives it up once the command's claims have all been made.
     */
    static void claimChanged(UniqueValues unique, MemberRecord before, MemberRecord after, String owner,
                             MemberClaims.Releases releases) {
        for (UniqueField field : UNIQUE_FIELDS) {
            String oldKey = field.key().apply(before);
            String newKey = field.key().apply(after);
            if (newKey != null && !newKey.equals(oldKey)) {
                if (!unique.claim(field.kind(), newKey, owner)) {
                    throw duplicate(field);
                }
                releases.cancel(field.kind(), newKey);
            }
            if (oldKey != null && !oldKey.equals(newKey)) {
                releases.later(field.kind(), oldKey, owner);
            }
        }
    }

    /** Gives up every unique value the member holds (the offboarding): another member may take each at once. */
    static void releaseAll(UniqueValues unique, MemberRecord record, String owner) {
        for (UniqueField field : UNIQUE_FIELDS) {
            String key = field.key().apply(record);
            if (key != null) {
                unique.release(field.kind(), key, owner);
            }
        }
    }

    private static DomainRuleViolation duplicate(UniqueField field) {
        return new DomainRuleViolation(ErrorCode.DUPLICATE_VALUE, field.field(),
                "Another member already has this " + field.field() + ".");
    }
}

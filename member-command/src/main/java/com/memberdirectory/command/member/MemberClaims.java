package com.memberdirectory.command.member;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberOffboarded;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The lookup-table entries of a member, kept in step with its events by the write side. Every event a member
 * records passes here before it is applied (from the one method of {@link Member} that applies events), with the
 * member before and after it, so no command can forget a claim or a release:
 * <ul>
 *   <li>a unique value the event gives the member is claimed at once — a value another member holds refuses the
 *       command, whose transaction then rolls back; the value it gives up is released when the command's unit of
 *       work commits, after every claim of the command, so a command refused midway has given nothing up (without
 *       MongoDB transactions too, where nothing rolls back);</li>
 *   <li>the member's entry in the manager graph (keyed by the member) and its record of option use move at once;</li>
 *   <li>a created member is listed as a member; an offboarded one gives up every unique value and that listing,
 *       leaves the manager graph and is listed as offboarded.</li>
 * </ul>
 * The locks a change needs (option lists, the manager graph) are taken by the decision, before the rules decide.
 */
final class MemberClaims {

    private MemberClaims() {
    }

    static void follow(UniqueValues unique, MemberEvent event, MemberRecord before, MemberRecord after, String owner) {
        if (event instanceof MemberOffboarded) {
            MemberUniqueness.releaseAll(unique, before, owner);
            unique.release(UniqueKind.MEMBER, owner, owner);
            unique.claim(UniqueKind.OFFBOARDED_MEMBER, owner, owner);
            MemberLookupTable.moveManagerClaim(unique, owner, before.managerId(), null);
            return;
        }
        MemberUniqueness.claimChanged(unique, before, after, owner, Releases.of(unique));
        if (event instanceof MemberCreated) {
            unique.claim(UniqueKind.MEMBER, owner, owner);
        }
        if (usesOtherOptions(before, after)) {
            MemberLookupTable.recordOptionUse(unique, new MemberLookupTable.OptionFields(unique), before, after, owner);
        }
        if (!Objects.equals(before.managerId(), after.managerId())) {
            MemberLookupTable.moveManagerClaim(unique, owner, before.managerId(), after.managerId());
        }
    }

    /** Only fields that may hold options: the others never change what the member uses (and cost no look-up). */
    private static boolean usesOtherOptions(MemberRecord before, MemberRecord after) {
        return !Objects.equals(before.jobTitleId(), after.jobTitleId())
                || !Objects.equals(before.workforceTypeId(), after.workforceTypeId())
                || !Objects.equals(before.custom(), after.custom());
    }

    /**
     * The unique values a command gives up, released as its unit of work commits (in its transaction), after all its
     * claims; a value the same command takes again meanwhile is kept.
     */
    static final class Releases {

        private final UniqueValues unique;
        private final boolean atOnce;
        private final Map<String, Runnable> pending = new LinkedHashMap<>();

        private Releases(UniqueValues unique, boolean atOnce) {
            this.unique = unique;
            this.atOnce = atOnce;
        }

        /** The command's releases (one per unit of work); outside of one, each release is made at once. */
        static Releases of(UniqueValues unique) {
            if (!CurrentUnitOfWork.isStarted()) {
                return new Releases(unique, true);
            }
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            return unitOfWork.getOrComputeResource(Releases.class.getName() + "/" + System.identityHashCode(unique),
                    key -> {
                        Releases releases = new Releases(unique, false);
                        unitOfWork.onPrepareCommit(u -> releases.pending.values().forEach(Runnable::run));
                        return releases;
                    });
        }

        void later(UniqueKind kind, String value, String owner) {
            if (atOnce) {
                unique.release(kind, value, owner);
            } else {
                pending.put(kind + "/" + value, () -> unique.release(kind, value, owner));
            }
        }

        void cancel(UniqueKind kind, String value) {
            pending.remove(kind + "/" + value);
        }
    }
}

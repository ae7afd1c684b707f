package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberOffboarded;
import com.memberdirectory.kernel.member.MemberResumed;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberSuspended;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.Optional;

/**
 * The member lifecycle (docs/lifecycle.md), decided on the status a member shows: INACTIVE or ACTIVE, SUSPENDED,
 * OFFBOARDED.
 * <ul>
 *     <li>An offboarded member changes no more: no edit, login, photo, activation, suspension or resumption
 *     ({@code member_offboarded}); offboarding them again changes nothing.</li>
 *     <li>A suspended member cannot be activated ({@code member_suspended}); the rest of their record can be edited.</li>
 *     <li>Suspending a suspended member and resuming one who is not suspended change nothing (no event): the
 *     caller asked for a state the member is in already, as activating an active member changes nothing.</li>
 * </ul>
 */
public final class LifecycleRule {

    /** Any change of the member's record, login or photo: refused once the member is offboarded. */
    public void checkChangeable(MemberStatus status) {
        if (status == MemberStatus.OFFBOARDED) {
            throw new DomainRuleViolation(ErrorCode.MEMBER_OFFBOARDED, "status",
                    "This member has been offboarded: their record is kept for the history and changes no more.");
        }
    }

    /** The first sign-in: not while suspended, never once offboarded. */
    public void checkActivatable(MemberStatus status) {
        checkChangeable(status);
        if (status == MemberStatus.SUSPENDED) {
            throw new DomainRuleViolation(ErrorCode.MEMBER_SUSPENDED, "status",
                    "This member is suspended and cannot sign in; resume them first.");
        }
    }

    /** @return whether suspending the member records anything (false: suspended already) */
    public boolean suspends(MemberStatus status) {
        checkChangeable(status);
        return status != MemberStatus.SUSPENDED;
    }

    /** @return whether resuming the member records anything (false: not suspended) */
    public boolean resumes(MemberStatus status) {
        checkChangeable(status);
        return status == MemberStatus.SUSPENDED;
    }

    /** @return whether offboarding the member records anything (false: offboarded already) */
    public boolean offboards(MemberStatus status) {
        return status != MemberStatus.OFFBOARDED;
    }

    /** A change of the status a member shows: the event that records it and the change a write reports. */
    public record StatusChange(MemberEvent event, MemberStatus before, MemberStatus after) {

        public FieldChange change() {
            return new FieldChange("status", before, after);
        }
    }

    /** Suspending the member: nothing when suspended already; refused once offboarded. */
    public Optional<StatusChange> suspension(MemberId member, MemberStatus shown) {
        return suspends(shown) ? Optional.of(new StatusChange(new MemberSuspended(member, shown), shown,
                MemberStatus.SUSPENDED)) : Optional.empty();
    }

    /**
     * Lifting the suspension, back to the activation the member had ({@code activation}: INACTIVE or ACTIVE):
     * nothing when not suspended; refused once offboarded.
     */
    public Optional<StatusChange> resumption(MemberId member, MemberStatus shown, MemberStatus activation) {
        return resumes(shown) ? Optional.of(new StatusChange(new MemberResumed(member, activation),
                MemberStatus.SUSPENDED, activation)) : Optional.empty();
    }

    /** Offboarding the member: nothing when offboarded already. */
    public Optional<StatusChange> offboarding(MemberId member, MemberStatus shown) {
        return offboards(shown) ? Optional.of(new StatusChange(new MemberOffboarded(member, shown), shown,
                MemberStatus.OFFBOARDED)) : Optional.empty();
    }
}

package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** A direct manager is an existing member, not the member itself, and never closes a cycle of managers. */
public final class DirectManagerRule {

    /**
     * @param managerOf the current direct manager of a member (null: none)
     */
    public void check(MemberId self, MemberId manager, Predicate<MemberId> exists, Function<MemberId, MemberId> managerOf) {
        if (manager == null) {
            return;
        }
        if (manager.equals(self)) {
            throw new DomainRuleViolation(ErrorCode.SELF_MANAGER, "managerId", "A member cannot be their own manager.");
        }
        if (!exists.test(manager)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_MEMBER, "managerId", "There is no member '" + manager + "'.");
        }
        Set<MemberId> seen = new HashSet<>();
        for (MemberId above = manager; above != null && seen.add(above); above = managerOf.apply(above)) {
            if (above.equals(self)) {
                throw new DomainRuleViolation(ErrorCode.MANAGER_CYCLE, "managerId",
                        "'" + manager + "' reports (directly or indirectly) to this member; that would be a cycle.");
            }
        }
    }
}

package com.memberdirectory.kernel.access;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

/**
 * Who may make changes that reach every member at once (docs/permissions.md): field definitions and options and the
 * notification settings need the permission for the whole organization (an admin of some departments would change what
 * every other admin's members show); admin rights are granted and revoked by the primary admin alone.
 * The aggregates of those settings decide with it, as the member decides with its own policy.
 */
public final class DirectoryWideChanges {

    private DirectoryWideChanges() {
    }

    public static void requireOrganizationWide(Actor actor, String what) {
        if (actor == null || !actor.isOrganizationWide()) {
            throw new DomainRuleViolation(ErrorCode.FORBIDDEN, "actor", actor == null || actor.reach() == Reach.NONE
                    ? what + " needs the MEMBER_AND_DEPARTMENT permission."
                    : what + " changes the whole directory: it needs the permission for the whole organization, "
                    + "not for some departments.");
        }
    }

    public static void requirePrimary(Actor actor, String what) {
        if (actor == null || actor.reach() != Reach.PRIMARY) {
            throw new DomainRuleViolation(ErrorCode.FORBIDDEN, "actor", what + ": only the primary administrator may do this.");
        }
    }
}

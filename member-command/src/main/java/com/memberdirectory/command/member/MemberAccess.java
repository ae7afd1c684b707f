package com.memberdirectory.command.member;

import com.memberdirectory.command.admin.WriteAccessPolicy;
import com.memberdirectory.command.department.DepartmentAncestry;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;

import java.util.List;
import java.util.Objects;

/**
 * Whether an actor may change a member (docs/permissions.md), decided by {@link WriteAccessPolicy} on the member's
 * own departments as the aggregate holds them and on the departments a change gives it.
 */
record MemberAccess(WriteAccessPolicy policy) {

    /** The policy over the department tree the lookup table holds now. */
    static MemberAccess of(UniqueValues unique) {
        return new MemberAccess(new WriteAccessPolicy(DepartmentAncestry.of(unique)));
    }

    /**
     * @param before the member's departments now (empty for a new member)
     * @param after  its departments after the change (null or empty: left to the department rule)
     */
    void checkChange(Actor actor, List<DepartmentId> before, List<DepartmentId> after) {
        policy.checkMemberChange(actor, ids(before), ids(after));
    }

    /** A write of these fields to a member now in those departments (none for a new member). */
    void checkWrite(Actor actor, List<DepartmentId> before, MemberChanges changes) {
        checkChange(actor, before, changes.get(MemberFields.DEPARTMENTS).orElse(before));
    }

    /** A change that leaves the member's departments as they are (login, photo, lifecycle). */
    void checkMayChange(Actor actor, List<DepartmentId> departments) {
        checkChange(actor, departments, departments);
    }

    private static List<String> ids(List<DepartmentId> departments) {
        return departments == null ? List.of()
                : departments.stream().filter(Objects::nonNull).map(DepartmentId::value).toList();
    }
}

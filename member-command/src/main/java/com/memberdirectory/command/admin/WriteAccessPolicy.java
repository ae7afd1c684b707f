package com.memberdirectory.command.admin;

import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decided inside every write command: who may change which member, and where new departments may go
 * (docs/permissions.md). The primary admin and admins of the whole organization change anyone; an admin limited to
 * departments changes only members who belong to one of them (sub-departments included) and places members and new
 * departments only inside them; anyone else changes nothing. The aggregate passes its own current departments, so a
 * member moved out of an admin's departments a moment ago is out of their reach at once.
 */
public final class WriteAccessPolicy {

    private final Function<String, List<String>> ancestorsOf;

    /** @param ancestorsOf the ids above a department, from the top of the tree down to its parent */
    public WriteAccessPolicy(Function<String, List<String>> ancestorsOf) {
        this.ancestorsOf = ancestorsOf;
    }

    /**
     * @param before the member's departments now (empty for a new member)
     * @param after  the member's departments after the change (null or empty: left to the department rule)
     */
    public void checkMemberChange(Actor actor, Collection<String> before, Collection<String> after) {
        DepartmentScope scope = scopeOf(actor, "Changing members needs the MEMBER_AND_DEPARTMENT permission.");
        if (scope.isWholeOrganization()) {
            return;
        }
        List<String> was = ids(before);
        if (!was.isEmpty() && !scope.coversMemberOf(was, ancestorsOf)) {
            throw forbidden("This member is outside the departments you administer.");
        }
        if (!scope.allowsMove(was, ids(after), ancestorsOf)) {
            throw forbidden("You can only place members in departments you administer.");
        }
    }

    /** @param parentId the new department's parent; null: at the top of the tree */
    public void checkDepartmentCreation(Actor actor, String parentId) {
        DepartmentScope scope = scopeOf(actor, "Creating departments needs the MEMBER_AND_DEPARTMENT permission.");
        if (!scope.isWholeOrganization() && (parentId == null || !scope.contains(parentId, ancestorsOf))) {
            throw new DomainRuleViolation(ErrorCode.FORBIDDEN, "parentId",
                    "You can only create departments inside the departments you administer.");
        }
    }

    private static DepartmentScope scopeOf(Actor actor, String noPermission) {
        if (actor == null) {
            throw new IllegalArgumentException("A write command names its actor");
        }
        return switch (actor.reach()) {
            case PRIMARY, ORGANIZATION -> new DepartmentScope(java.util.Set.of());
            case DEPARTMENTS -> new DepartmentScope(actor.departmentIds());
            case NONE -> throw new DomainRuleViolation(ErrorCode.FORBIDDEN, "actor", noPermission);
        };
    }

    private static DomainRuleViolation forbidden(String message) {
        return new DomainRuleViolation(ErrorCode.FORBIDDEN, "departmentIds", message);
    }

    private static List<String> ids(Collection<String> departments) {
        return departments == null ? List.of() : departments.stream().filter(Objects::nonNull).toList();
    }
}

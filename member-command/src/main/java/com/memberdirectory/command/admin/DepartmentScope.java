package com.memberdirectory.command.admin;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The departments an administrator's grant is limited to (empty: the whole organization). A department is
 * in scope when it is one of the scope's departments or below one of them.
 */
public record DepartmentScope(Set<String> departmentIds) {

    public DepartmentScope {
        departmentIds = Set.copyOf(departmentIds);
    }

    public boolean isWholeOrganization() {
        return departmentIds.isEmpty();
    }

    /** @param ancestorsOf the ids above a department, from the top of the tree down to its parent */
    public boolean contains(String departmentId, Function<String, List<String>> ancestorsOf) {
        if (isWholeOrganization() || departmentIds.contains(departmentId)) {
            return true;
        }
        return ancestorsOf.apply(departmentId).stream().anyMatch(departmentIds::contains);
    }

    /** A member belongs to the scope when one of its departments is in scope. */
    public boolean coversMemberOf(Collection<String> memberDepartments, Function<String, List<String>> ancestorsOf) {
        return isWholeOrganization() || memberDepartments.stream().anyMatch(d -> contains(d, ancestorsOf));
    }

    /**
     * A scoped administrator may only put members into departments they manage: every department of
     * {@code after} that was not already in {@code before} must be in scope.
     */
    public boolean allowsMove(Collection<String> before, Collection<String> after,
                              Function<String, List<String>> ancestorsOf) {
        return after.stream().filter(d -> !before.contains(d)).allMatch(d -> contains(d, ancestorsOf));
    }
}

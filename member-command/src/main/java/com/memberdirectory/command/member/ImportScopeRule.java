package com.memberdirectory.command.member;

import com.memberdirectory.command.admin.DepartmentScope;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * SPEC §1 for a spreadsheet row: an admin whose grant is limited to some departments changes only members who
 * belong to one of them, and places members only in them. The import carries the scope as it was when it was
 * queued, sub-departments already included, so the check needs no department tree.
 */
final class ImportScopeRule {

    private ImportScopeRule() {
    }

    /**
     * @param scope  the departments the importing admin may write members of (empty: the whole organization)
     * @param before the member's departments now
     * @param after  the member's departments after the row
     */
    static void check(Set<String> scope, Collection<DepartmentId> before, Collection<DepartmentId> after) {
        DepartmentScope departments = new DepartmentScope(scope);
        if (departments.isWholeOrganization()) {
            return;
        }
        List<String> was = ids(before);
        List<String> will = ids(after);
        if (!departments.coversMemberOf(was, id -> List.of())) {
            throw new DomainRuleViolation(ErrorCode.FORBIDDEN, "departmentIds",
                    "This member is outside the departments you administer.");
        }
        if (!departments.allowsMove(was, will, id -> List.of())) {
            throw new DomainRuleViolation(ErrorCode.FORBIDDEN, "departmentIds",
                    "You can only place members in departments you administer.");
        }
    }

    private static List<String> ids(Collection<DepartmentId> departments) {
        return departments == null ? List.of()
                : departments.stream().filter(java.util.Objects::nonNull).map(DepartmentId::value).toList();
    }
}

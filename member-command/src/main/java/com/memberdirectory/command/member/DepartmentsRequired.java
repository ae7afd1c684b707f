package com.memberdirectory.command.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * A member belongs to at least one and at most {@link ValueLimits#MAX_DEPARTMENTS} existing departments; the first
 * one is the primary department.
 */
public final class DepartmentsRequired {

    /** @return the departments without duplicates, primary first */
    public List<DepartmentId> check(List<DepartmentId> departmentIds, Predicate<DepartmentId> exists) {
        if (departmentIds == null || departmentIds.isEmpty()) {
            throw new DomainRuleViolation(ErrorCode.DEPARTMENT_REQUIRED, "departmentIds",
                    "A member belongs to at least one department.");
        }
        List<DepartmentId> distinct = new ArrayList<>(new LinkedHashSet<>(departmentIds));
        // counted before any lookup, so an oversized list costs nothing
        if (distinct.size() > ValueLimits.MAX_DEPARTMENTS) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "departmentIds",
                    "A member belongs to at most " + ValueLimits.MAX_DEPARTMENTS + " departments.");
        }
        for (DepartmentId id : distinct) {
            if (id == null || !exists.test(id)) {
                throw new DomainRuleViolation(ErrorCode.UNKNOWN_DEPARTMENT, "departmentIds",
                        "There is no department '" + id + "'.");
            }
        }
        return List.copyOf(distinct);
    }
}

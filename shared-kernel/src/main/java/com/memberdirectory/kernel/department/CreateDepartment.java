package com.memberdirectory.kernel.department;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateDepartment(@TargetAggregateIdentifier DepartmentId departmentId, String name,
                               DepartmentId parentId) {
}

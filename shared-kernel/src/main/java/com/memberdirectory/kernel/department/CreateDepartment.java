package com.memberdirectory.kernel.department;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a department; an actor limited to departments adds them only below one of theirs. */
public record CreateDepartment(@TargetAggregateIdentifier DepartmentId departmentId, String name,
                               DepartmentId parentId, Actor actor) {
}

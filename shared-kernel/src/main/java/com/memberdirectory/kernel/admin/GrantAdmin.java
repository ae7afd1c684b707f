package com.memberdirectory.kernel.admin;

import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.department.DepartmentId;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record GrantAdmin(@TargetAggregateIdentifier String subject, Set<Permission> permissions,
                         List<DepartmentId> departmentIds, Actor actor) {
}

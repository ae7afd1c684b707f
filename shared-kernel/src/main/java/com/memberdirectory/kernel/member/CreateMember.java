package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.department.DepartmentId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a member; {@code userId} is generated when null. */
public record CreateMember(@TargetAggregateIdentifier MemberId memberId,
                           String name,
                           String userId,
                           String workEmail,
                           String phone,
                           List<DepartmentId> departmentIds) {
}

package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.department.DepartmentId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The member's departments changed; the first is the primary department. */
@Revision("1")
public record DepartmentsChanged(MemberId memberId, List<DepartmentId> before, List<DepartmentId> after)
        implements MemberEvent {
}

package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.department.DepartmentId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A member was added to the directory (always INACTIVE). Optional fields are null when not given. */
@Revision("1")
public record MemberCreated(MemberId memberId,
                            String name,
                            String userId,
                            String workEmail,
                            String phone,
                            List<DepartmentId> departmentIds,
                            LoginEmailType loginEmailType,
                            String loginEmail) implements MemberEvent {
}

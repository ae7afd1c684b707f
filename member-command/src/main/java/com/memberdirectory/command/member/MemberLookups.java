package com.memberdirectory.command.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.MemberId;

/** What the member rules need to know about the rest of the directory. */
interface MemberLookups {

    boolean departmentExists(DepartmentId id);

    boolean memberExists(MemberId id);

    /** The current direct manager of {@code id}, or null. */
    MemberId managerOf(MemberId id);
}

package com.memberdirectory.kernel.admin;

import com.memberdirectory.kernel.department.DepartmentId;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A subject was made (or re-made) an administrator; empty {@code departmentIds}: the whole organization. */
@Revision("1")
public record AdminGranted(String subject, Set<Permission> permissions, List<DepartmentId> departmentIds)
        implements AdminEvent {
}

package com.memberdirectory.kernel.department;

import org.axonframework.serialization.Revision;

/** A department was created under {@code parentId} (null: at the top); {@code path} is like {@code Sales/EMEA}. */
@Revision("1")
public record DepartmentCreated(DepartmentId departmentId, String name, DepartmentId parentId, String path)
        implements DepartmentEvent {
}

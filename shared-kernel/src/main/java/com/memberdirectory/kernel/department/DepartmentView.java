package com.memberdirectory.kernel.department;

import java.util.List;

/** A department with its path and the ids of its ancestors (nearest last). */
public record DepartmentView(String id, String name, String parentId, String path, List<String> ancestorIds) {
}

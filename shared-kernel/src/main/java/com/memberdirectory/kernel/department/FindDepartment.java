package com.memberdirectory.kernel.department;

public record FindDepartment(DepartmentId departmentId) {
}

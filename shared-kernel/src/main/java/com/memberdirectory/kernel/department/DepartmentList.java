package com.memberdirectory.kernel.department;

import java.util.List;

public record DepartmentList(List<DepartmentView> items) {
}

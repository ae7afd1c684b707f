package com.memberdirectory.kernel.department;

public record ListDepartments() {
}

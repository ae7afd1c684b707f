package com.memberdirectory.kernel.member;

import java.util.Set;

/** The ids of the members in these departments or below them (an admin's scope). */
public record MembersInDepartments(Set<String> departmentIds) {
}

package com.memberdirectory.kernel.admin;

import java.util.List;
import java.util.Set;

public record AdminView(String subject, Set<Permission> permissions, List<String> departmentIds, long version) {
}

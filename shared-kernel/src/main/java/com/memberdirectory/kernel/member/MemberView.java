package com.memberdirectory.kernel.member;

import java.util.List;

/** A member as the member list shows it. */
public record MemberView(String id,
                         long version,
                         MemberStatus status,
                         String name,
                         String userId,
                         String workEmail,
                         String loginEmail,
                         LoginEmailType loginEmailType,
                         String phone,
                         List<String> departmentIds) {
}

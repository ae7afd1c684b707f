package com.memberdirectory.app.http.member;

import java.util.List;

/** Body of {@code POST /api/members}: a member without id, version and status. */
public record CreateMemberRequest(String name,
                                  String userId,
                                  String workEmail,
                                  String phone,
                                  List<String> departmentIds) {
}

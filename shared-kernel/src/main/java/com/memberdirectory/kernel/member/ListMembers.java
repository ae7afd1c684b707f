package com.memberdirectory.kernel.member;

/** A page of the member list, filtered by department, status and a free-text query. */
public record ListMembers(String departmentId, MemberStatus status, String q, Boolean withoutLoginPassword, int page,
                          int size) {
}

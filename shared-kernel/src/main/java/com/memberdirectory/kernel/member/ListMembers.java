package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Viewer;

/**
 * A page of the member list, filtered by department, status and a free-text query.
 *
 * @param viewer who asks: {@code q} matches only what this viewer may see, and {@code withoutLoginPassword}
 *               counts only members whose login details this viewer may see
 */
public record ListMembers(String departmentId, MemberStatus status, String q, Boolean withoutLoginPassword, int page,
                          int size, Viewer viewer) {

    public ListMembers {
        if (viewer == null) {
            throw new IllegalArgumentException("A member list is read by a viewer");
        }
    }
}

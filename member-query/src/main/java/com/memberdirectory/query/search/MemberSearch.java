package com.memberdirectory.query.search;

import com.memberdirectory.kernel.access.Viewer;

import java.util.Set;

/**
 * One page of the member list as a search: every condition must hold.
 *
 * @param departmentIds         members in any of these departments (a department and its sub-departments);
 *                              null: any
 * @param status                null: any
 * @param q                     free text, matched as {@link SearchText} says against what {@code viewer} may see;
 *                              null or blank: any
 * @param withoutLoginPassword  true: only members without a login password whose login details the viewer sees
 * @param viewer                who searches
 * @param offset                members skipped, in list order (name, then id)
 * @param limit                 members returned at most
 */
public record MemberSearch(Set<String> departmentIds, String status, String q, boolean withoutLoginPassword,
                           Viewer viewer, long offset, int limit) {

    public MemberSearch {
        if (viewer == null) {
            throw new IllegalArgumentException("A search is made by a viewer");
        }
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit are not negative");
        }
        departmentIds = departmentIds == null ? null : Set.copyOf(departmentIds);
    }

    /** The folded query, or empty when {@code q} searches for nothing (absent, blank, or nothing left once folded). */
    public String foldedQuery() {
        return q == null ? "" : SearchText.fold(q.strip());
    }
}

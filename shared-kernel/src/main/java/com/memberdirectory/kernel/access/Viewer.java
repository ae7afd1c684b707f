package com.memberdirectory.kernel.access;

import java.util.Collection;
import java.util.Set;

/**
 * Who reads, as far as visibility is concerned ({@link MemberVisibility}).
 *
 * @param subject       the caller's subject
 * @param reach         how far the caller's grant reaches
 * @param departmentIds with {@link Reach#DEPARTMENTS}: every department in scope, sub-departments included;
 *                      empty otherwise
 */
public record Viewer(String subject, Reach reach, Set<String> departmentIds) {

    public Viewer {
        if (reach == null) {
            throw new IllegalArgumentException("A viewer has a reach");
        }
        departmentIds = reach == Reach.DEPARTMENTS ? Set.copyOf(departmentIds) : Set.of();
    }

    public static Viewer organization(String subject) {
        return new Viewer(subject, Reach.ORGANIZATION, Set.of());
    }

    public static Viewer departments(String subject, Set<String> departmentIdsWithSubDepartments) {
        return new Viewer(subject, Reach.DEPARTMENTS, departmentIdsWithSubDepartments);
    }

    public static Viewer publicOnly(String subject) {
        return new Viewer(subject, Reach.NONE, Set.of());
    }

    /** Sees everything of a member who is in these departments: org-wide, or one of them is in scope. */
    public boolean seesAllOf(Collection<String> memberDepartmentIds) {
        return switch (reach) {
            case PRIMARY, ORGANIZATION -> true;
            case DEPARTMENTS -> memberDepartmentIds != null && memberDepartmentIds.stream().anyMatch(departmentIds::contains);
            case NONE -> false;
        };
    }

    public boolean isOrganizationWide() {
        return reach == Reach.PRIMARY || reach == Reach.ORGANIZATION;
    }
}

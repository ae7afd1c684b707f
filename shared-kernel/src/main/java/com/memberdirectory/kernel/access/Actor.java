package com.memberdirectory.kernel.access;

import java.util.Set;

/**
 * Who sends a write command and which members they may write. Every member and department command carries
 * one; the aggregate decides against its own current state, so no read-model lag can let a write through.
 *
 * @param subject       the caller's subject (the token's {@code sub})
 * @param reach         how far the grant reaches
 * @param departmentIds with {@link Reach#DEPARTMENTS}: the departments of the grant (their sub-departments are
 *                      in scope too, whether listed or not); empty otherwise
 */
public record Actor(String subject, Reach reach, Set<String> departmentIds) {

    public Actor {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("An actor has a subject");
        }
        if (reach == null) {
            throw new IllegalArgumentException("An actor has a reach");
        }
        departmentIds = reach == Reach.DEPARTMENTS ? Set.copyOf(departmentIds) : Set.of();
        if (reach == Reach.DEPARTMENTS && departmentIds.isEmpty()) {
            throw new IllegalArgumentException("A grant limited to departments names at least one");
        }
    }

    public static Actor primary(String subject) {
        return new Actor(subject, Reach.PRIMARY, Set.of());
    }

    public static Actor organization(String subject) {
        return new Actor(subject, Reach.ORGANIZATION, Set.of());
    }

    public static Actor departments(String subject, Set<String> departmentIds) {
        return new Actor(subject, Reach.DEPARTMENTS, departmentIds);
    }

    public static Actor none(String subject) {
        return new Actor(subject, Reach.NONE, Set.of());
    }

    /** The primary admin or an admin of the whole organization. */
    public boolean isOrganizationWide() {
        return reach == Reach.PRIMARY || reach == Reach.ORGANIZATION;
    }
}

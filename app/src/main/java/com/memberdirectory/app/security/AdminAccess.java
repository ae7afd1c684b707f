package com.memberdirectory.app.security;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.command.admin.DepartmentScope;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.access.Reach;
import com.memberdirectory.kernel.access.Viewer;
import com.memberdirectory.kernel.admin.AdminView;
import com.memberdirectory.kernel.admin.FindAdmin;
import com.memberdirectory.kernel.admin.Permission;
import com.memberdirectory.kernel.department.DepartmentList;
import com.memberdirectory.kernel.department.DepartmentView;
import com.memberdirectory.kernel.department.ListDepartments;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who the caller is as far as permissions go (docs/permissions.md): the primary admin, an admin of the whole
 * organization, an admin limited to departments, or anyone else. It answers the caller's {@link Actor} for write
 * commands (the aggregates decide with it) and {@link Viewer} for reads (every read path applies
 * {@link com.memberdirectory.kernel.access.MemberVisibility} with it); it decides nothing about a member itself.
 */
@Component
public class AdminAccess {

    private final String primaryAdmin;
    private final ReadModel readModel;

    AdminAccess(DirectoryProperties properties, ReadModel readModel) {
        this.primaryAdmin = properties.security().primaryAdmin();
        this.readModel = readModel;
    }

    public String subject() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null ? null : caller.getName();
    }

    public boolean isPrimaryAdmin() {
        return primaryAdmin.equals(subject());
    }

    public void requirePrimaryAdmin() {
        if (!isPrimaryAdmin()) {
            throw ApiException.forbidden("Only the primary administrator may do this.");
        }
    }

    /** Primary admin, or an admin with the "Member and Department" permission (whatever the scope). */
    public void requireAdmin() {
        if (reach() == Reach.NONE) {
            throw ApiException.forbidden("This needs the MEMBER_AND_DEPARTMENT permission.");
        }
    }

    /** The caller as the actor of a write command; the aggregate decides what it may change. */
    public Actor actor() {
        String subject = subject();
        if (isPrimaryAdmin()) {
            return Actor.primary(subject);
        }
        return memberAdminGrant()
                .map(grant -> grant.departmentIds().isEmpty() ? Actor.organization(subject)
                        : Actor.departments(subject, Set.copyOf(grant.departmentIds())))
                .orElseGet(() -> Actor.none(subject));
    }

    /** The caller as a reader: what of each member they see. */
    public Viewer viewer() {
        return viewerOf(actor());
    }

    /** The caller as a reader of what only administrators read (the change list, the notification log). */
    public Viewer adminViewer() {
        Viewer viewer = viewer();
        if (viewer.reach() == Reach.NONE) {
            throw ApiException.forbidden("This needs the MEMBER_AND_DEPARTMENT permission.");
        }
        return viewer;
    }

    /**
     * The departments whose members the caller may write, sub-departments included, for work that runs later
     * in the background (imports, exports); empty for the primary admin and admins of the whole organization.
     */
    public Set<String> writableDepartments() {
        Actor actor = actor();
        return switch (actor.reach()) {
            case PRIMARY, ORGANIZATION -> Set.of();
            case DEPARTMENTS -> withSubDepartments(actor.departmentIds());
            case NONE -> throw ApiException.forbidden("This needs the MEMBER_AND_DEPARTMENT permission.");
        };
    }

    /**
     * The caller as a SCIM provisioning client (docs/scim.md): a subject the primary admin granted {@code PROVISIONING},
     * reaching the whole organization or the grant's departments. Only that grant counts on the SCIM path — the primary
     * admin and member admins use the console and the API — so an identity provider never acts with an administrator's
     * token, and its writes are decided by the same {@code WriteAccessPolicy} as any other.
     *
     * @return the actor, or empty when the caller holds no {@code PROVISIONING} grant
     */
    public Optional<Actor> provisioningActor() {
        String subject = subject();
        if (subject == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(readModel.ask(new FindAdmin(subject, 0), AdminView.class))
                .filter(grant -> grant.permissions().contains(Permission.PROVISIONING))
                .map(grant -> grant.departmentIds().isEmpty() ? Actor.organization(subject)
                        : Actor.departments(subject, Set.copyOf(grant.departmentIds())));
    }

    /** What a provisioning client with this actor sees: the same {@link Viewer} an admin with the same reach gets. */
    public Viewer viewerOf(Actor actor) {
        return switch (actor.reach()) {
            case PRIMARY, ORGANIZATION -> Viewer.organization(actor.subject());
            case DEPARTMENTS -> Viewer.departments(actor.subject(), withSubDepartments(actor.departmentIds()));
            case NONE -> Viewer.publicOnly(actor.subject());
        };
    }

    /** The primary admin, or a subject granted the "Member and Department" permission (whatever its scope). */
    public boolean hasMemberPermission(String subject) {
        return subject != null && (primaryAdmin.equals(subject) || grantOf(subject).isPresent());
    }

    private Reach reach() {
        return actor().reach();
    }

    private Set<String> withSubDepartments(Set<String> grant) {
        DepartmentScope scope = new DepartmentScope(grant);
        return readModel.ask(new ListDepartments(), DepartmentList.class).items().stream()
                .filter(department -> scope.contains(department.id(), id -> department.ancestorIds()))
                .map(DepartmentView::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    private Optional<AdminView> memberAdminGrant() {
        return grantOf(subject());
    }

    private Optional<AdminView> grantOf(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(readModel.ask(new FindAdmin(subject, 0), AdminView.class))
                .filter(grant -> grant.permissions().contains(Permission.MEMBER_AND_DEPARTMENT));
    }
}

package com.memberdirectory.app.security;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.command.admin.DepartmentScope;
import com.memberdirectory.kernel.admin.AdminView;
import com.memberdirectory.kernel.admin.FindAdmin;
import com.memberdirectory.kernel.admin.Permission;
import com.memberdirectory.kernel.department.DepartmentList;
import com.memberdirectory.kernel.department.DepartmentView;
import com.memberdirectory.kernel.department.ListDepartments;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Who the caller is as far as SPEC §1 is concerned: the primary admin, an admin with a scope, or anyone else. */
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

    /** Primary admin, or an admin with the "Member and Department" permission (whatever the scope). */
    public boolean isAdmin() {
        return isPrimaryAdmin() || memberAdminGrant().isPresent();
    }

    public void requirePrimaryAdmin() {
        if (!isPrimaryAdmin()) {
            throw ApiException.forbidden("Only the primary administrator may do this.");
        }
    }

    /**
     * The departments whose members the caller may write, sub-departments included, for work that runs later
     * in the background (imports, exports); empty for the primary admin and admins of the whole organization.
     * Departments created afterwards below them are not included.
     */
    public java.util.Set<String> writableDepartments() {
        java.util.Set<String> grant = scope();
        if (grant.isEmpty()) {
            return grant;
        }
        DepartmentScope scope = new DepartmentScope(grant);
        return readModel.ask(new ListDepartments(), DepartmentList.class).items().stream()
                .filter(department -> scope.contains(department.id(), id -> department.ancestorIds()))
                .map(DepartmentView::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw ApiException.forbidden("This needs the MEMBER_AND_DEPARTMENT permission.");
        }
    }

    /** The primary admin, or an admin whose grant covers the whole organization: no per-member check needed. */
    public boolean mayWriteEveryMember() {
        return isPrimaryAdmin() || memberAdminGrant().map(grant -> grant.departmentIds().isEmpty()).orElse(false);
    }

    /**
     * May the caller change a member who is in {@code before} (empty for a new member) and will be in
     * {@code after}?
     */
    public void requireMayWriteMember(Collection<String> before, Collection<String> after) {
        if (isPrimaryAdmin()) {
            return;
        }
        DepartmentScope scope = memberAdminGrant()
                .map(grant -> new DepartmentScope(new HashSet<>(grant.departmentIds())))
                .orElseThrow(() -> ApiException.forbidden("Changing members needs the MEMBER_AND_DEPARTMENT permission."));
        if (scope.isWholeOrganization()) {
            return;
        }
        Function<String, List<String>> ancestors = ancestors();
        if (!before.isEmpty() && !scope.coversMemberOf(before, ancestors)) {
            throw ApiException.forbidden("This member is outside the departments you administer.");
        }
        if (!scope.allowsMove(before, after, ancestors)) {
            throw ApiException.forbidden("You can only place members in departments you administer.");
        }
    }

    /** The departments the caller's grant is limited to; empty for the primary admin and whole-organization admins. */
    public java.util.Set<String> scope() {
        if (isPrimaryAdmin()) {
            return java.util.Set.of();
        }
        return memberAdminGrant().map(grant -> java.util.Set.copyOf(grant.departmentIds()))
                .orElseThrow(() -> ApiException.forbidden("This needs the MEMBER_AND_DEPARTMENT permission."));
    }

    /** May the caller create a department under {@code parentId} (null: at the top)? */
    public void requireMayCreateDepartmentUnder(String parentId) {
        if (isPrimaryAdmin()) {
            return;
        }
        DepartmentScope scope = memberAdminGrant()
                .map(grant -> new DepartmentScope(new HashSet<>(grant.departmentIds())))
                .orElseThrow(() -> ApiException.forbidden("Creating departments needs the MEMBER_AND_DEPARTMENT permission."));
        if (scope.isWholeOrganization()) {
            return;
        }
        if (parentId == null || !scope.contains(parentId, ancestors())) {
            throw ApiException.forbidden("You can only create departments inside the departments you administer.");
        }
    }

    private Optional<AdminView> memberAdminGrant() {
        String subject = subject();
        if (subject == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(readModel.ask(new FindAdmin(subject, 0), AdminView.class))
                .filter(grant -> grant.permissions().contains(Permission.MEMBER_AND_DEPARTMENT));
    }

    private Function<String, List<String>> ancestors() {
        Map<String, List<String>> tree = readModel.ask(new ListDepartments(), DepartmentList.class).items().stream()
                .collect(Collectors.toMap(DepartmentView::id, DepartmentView::ancestorIds));
        return id -> tree.getOrDefault(id, List.of());
    }
}

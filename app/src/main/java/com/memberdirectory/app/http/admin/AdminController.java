package com.memberdirectory.app.http.admin;

import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.kernel.admin.AdminList;
import com.memberdirectory.kernel.admin.AdminView;
import com.memberdirectory.kernel.admin.FindAdmin;
import com.memberdirectory.kernel.admin.GrantAdmin;
import com.memberdirectory.kernel.admin.ListAdmins;
import com.memberdirectory.kernel.admin.Permission;
import com.memberdirectory.kernel.admin.RevokeAdmin;
import com.memberdirectory.kernel.department.DepartmentId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** Administrators: granted and revoked by the primary administrator. */
@RestController
@RequestMapping("/api/admins")
class AdminController {

    /** Body of {@code PUT /api/admins/{subject}}; no or empty {@code departmentIds}: the whole organization. */
    record GrantRequest(Set<Permission> permissions, List<String> departmentIds) {
    }

    /** An administrator as the API shows it. */
    record AdminResponse(String subject, Set<Permission> permissions, List<String> departmentIds) {
        static AdminResponse of(AdminView view) {
            return new AdminResponse(view.subject(), view.permissions(), view.departmentIds());
        }
    }

    record AdminsResponse(List<AdminResponse> items) {
    }

    private final CommandGateway commands;
    private final ReadModel readModel;
    private final AdminAccess access;

    AdminController(CommandGateway commands, ReadModel readModel, AdminAccess access) {
        this.commands = commands;
        this.readModel = readModel;
        this.access = access;
    }

    @PutMapping("/{subject}")
    AdminResponse grant(@PathVariable String subject, @RequestBody GrantRequest request) {
        access.requirePrimaryAdmin();
        List<DepartmentId> scope = request.departmentIds() == null ? List.of()
                : request.departmentIds().stream().map(id -> id == null ? null : new DepartmentId(id)).toList();
        long version = commands.sendAndWait(new GrantAdmin(subject, request.permissions(), scope, access.actor()));
        return AdminResponse.of(readModel.ask(new FindAdmin(subject, version), AdminView.class));
    }

    @DeleteMapping("/{subject}")
    ResponseEntity<Void> revoke(@PathVariable String subject) {
        access.requirePrimaryAdmin();
        long version;
        try {
            version = commands.sendAndWait(new RevokeAdmin(subject, access.actor()));
        } catch (AggregateNotFoundException e) {
            throw ApiException.notFound("'" + subject + "' is not an administrator.");
        }
        readModel.ask(new FindAdmin(subject, version), AdminView.class);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    AdminsResponse list() {
        access.requireAdmin();
        return new AdminsResponse(readModel.ask(new ListAdmins(), AdminList.class).items().stream()
                .map(AdminResponse::of).toList());
    }
}

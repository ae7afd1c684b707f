package com.memberdirectory.app.http.department;

import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.kernel.department.CreateDepartment;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.department.DepartmentList;
import com.memberdirectory.kernel.department.DepartmentView;
import com.memberdirectory.kernel.department.FindDepartment;
import com.memberdirectory.kernel.department.ListDepartments;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Departments over HTTP. */
@RestController
@RequestMapping("/api/departments")
class DepartmentController {

    /** Body of {@code POST /api/departments}. */
    record CreateDepartmentRequest(String name, String parentId) {
    }

    /** A department as clients see it: {@code path} names it from the top, such as {@code Sales/EMEA}. */
    record DepartmentResponse(String id, String name, String parentId, String path) {
        static DepartmentResponse of(DepartmentView view) {
            return new DepartmentResponse(view.id(), view.name(), view.parentId(), view.path());
        }
    }

    record DepartmentsResponse(java.util.List<DepartmentResponse> items) {
    }

    private final CommandGateway commands;
    private final ReadModel readModel;
    private final AdminAccess access;

    DepartmentController(CommandGateway commands, ReadModel readModel, AdminAccess access) {
        this.commands = commands;
        this.readModel = readModel;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<DepartmentResponse> create(@RequestBody CreateDepartmentRequest request) {
        DepartmentId id = DepartmentId.generate();
        commands.sendAndWait(new CreateDepartment(id, request.name(),
                request.parentId() == null ? null : new DepartmentId(request.parentId()), access.actor()));
        DepartmentView created = readModel.ask(new FindDepartment(id), DepartmentView.class);
        return ResponseEntity.created(URI.create("/api/departments/" + id)).body(DepartmentResponse.of(created));
    }

    @GetMapping
    DepartmentsResponse list() {
        return new DepartmentsResponse(readModel.ask(new ListDepartments(), DepartmentList.class).items().stream()
                .map(DepartmentResponse::of).toList());
    }
}

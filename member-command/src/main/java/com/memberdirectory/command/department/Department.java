package com.memberdirectory.command.department;

import com.memberdirectory.command.admin.WriteAccessPolicy;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.department.CreateDepartment;
import com.memberdirectory.kernel.department.DepartmentCreated;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A department of the organization; its path is unique, so sibling departments have different names. */
@Aggregate
public class Department {

    @AggregateIdentifier
    private DepartmentId departmentId;

    protected Department() {
        // for Axon
    }

    @CommandHandler
    public Department(CreateDepartment command, UniqueValues unique) {
        new WriteAccessPolicy(DepartmentAncestry.of(unique)).checkDepartmentCreation(command.actor(),
                command.parentId() == null ? null : command.parentId().value());
        String name = new DepartmentNameRule().check(command.name());
        String path = name;
        if (command.parentId() != null) {
            String parentPath = unique.ownerOf(UniqueKind.DEPARTMENT, command.parentId().value())
                    .orElseThrow(() -> new DomainRuleViolation(ErrorCode.UNKNOWN_DEPARTMENT, "parentId",
                            "There is no department '" + command.parentId() + "'."));
            path = parentPath + "/" + name;
        }
        String id = command.departmentId().value();
        if (!unique.claim(UniqueKind.DEPARTMENT_PATH, path.toLowerCase(Locale.ROOT), id)) {
            throw new DomainRuleViolation(ErrorCode.DUPLICATE_VALUE, "name",
                    "There is already a department '" + path + "'.");
        }
        unique.claim(UniqueKind.DEPARTMENT, id, path);
        apply(new DepartmentCreated(command.departmentId(), name, command.parentId(), path));
    }

    @EventSourcingHandler
    void on(DepartmentCreated event) {
        departmentId = event.departmentId();
    }
}

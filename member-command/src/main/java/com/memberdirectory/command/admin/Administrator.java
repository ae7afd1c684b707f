package com.memberdirectory.command.admin;

import com.memberdirectory.kernel.access.DirectoryWideChanges;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.admin.AdminGranted;
import com.memberdirectory.kernel.admin.AdminRevoked;
import com.memberdirectory.kernel.admin.GrantAdmin;
import com.memberdirectory.kernel.admin.Permission;
import com.memberdirectory.kernel.admin.RevokeAdmin;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The administrator rights of one subject (a JWT {@code sub}); granted and revoked by the primary admin. */
@Aggregate
public class Administrator {

    @AggregateIdentifier
    private String subject;
    private long version;
    private boolean active;
    private Set<Permission> permissions = Set.of();
    private List<DepartmentId> departmentIds = List.of();

    protected Administrator() {
        // for Axon
    }

    /** @return the version of the grant after the command */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(GrantAdmin command, UniqueValues unique) {
        DirectoryWideChanges.requirePrimary(command.actor(), "Granting admin rights");
        if (command.subject() == null || command.subject().isBlank()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "subject", "A subject is required.");
        }
        if (command.permissions() == null || command.permissions().isEmpty()
                || command.permissions().stream().anyMatch(Objects::isNull)) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "permissions",
                    "Name at least one permission, e.g. MEMBER_AND_DEPARTMENT.");
        }
        List<DepartmentId> scope = command.departmentIds() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(command.departmentIds()));
        for (DepartmentId id : scope) {
            if (id == null || unique.ownerOf(UniqueKind.DEPARTMENT, id.value()).isEmpty()) {
                throw new DomainRuleViolation(ErrorCode.UNKNOWN_DEPARTMENT, "departmentIds",
                        "There is no department '" + id + "'.");
            }
        }
        Set<Permission> granted = Set.copyOf(command.permissions());
        if (!active || !granted.equals(permissions) || !scope.equals(departmentIds)) {
            apply(new AdminGranted(command.subject(), granted, List.copyOf(scope)));
        }
        return version;
    }

    /** @return the version of the grant after the command */
    @CommandHandler
    public long handle(RevokeAdmin command) {
        DirectoryWideChanges.requirePrimary(command.actor(), "Revoking admin rights");
        if (!active) {
            throw new DomainRuleViolation(ErrorCode.NOT_FOUND, "subject", "'" + subject + "' is not an administrator.");
        }
        apply(new AdminRevoked(subject));
        return version;
    }

    @EventSourcingHandler
    void on(AdminGranted event, @SequenceNumber long sequence) {
        subject = event.subject();
        version = sequence + 1;
        active = true;
        permissions = event.permissions();
        departmentIds = event.departmentIds();
    }

    @EventSourcingHandler
    void on(AdminRevoked event, @SequenceNumber long sequence) {
        version = sequence + 1;
        active = false;
        permissions = Set.of();
        departmentIds = List.of();
    }
}

package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.Patch;
import com.memberdirectory.kernel.department.DepartmentId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change some fields of a member at once (one atomic change, one event per changed concern).
 * {@code expectedVersion} (from {@code If-Match}) refuses the change when the member has moved on. */
public record UpdateMember(@TargetAggregateIdentifier MemberId memberId,
                           Long expectedVersion,
                           Patch<String> name,
                           Patch<String> userId,
                           Patch<String> workEmail,
                           Patch<String> phone,
                           Patch<List<DepartmentId>> departmentIds) {

    /** An update that changes nothing; combine with the {@code with…} methods. */
    public static UpdateMember of(MemberId memberId, Long expectedVersion) {
        return new UpdateMember(memberId, expectedVersion, Patch.absent(), Patch.absent(), Patch.absent(),
                Patch.absent(), Patch.absent());
    }

    public UpdateMember withName(String value) {
        return new UpdateMember(memberId, expectedVersion, Patch.of(value), userId, workEmail, phone, departmentIds);
    }

    public UpdateMember withUserId(String value) {
        return new UpdateMember(memberId, expectedVersion, name, Patch.of(value), workEmail, phone, departmentIds);
    }

    public UpdateMember withWorkEmail(String value) {
        return new UpdateMember(memberId, expectedVersion, name, userId, Patch.of(value), phone, departmentIds);
    }

    public UpdateMember withPhone(String value) {
        return new UpdateMember(memberId, expectedVersion, name, userId, workEmail, Patch.of(value), departmentIds);
    }

    public UpdateMember withDepartmentIds(List<DepartmentId> value) {
        return new UpdateMember(memberId, expectedVersion, name, userId, workEmail, phone, Patch.of(value));
    }
}

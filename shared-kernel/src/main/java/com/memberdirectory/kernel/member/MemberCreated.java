package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.department.DepartmentId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A member was added to the directory (always INACTIVE). Optional fields are null when not given.
 * Revision 2 holds every field of the member record; revision-1 events (name, user ID, contact and
 * departments only) are upcast on reading.
 */
@Revision("2")
public record MemberCreated(MemberId memberId,
                            String name,
                            String surname,
                            String firstName,
                            String alias,
                            String userId,
                            String workEmail,
                            String businessEmail,
                            String phone,
                            boolean hidePhone,
                            Gender gender,
                            List<DepartmentId> departmentIds,
                            String seatId,
                            String employeeId,
                            LocalDate employmentDate,
                            String countryRegion,
                            String city,
                            MemberId managerId,
                            List<MemberId> dottedLineManagerIds,
                            LoginEmailType loginEmailType,
                            String loginEmail) implements MemberEvent {
}

package com.memberdirectory.kernel.member;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A member as the member list shows it (the Member JSON of API.md). */
public record MemberView(String id,
                         long version,
                         MemberStatus status,
                         String name,
                         String surname,
                         String firstName,
                         String alias,
                         String userId,
                         String workEmail,
                         String businessEmail,
                         String loginEmail,
                         LoginEmailType loginEmailType,
                         boolean hasLoginPassword,
                         String phone,
                         boolean hidePhone,
                         Gender gender,
                         List<String> departmentIds,
                         String seatId,
                         String employeeId,
                         LocalDate employmentDate,
                         String countryRegion,
                         String city,
                         String managerId,
                         List<String> dottedLineManagerIds,
                         String jobTitle,
                         String workforceType,
                         Map<String, Object> custom,
                         String photoUrl) {

    /** What viewers who are not administrators see: no phone when the member hides it. */
    public MemberView forNonAdmin() {
        if (!hidePhone) {
            return this;
        }
        return new MemberView(id, version, status, name, surname, firstName, alias, userId, workEmail, businessEmail,
                loginEmail, loginEmailType, hasLoginPassword, null, hidePhone, gender, departmentIds, seatId,
                employeeId, employmentDate, countryRegion, city, managerId, dottedLineManagerIds, jobTitle, workforceType, custom, photoUrl);
    }
}

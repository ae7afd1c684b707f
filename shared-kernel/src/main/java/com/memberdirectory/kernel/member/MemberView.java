package com.memberdirectory.kernel.member;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A member as the member list shows it: the Member JSON of every member answer (docs/member-record.md). Its builder
 * is generated ({@link MemberViewBuilder}).
 */
@RecordBuilder
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
                         Boolean hasLoginPassword,
                         String phone,
                         boolean hidePhone,
                         Gender gender,
                         List<String> departmentIds,
                         String seatId,
                         String employeeId,
                         LocalDate employmentDate,
                         String countryRegion,
                         String city,
                         String externalId,
                         String managerId,
                         List<String> dottedLineManagerIds,
                         String jobTitle,
                         String workforceType,
                         Map<String, Object> custom,
                         String photoUrl,
                         Instant createdAt,
                         Instant updatedAt) {

    /**
     * The public fields only (see {@link com.memberdirectory.kernel.access.MemberVisibility}): no phone when the
     * member hides it, no login details.
     */
    public MemberView publicFields() {
        return MemberViewBuilder.builder(this).loginEmail(null).loginEmailType(null).hasLoginPassword(null)
                .phone(hidePhone ? null : phone).build();
    }
}

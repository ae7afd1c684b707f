package com.memberdirectory.command.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberStatus;
import io.soabase.recordbuilder.core.RecordBuilder;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the write side knows about one member: the state the rules decide on. Option fields hold
 * option ids; {@code custom} maps custom field keys to their canonical values. Its withers are generated
 * ({@link MemberRecordBuilder.With}).
 */
@RecordBuilder
record MemberRecord(
                    MemberStatus status,
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
                    String externalId,
                    MemberId managerId,
                    List<MemberId> dottedLineManagerIds,
                    LoginEmailType loginEmailType,
                    String loginEmail,
                    boolean hasLoginPassword,
                    String photoId,
                    String photoContentType,
                    String photoSha256,
                    String jobTitleId,
                    String workforceTypeId,
                    Map<String, List<String>> custom) implements MemberRecordBuilder.With {

    /** Before the first event: nothing set (null, false), defaults where the spec has them. */
    static final MemberRecord NEW = MemberRecordBuilder.builder().status(MemberStatus.INACTIVE).gender(Gender.UNSPECIFIED)
            .departmentIds(List.of()).dottedLineManagerIds(List.of()).loginEmailType(LoginEmailType.WORK_EMAIL)
            .custom(Map.of()).build();

    MemberRecord withPhoto(String id, String contentType, String sha256) {
        return with(photo -> photo.photoId(id).photoContentType(contentType).photoSha256(sha256));
    }
}

package com.memberdirectory.app.http.member;

import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberId;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Body of {@code POST /api/members}: a member without id, version and status. */
public record CreateMemberRequest(String name,
                                  String surname,
                                  String firstName,
                                  String alias,
                                  String userId,
                                  String workEmail,
                                  String businessEmail,
                                  String phone,
                                  Boolean hidePhone,
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
                                  Map<String, Object> custom) {

    MemberChanges toChanges() {
        MemberChanges.Builder fields = MemberChanges.builder()
                .name(name)
                .departmentIds(departmentIds == null ? null : departmentIds.stream().map(MemberPatch::departmentId).toList());
        if (surname != null) {
            fields.surname(surname);
        }
        if (firstName != null) {
            fields.firstName(firstName);
        }
        if (alias != null) {
            fields.alias(alias);
        }
        if (userId != null) {
            fields.userId(userId);
        }
        if (workEmail != null) {
            fields.workEmail(workEmail);
        }
        if (businessEmail != null) {
            fields.businessEmail(businessEmail);
        }
        if (phone != null) {
            fields.phone(phone);
        }
        if (hidePhone != null) {
            fields.hidePhone(hidePhone);
        }
        if (gender != null) {
            fields.gender(gender);
        }
        if (seatId != null) {
            fields.seatId(seatId);
        }
        if (employeeId != null) {
            fields.employeeId(employeeId);
        }
        if (employmentDate != null) {
            fields.employmentDate(employmentDate);
        }
        if (countryRegion != null) {
            fields.countryRegion(countryRegion);
        }
        if (city != null) {
            fields.city(city);
        }
        if (externalId != null) {
            fields.externalId(externalId);
        }
        if (managerId != null) {
            fields.managerId(new MemberId(managerId));
        }
        if (dottedLineManagerIds != null) {
            fields.dottedLineManagerIds(dottedLineManagerIds.stream().map(MemberPatch::memberId).toList());
        }
        if (jobTitle != null) {
            fields.jobTitle(jobTitle);
        }
        if (workforceType != null) {
            fields.workforceType(workforceType);
        }
        if (custom != null) {
            fields.custom(custom);
        }
        return fields.build();
    }
}

package com.memberdirectory.command.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the write side knows about one member: the state the rules decide on. Option fields hold
 * option ids; {@code custom} maps custom field keys to their canonical values.
 */
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
                    Map<String, List<String>> custom) {

    /** Before the first event: nothing set, defaults where the spec has them. */
    static final MemberRecord NEW = new MemberRecord(MemberStatus.INACTIVE, null, null, null, null, null, null, null,
            null, false, Gender.UNSPECIFIED, List.of(), null, null, null, null, null, null, List.of(),
            LoginEmailType.WORK_EMAIL, null, false, null, null, null, null, null, Map.of());

    MemberRecord withStatus(MemberStatus value) {
        return new MemberRecord(value, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withName(String value) {
        return new MemberRecord(status, value, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withSurname(String value) {
        return new MemberRecord(status, name, value, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withFirstName(String value) {
        return new MemberRecord(status, name, surname, value, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withAlias(String value) {
        return new MemberRecord(status, name, surname, firstName, value, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withUserId(String value) {
        return new MemberRecord(status, name, surname, firstName, alias, value, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withWorkEmail(String value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, value, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withBusinessEmail(String value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, value, phone, hidePhone,
                gender, departmentIds, seatId, employeeId, employmentDate, countryRegion, city,
                managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword, photoId, photoContentType, photoSha256,
                jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withPhone(String value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, value,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withHidePhone(boolean value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                value, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion, city,
                managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword, photoId, photoContentType, photoSha256,
                jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withGender(Gender value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, value, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withDepartmentIds(List<DepartmentId> value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, value, seatId, employeeId, employmentDate, countryRegion, city,
                managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword, photoId, photoContentType, photoSha256,
                jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withSeatId(String value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, value, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withEmployeeId(String value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, value, employmentDate, countryRegion, city,
                managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword, photoId, photoContentType, photoSha256,
                jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withEmploymentDate(LocalDate value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, value, countryRegion, city,
                managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword, photoId, photoContentType, photoSha256,
                jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withCountryRegion(String value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, value, city,
                managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword, photoId, photoContentType, photoSha256,
                jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withCity(String value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                value, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withManagerId(MemberId value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, value, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withDottedLineManagerIds(List<MemberId> value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, value, loginEmailType, loginEmail, hasLoginPassword, photoId, photoContentType, photoSha256,
                jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withLoginEmailType(LoginEmailType value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, value, loginEmail, hasLoginPassword, photoId, photoContentType, photoSha256,
                jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withLoginEmail(String value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, value, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withHasLoginPassword(boolean value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, value, photoId, photoContentType, photoSha256,
                jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withPhoto(String id, String contentType, String sha256) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                id, contentType, sha256, jobTitleId, workforceTypeId, custom);
    }

    MemberRecord withJobTitleId(String value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, value, workforceTypeId, custom);
    }

    MemberRecord withWorkforceTypeId(String value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, value, custom);
    }

    MemberRecord withCustom(Map<String, List<String>> value) {
        return new MemberRecord(status, name, surname, firstName, alias, userId, workEmail, businessEmail, phone,
                hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion,
                city, managerId, dottedLineManagerIds, loginEmailType, loginEmail, hasLoginPassword,
                photoId, photoContentType, photoSha256, jobTitleId, workforceTypeId, value);
    }
}

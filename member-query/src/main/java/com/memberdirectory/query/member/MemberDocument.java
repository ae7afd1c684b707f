package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.query.field.FieldLabels;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One member in the member list (collection {@code members}), owned by {@link MemberProjection}. */
@Document("members")
class MemberDocument implements Cloneable {

    @Id
    String id;
    long version;
    MemberStatus status;
    String name;
    String surname;
    String firstName;
    String alias;
    String userId;
    String workEmail;
    String businessEmail;
    String loginEmail;
    LoginEmailType loginEmailType;
    boolean hasLoginPassword;
    String phone;
    boolean hidePhone;
    Gender gender;
    List<String> departmentIds;
    String seatId;
    String employeeId;
    LocalDate employmentDate;
    String countryRegion;
    String city;
    String externalId;
    String managerId;
    List<String> dottedLineManagerIds;
    String photoId;
    String jobTitleId;
    String workforceTypeId;
    Map<String, List<String>> custom;
    /** When the member was created and last changed: the stamps of its first and latest events, to the millisecond. */
    Instant createdAt;
    Instant updatedAt;

    /**
     * A shallow copy, to fold an event on while the member before it is still needed (the index of member versions
     * writes both): {@link MemberFold} replaces a field's value, never changes a list or map in place, so the
     * original stays as it was. A copy of every field without naming one (a field added to the member is copied too).
     */
    MemberDocument copy() {
        try {
            return (MemberDocument) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    MemberView toView(FieldLabels labels) {
        return new MemberView(id, version, status, name, surname, firstName, alias, userId, workEmail, businessEmail,
                loginEmail, loginEmailType, hasLoginPassword, phone, hidePhone, gender == null ? Gender.UNSPECIFIED : gender,
                list(departmentIds), seatId, employeeId, employmentDate, countryRegion, city, externalId, managerId,
                list(dottedLineManagerIds), labels.jobTitle(jobTitleId), labels.workforceType(workforceTypeId),
                labels.custom(custom), photoId == null ? null : "/api/members/" + id + "/photo", createdAt, updatedAt);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}

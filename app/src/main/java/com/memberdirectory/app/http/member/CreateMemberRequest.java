package com.memberdirectory.app.http.member;

import com.memberdirectory.kernel.member.FieldPlaces;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;

import java.lang.invoke.MethodHandles;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /**
     * How the create holds each plain-text field ({@link MemberFields#TEXT}): by the component of the field's name,
     * found once.
     */
    private static final List<Function<CreateMemberRequest, String>> TEXT = MemberFields.TEXT.stream()
            .map(field -> FieldPlaces.component(MethodHandles.lookup(), CreateMemberRequest.class, field)).toList();

    MemberChanges toChanges() {
        MemberChanges.Builder fields = MemberChanges.builder()
                .set(MemberFields.NAME, name)
                .set(MemberFields.DEPARTMENTS,
                        departmentIds == null ? null : departmentIds.stream().map(MemberPatch::departmentId).toList());
        // A field the create leaves out is not asked for (a null text is no text given); the name is always asked for.
        for (int i = 0; i < TEXT.size(); i++) {
            String value = TEXT.get(i).apply(this);
            if (value != null) {
                fields.set(MemberFields.TEXT.get(i), value);
            }
        }
        if (hidePhone != null) {
            fields.set(MemberFields.HIDE_PHONE, hidePhone);
        }
        if (gender != null) {
            fields.set(MemberFields.GENDER, gender);
        }
        if (employmentDate != null) {
            fields.set(MemberFields.EMPLOYMENT_DATE, employmentDate);
        }
        if (managerId != null) {
            fields.set(MemberFields.MANAGER, new MemberId(managerId));
        }
        if (dottedLineManagerIds != null) {
            fields.set(MemberFields.DOTTED_LINE_MANAGERS,
                    dottedLineManagerIds.stream().map(MemberPatch::memberId).toList());
        }
        if (jobTitle != null) {
            fields.set(MemberFields.JOB_TITLE, jobTitle);
        }
        if (workforceType != null) {
            fields.set(MemberFields.WORKFORCE_TYPE, workforceType);
        }
        if (custom != null) {
            fields.custom(custom);
        }
        return fields.build();
    }
}

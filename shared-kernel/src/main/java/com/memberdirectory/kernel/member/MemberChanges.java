package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.Patch;
import com.memberdirectory.kernel.department.DepartmentId;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The fields a create, a PATCH or a spreadsheet row sets. Each is a {@link Patch}: absent (leave as it
 * is), present with a value (set), or present with {@code null} (clear). Values are as the caller wrote
 * them; the rules of the Member aggregate check and normalise them. {@code custom} maps field keys to values
 * as written (text, number, list of option labels); a {@code null} value clears that custom field.
 */
public record MemberChanges(
                            Patch<String> name,
                            Patch<String> surname,
                            Patch<String> firstName,
                            Patch<String> alias,
                            Patch<String> userId,
                            Patch<String> workEmail,
                            Patch<String> businessEmail,
                            Patch<String> phone,
                            Patch<Boolean> hidePhone,
                            Patch<Gender> gender,
                            Patch<List<DepartmentId>> departmentIds,
                            Patch<String> seatId,
                            Patch<String> employeeId,
                            Patch<LocalDate> employmentDate,
                            Patch<String> countryRegion,
                            Patch<String> city,
                            Patch<String> externalId,
                            Patch<MemberId> managerId,
                            Patch<List<MemberId>> dottedLineManagerIds,
                            Patch<String> jobTitle,
                            Patch<String> workforceType,
                            Patch<Map<String, Object>> custom) {

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from these changes, e.g. to add one more field. */
    public Builder toBuilder() {
        return Builder.from(this);
    }

    /** Builds {@link MemberChanges}; every setter marks its field as present ({@code null}: clear). */
    public static final class Builder {

        private Patch<String> name = Patch.absent();
        private Patch<String> surname = Patch.absent();
        private Patch<String> firstName = Patch.absent();
        private Patch<String> alias = Patch.absent();
        private Patch<String> userId = Patch.absent();
        private Patch<String> workEmail = Patch.absent();
        private Patch<String> businessEmail = Patch.absent();
        private Patch<String> phone = Patch.absent();
        private Patch<Boolean> hidePhone = Patch.absent();
        private Patch<Gender> gender = Patch.absent();
        private Patch<List<DepartmentId>> departmentIds = Patch.absent();
        private Patch<String> seatId = Patch.absent();
        private Patch<String> employeeId = Patch.absent();
        private Patch<LocalDate> employmentDate = Patch.absent();
        private Patch<String> countryRegion = Patch.absent();
        private Patch<String> city = Patch.absent();
        private Patch<String> externalId = Patch.absent();
        private Patch<MemberId> managerId = Patch.absent();
        private Patch<List<MemberId>> dottedLineManagerIds = Patch.absent();
        private Patch<String> jobTitle = Patch.absent();
        private Patch<String> workforceType = Patch.absent();
        private Patch<Map<String, Object>> custom = Patch.absent();

        private static Builder from(MemberChanges changes) {
            Builder builder = new Builder();
            builder.name = changes.name;
            builder.surname = changes.surname;
            builder.firstName = changes.firstName;
            builder.alias = changes.alias;
            builder.userId = changes.userId;
            builder.workEmail = changes.workEmail;
            builder.businessEmail = changes.businessEmail;
            builder.phone = changes.phone;
            builder.hidePhone = changes.hidePhone;
            builder.gender = changes.gender;
            builder.departmentIds = changes.departmentIds;
            builder.seatId = changes.seatId;
            builder.employeeId = changes.employeeId;
            builder.employmentDate = changes.employmentDate;
            builder.countryRegion = changes.countryRegion;
            builder.city = changes.city;
            builder.externalId = changes.externalId;
            builder.managerId = changes.managerId;
            builder.dottedLineManagerIds = changes.dottedLineManagerIds;
            builder.jobTitle = changes.jobTitle;
            builder.workforceType = changes.workforceType;
            builder.custom = changes.custom;
            return builder;
        }

        public Builder name(String value) {
            this.name = Patch.of(value);
            return this;
        }

        public Builder surname(String value) {
            this.surname = Patch.of(value);
            return this;
        }

        public Builder firstName(String value) {
            this.firstName = Patch.of(value);
            return this;
        }

        public Builder alias(String value) {
            this.alias = Patch.of(value);
            return this;
        }

        public Builder userId(String value) {
            this.userId = Patch.of(value);
            return this;
        }

        public Builder workEmail(String value) {
            this.workEmail = Patch.of(value);
            return this;
        }

        public Builder businessEmail(String value) {
            this.businessEmail = Patch.of(value);
            return this;
        }

        public Builder phone(String value) {
            this.phone = Patch.of(value);
            return this;
        }

        public Builder hidePhone(Boolean value) {
            this.hidePhone = Patch.of(value);
            return this;
        }

        public Builder gender(Gender value) {
            this.gender = Patch.of(value);
            return this;
        }

        public Builder departmentIds(List<DepartmentId> value) {
            this.departmentIds = Patch.of(value);
            return this;
        }

        public Builder seatId(String value) {
            this.seatId = Patch.of(value);
            return this;
        }

        public Builder employeeId(String value) {
            this.employeeId = Patch.of(value);
            return this;
        }

        public Builder employmentDate(LocalDate value) {
            this.employmentDate = Patch.of(value);
            return this;
        }

        public Builder countryRegion(String value) {
            this.countryRegion = Patch.of(value);
            return this;
        }

        public Builder city(String value) {
            this.city = Patch.of(value);
            return this;
        }

        public Builder externalId(String value) {
            this.externalId = Patch.of(value);
            return this;
        }

        public Builder managerId(MemberId value) {
            this.managerId = Patch.of(value);
            return this;
        }

        public Builder dottedLineManagerIds(List<MemberId> value) {
            this.dottedLineManagerIds = Patch.of(value);
            return this;
        }

        public Builder jobTitle(String value) {
            this.jobTitle = Patch.of(value);
            return this;
        }

        public Builder workforceType(String value) {
            this.workforceType = Patch.of(value);
            return this;
        }

        public Builder custom(Map<String, Object> value) {
            this.custom = Patch.of(value);
            return this;
        }

        /** Leaves the user ID out again (a new member without one gets a generated ID). */
        public Builder keepUserId() {
            this.userId = Patch.absent();
            return this;
        }

        public MemberChanges build() {
            return new MemberChanges(name, surname, firstName, alias, userId, workEmail, businessEmail, phone, hidePhone, gender, departmentIds, seatId, employeeId, employmentDate, countryRegion, city, externalId, managerId, dottedLineManagerIds, jobTitle, workforceType, custom);
        }
    }
}

package com.memberdirectory.query.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.ContactEmailChanged;
import com.memberdirectory.kernel.member.CustomFieldValueChanged;
import com.memberdirectory.kernel.member.JobTitleChanged;
import com.memberdirectory.kernel.member.WorkforceTypeChanged;
import com.memberdirectory.kernel.member.AliasChanged;
import com.memberdirectory.kernel.member.BusinessEmailChanged;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.CountryRegionChanged;
import com.memberdirectory.kernel.member.DottedLineManagersChanged;
import com.memberdirectory.kernel.member.EmployeeIdChanged;
import com.memberdirectory.kernel.member.EmploymentDateChanged;
import com.memberdirectory.kernel.member.FirstNameChanged;
import com.memberdirectory.kernel.member.GenderChanged;
import com.memberdirectory.kernel.member.ManagerChanged;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.PhoneVisibilityChanged;
import com.memberdirectory.kernel.member.SeatChanged;
import com.memberdirectory.kernel.member.SurnameChanged;
import com.memberdirectory.kernel.member.DepartmentsChanged;
import com.memberdirectory.kernel.member.LoginEmailChanged;
import com.memberdirectory.kernel.member.LoginMethodChosen;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.MemberActivated;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberNameChanged;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.PhoneNumberChanged;
import com.memberdirectory.kernel.member.ProfilePhotoChanged;
import com.memberdirectory.kernel.member.UserIdChanged;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How events shape a member document: used by the member list projection and to rebuild a member as it
 * was at an instant, so both always agree.
 */
final class MemberFold {

    private static final LocalDate EARLIEST_STORABLE = LocalDate.of(1, 1, 1);
    private static final LocalDate LATEST_STORABLE = LocalDate.of(9999, 12, 31);

    private MemberFold() {
    }

    static MemberDocument created(MemberCreated event, long sequence) {
        MemberDocument d = new MemberDocument();
        d.id = event.memberId().value();
        d.version = sequence + 1;
        d.status = MemberStatus.INACTIVE;
        d.name = event.name();
        d.surname = event.surname();
        d.firstName = event.firstName();
        d.alias = event.alias();
        d.userId = event.userId();
        d.workEmail = event.workEmail();
        d.businessEmail = event.businessEmail();
        d.phone = event.phone();
        d.hidePhone = event.hidePhone();
        d.gender = event.gender();
        d.departmentIds = departmentIds(event.departmentIds());
        d.seatId = event.seatId();
        d.employeeId = event.employeeId();
        d.employmentDate = storable(event.employmentDate());
        d.countryRegion = event.countryRegion();
        d.city = event.city();
        d.managerId = event.managerId() == null ? null : event.managerId().value();
        d.dottedLineManagerIds = memberIds(event.dottedLineManagerIds());
        d.loginEmailType = event.loginEmailType();
        d.loginEmail = event.loginEmail();
        return d;
    }

    /** Applies a change event (not {@link MemberCreated}) to {@code d} and sets its version. */
    static void apply(MemberDocument d, MemberEvent event, long sequence) {
        if (event instanceof MemberNameChanged e) {
            d.name = e.after();
        } else if (event instanceof SurnameChanged e) {
            d.surname = e.after();
        } else if (event instanceof FirstNameChanged e) {
            d.firstName = e.after();
        } else if (event instanceof AliasChanged e) {
            d.alias = e.after();
        } else if (event instanceof UserIdChanged e) {
            d.userId = e.after();
        } else if (event instanceof ContactEmailChanged e) {
            d.workEmail = e.after();
        } else if (event instanceof LoginEmailChanged e) {
            d.loginEmail = e.after();
        } else if (event instanceof BusinessEmailChanged e) {
            d.businessEmail = e.after();
        } else if (event instanceof PhoneNumberChanged e) {
            d.phone = e.after();
        } else if (event instanceof PhoneVisibilityChanged e) {
            d.hidePhone = e.after();
        } else if (event instanceof GenderChanged e) {
            d.gender = e.after();
        } else if (event instanceof DepartmentsChanged e) {
            d.departmentIds = departmentIds(e.after());
        } else if (event instanceof SeatChanged e) {
            d.seatId = e.after();
        } else if (event instanceof EmployeeIdChanged e) {
            d.employeeId = e.after();
        } else if (event instanceof EmploymentDateChanged e) {
            d.employmentDate = storable(e.after());
        } else if (event instanceof CountryRegionChanged e) {
            d.countryRegion = e.after();
        } else if (event instanceof CityChanged e) {
            d.city = e.after();
        } else if (event instanceof ManagerChanged e) {
            d.managerId = e.after() == null ? null : e.after().value();
        } else if (event instanceof DottedLineManagersChanged e) {
            d.dottedLineManagerIds = memberIds(e.after());
        } else if (event instanceof LoginMethodChosen e) {
            d.loginEmailType = e.after();
        } else if (event instanceof LoginPasswordSet) {
            d.hasLoginPassword = true;
        } else if (event instanceof ProfilePhotoChanged e) {
            d.photoId = e.after();
        } else if (event instanceof JobTitleChanged e) {
            d.jobTitleId = e.after();
        } else if (event instanceof WorkforceTypeChanged e) {
            d.workforceTypeId = e.after();
        } else if (event instanceof CustomFieldValueChanged e) {
            Map<String, List<String>> custom = d.custom == null ? new HashMap<>() : new HashMap<>(d.custom);
            if (e.after() == null || e.after().isEmpty()) {
                custom.remove(e.fieldKey());
            } else {
                custom.put(e.fieldKey(), e.after());
            }
            d.custom = custom;
        } else if (event instanceof MemberActivated) {
            d.status = MemberStatus.ACTIVE;
        }
        d.version = sequence + 1;
    }

    /**
     * The date the event records that the member list cannot hold, or null. Events written before dates were
     * limited may carry any ISO date up to year 999,999,999; stored as an instant such a date overflows, and the
     * projection would retry it forever while every later write waited for it.
     */
    static LocalDate unstorableDate(MemberEvent event) {
        LocalDate date = event instanceof MemberCreated e ? e.employmentDate()
                : event instanceof EmploymentDateChanged e ? e.after() : null;
        return date == null || storable(date) != null ? null : date;
    }

    /** Years 1 to 9999: what every reader of the list (BSON dates, JSON clients, the workbook export) can represent. */
    private static LocalDate storable(LocalDate date) {
        return date == null || date.isBefore(EARLIEST_STORABLE) || date.isAfter(LATEST_STORABLE) ? null : date;
    }

    private static List<String> departmentIds(List<DepartmentId> ids) {
        return ids == null ? List.of() : ids.stream().map(DepartmentId::value).toList();
    }

    private static List<String> memberIds(List<MemberId> ids) {
        return ids == null ? List.of() : ids.stream().map(MemberId::value).toList();
    }
}

package com.memberdirectory.query.history;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.AliasChanged;
import com.memberdirectory.kernel.member.BusinessEmailChanged;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.ContactEmailChanged;
import com.memberdirectory.kernel.member.CustomFieldValueChanged;
import com.memberdirectory.kernel.member.JobTitleChanged;
import com.memberdirectory.kernel.member.WorkforceTypeChanged;
import com.memberdirectory.query.field.FieldLabels;
import com.memberdirectory.kernel.member.CountryRegionChanged;
import com.memberdirectory.kernel.member.DepartmentsChanged;
import com.memberdirectory.kernel.member.DottedLineManagersChanged;
import com.memberdirectory.kernel.member.EmployeeIdChanged;
import com.memberdirectory.kernel.member.EmploymentDateChanged;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.FirstNameChanged;
import com.memberdirectory.kernel.member.GenderChanged;
import com.memberdirectory.kernel.member.LoginEmailChanged;
import com.memberdirectory.kernel.member.LoginMethodChosen;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.ManagerChanged;
import com.memberdirectory.kernel.member.MemberActivated;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberNameChanged;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.PhoneNumberChanged;
import com.memberdirectory.kernel.member.ProfilePhotoChanged;
import com.memberdirectory.kernel.member.PhoneVisibilityChanged;
import com.memberdirectory.kernel.member.SeatChanged;
import com.memberdirectory.kernel.member.SurnameChanged;
import com.memberdirectory.kernel.member.UserIdChanged;

import java.util.ArrayList;
import java.util.List;

/** What each member event changed, field by field, with the names of the Member JSON. */
public final class HistoryChanges {

    private final FieldLabels labels;

    public HistoryChanges(FieldLabels labels) {
        this.labels = labels;
    }

    /** The changes of an event, option ids shown as their current labels. */
    public List<FieldChange> of(MemberEvent event) {
        return labelled(raw(event));
    }

    /** Shows stored option ids (job title, workforce type, option custom fields) as their current labels. */
    public List<FieldChange> labelled(List<FieldChange> raw) {
        return raw.stream().map(this::labelled).toList();
    }

    private FieldChange labelled(FieldChange change) {
        String field = change.field();
        if (field.equals("jobTitle")) {
            return new FieldChange(field, labels.jobTitle((String) change.before()), labels.jobTitle((String) change.after()));
        }
        if (field.equals("workforceType")) {
            return new FieldChange(field, labels.workforceType((String) change.before()),
                    labels.workforceType((String) change.after()));
        }
        if (field.startsWith("custom.")) {
            String key = field.substring("custom.".length());
            return new FieldChange(field, labels.shown(key, strings(change.before())), labels.shown(key, strings(change.after())));
        }
        return change;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    /** The changes of an event as stored: option fields hold option ids. */
    public static List<FieldChange> raw(MemberEvent event) {
        if (event instanceof MemberCreated e) {
            return created(e);
        }
        FieldChange change;
        if (event instanceof MemberNameChanged e) {
            change = new FieldChange("name", e.before(), e.after());
        } else if (event instanceof SurnameChanged e) {
            change = new FieldChange("surname", e.before(), e.after());
        } else if (event instanceof FirstNameChanged e) {
            change = new FieldChange("firstName", e.before(), e.after());
        } else if (event instanceof AliasChanged e) {
            change = new FieldChange("alias", e.before(), e.after());
        } else if (event instanceof UserIdChanged e) {
            change = new FieldChange("userId", e.before(), e.after());
        } else if (event instanceof ContactEmailChanged e) {
            change = new FieldChange("workEmail", e.before(), e.after());
        } else if (event instanceof BusinessEmailChanged e) {
            change = new FieldChange("businessEmail", e.before(), e.after());
        } else if (event instanceof LoginEmailChanged e) {
            change = new FieldChange("loginEmail", e.before(), e.after());
        } else if (event instanceof PhoneNumberChanged e) {
            change = new FieldChange("phone", e.before(), e.after());
        } else if (event instanceof PhoneVisibilityChanged e) {
            change = new FieldChange("hidePhone", e.before(), e.after());
        } else if (event instanceof GenderChanged e) {
            change = new FieldChange("gender", e.before(), e.after());
        } else if (event instanceof DepartmentsChanged e) {
            change = new FieldChange("departmentIds", departments(e.before()), departments(e.after()));
        } else if (event instanceof SeatChanged e) {
            change = new FieldChange("seatId", e.before(), e.after());
        } else if (event instanceof EmployeeIdChanged e) {
            change = new FieldChange("employeeId", e.before(), e.after());
        } else if (event instanceof EmploymentDateChanged e) {
            change = new FieldChange("employmentDate", text(e.before()), text(e.after()));
        } else if (event instanceof CountryRegionChanged e) {
            change = new FieldChange("countryRegion", e.before(), e.after());
        } else if (event instanceof CityChanged e) {
            change = new FieldChange("city", e.before(), e.after());
        } else if (event instanceof ManagerChanged e) {
            change = new FieldChange("managerId", text(e.before()), text(e.after()));
        } else if (event instanceof DottedLineManagersChanged e) {
            change = new FieldChange("dottedLineManagerIds", members(e.before()), members(e.after()));
        } else if (event instanceof LoginMethodChosen e) {
            change = new FieldChange("loginEmailType", e.before(), e.after());
        } else if (event instanceof LoginPasswordSet) {
            change = new FieldChange("hasLoginPassword", false, true);
        } else if (event instanceof JobTitleChanged e) {
            change = new FieldChange("jobTitle", e.before(), e.after());
        } else if (event instanceof WorkforceTypeChanged e) {
            change = new FieldChange("workforceType", e.before(), e.after());
        } else if (event instanceof CustomFieldValueChanged e) {
            change = new FieldChange("custom." + e.fieldKey(), e.before().isEmpty() ? null : e.before(),
                    e.after().isEmpty() ? null : e.after());
        } else if (event instanceof ProfilePhotoChanged e) {
            change = new FieldChange("photo", e.before(), e.after());
        } else if (event instanceof MemberActivated) {
            change = new FieldChange("status", MemberStatus.INACTIVE, MemberStatus.ACTIVE);
        } else {
            throw new IllegalArgumentException("No history for " + event.getClass().getSimpleName());
        }
        return List.of(change);
    }

    private static List<FieldChange> created(MemberCreated e) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "name", e.name());
        add(changes, "surname", e.surname());
        add(changes, "firstName", e.firstName());
        add(changes, "alias", e.alias());
        add(changes, "userId", e.userId());
        add(changes, "workEmail", e.workEmail());
        add(changes, "businessEmail", e.businessEmail());
        add(changes, "phone", e.phone());
        if (e.hidePhone()) {
            add(changes, "hidePhone", true);
        }
        add(changes, "gender", e.gender());
        add(changes, "departmentIds", departments(e.departmentIds()));
        add(changes, "seatId", e.seatId());
        add(changes, "employeeId", e.employeeId());
        add(changes, "employmentDate", text(e.employmentDate()));
        add(changes, "countryRegion", e.countryRegion());
        add(changes, "city", e.city());
        add(changes, "managerId", text(e.managerId()));
        if (e.dottedLineManagerIds() != null && !e.dottedLineManagerIds().isEmpty()) {
            add(changes, "dottedLineManagerIds", members(e.dottedLineManagerIds()));
        }
        add(changes, "status", MemberStatus.INACTIVE);
        add(changes, "loginEmailType", e.loginEmailType());
        add(changes, "loginEmail", e.loginEmail());
        return changes;
    }

    private static void add(List<FieldChange> changes, String field, Object value) {
        if (value != null) {
            changes.add(new FieldChange(field, null, value));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> departments(List<DepartmentId> ids) {
        return ids == null ? List.of() : ids.stream().map(DepartmentId::value).toList();
    }

    private static List<String> members(List<MemberId> ids) {
        return ids == null ? List.of() : ids.stream().map(MemberId::value).toList();
    }
}

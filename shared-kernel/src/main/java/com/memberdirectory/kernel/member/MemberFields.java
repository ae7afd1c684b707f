package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.field.FieldView;
import com.memberdirectory.kernel.workbook.MemberColumns;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.memberdirectory.kernel.member.MemberField.field;

/**
 * The built-in fields of the member record, in the order their change events are recorded. The events that are not
 * a field's change ({@link MemberCreated}, the login method and password, activation, the photo, custom field
 * values) are handled by name where they matter. Adding a built-in field: see {@code docs/adding-a-field.md}.
 */
public final class MemberFields {

    public static final MemberField<String, MemberNameChanged> NAME = field("name", MemberNameChanged.class,
            MemberNameChanged::new, MemberNameChanged::before, MemberNameChanged::after)
            .column(MemberColumns.NAME).created(MemberCreated::name).type(FieldType.TEXT);
    public static final MemberField<String, SurnameChanged> SURNAME = field("surname", SurnameChanged.class,
            SurnameChanged::new, SurnameChanged::before, SurnameChanged::after)
            .column(MemberColumns.SURNAME).created(MemberCreated::surname).type(FieldType.TEXT);
    public static final MemberField<String, FirstNameChanged> FIRST_NAME = field("firstName", FirstNameChanged.class,
            FirstNameChanged::new, FirstNameChanged::before, FirstNameChanged::after)
            .column(MemberColumns.FIRST_NAME).created(MemberCreated::firstName).type(FieldType.TEXT);
    public static final MemberField<String, AliasChanged> ALIAS = field("alias", AliasChanged.class,
            AliasChanged::new, AliasChanged::before, AliasChanged::after)
            .column(MemberColumns.ALIAS).created(MemberCreated::alias).type(FieldType.TEXT);
    public static final MemberField<String, UserIdChanged> USER_ID = field("userId", UserIdChanged.class,
            UserIdChanged::new, UserIdChanged::before, UserIdChanged::after)
            .column(MemberColumns.USER_ID).created(MemberCreated::userId).unique("USER_ID", true).type(FieldType.TEXT);
    public static final MemberField<String, ContactEmailChanged> WORK_EMAIL = field("workEmail",
            ContactEmailChanged.class, ContactEmailChanged::new, ContactEmailChanged::before, ContactEmailChanged::after)
            .column(MemberColumns.WORK_EMAIL).created(MemberCreated::workEmail).unique("WORK_EMAIL", true)
            .type(FieldType.SPECIAL);
    public static final MemberField<String, BusinessEmailChanged> BUSINESS_EMAIL = field("businessEmail",
            BusinessEmailChanged.class, BusinessEmailChanged::new, BusinessEmailChanged::before,
            BusinessEmailChanged::after)
            .column(MemberColumns.BUSINESS_EMAIL).created(MemberCreated::businessEmail).unique("BUSINESS_EMAIL", true)
            .type(FieldType.SPECIAL);
    public static final MemberField<String, LoginEmailChanged> LOGIN_EMAIL = field("loginEmail",
            LoginEmailChanged.class, LoginEmailChanged::new, LoginEmailChanged::before, LoginEmailChanged::after)
            .created(MemberCreated::loginEmail).unique("LOGIN_EMAIL", true).derived();
    public static final MemberField<String, PhoneNumberChanged> PHONE = field("phone", PhoneNumberChanged.class,
            PhoneNumberChanged::new, PhoneNumberChanged::before, PhoneNumberChanged::after)
            .column(MemberColumns.PHONE).created(MemberCreated::phone).unique("PHONE", false).type(FieldType.SPECIAL);
    public static final MemberField<Boolean, PhoneVisibilityChanged> HIDE_PHONE = field("hidePhone",
            PhoneVisibilityChanged.class, PhoneVisibilityChanged::new, PhoneVisibilityChanged::before,
            PhoneVisibilityChanged::after)
            .column(MemberColumns.HIDE_PHONE).created(MemberCreated::hidePhone).type(FieldType.SPECIAL);
    public static final MemberField<Gender, GenderChanged> GENDER = field("gender", GenderChanged.class,
            GenderChanged::new, GenderChanged::before, GenderChanged::after)
            .column(MemberColumns.GENDER).created(MemberCreated::gender).type(FieldType.SPECIAL);
    public static final MemberField<List<DepartmentId>, DepartmentsChanged> DEPARTMENTS = field("departmentIds",
            DepartmentsChanged.class, DepartmentsChanged::new, DepartmentsChanged::before, DepartmentsChanged::after)
            .column(MemberColumns.DEPARTMENT).created(MemberCreated::departmentIds)
            .shown(ids -> texts(ids, DepartmentId::value)).type(FieldType.SPECIAL);
    public static final MemberField<String, SeatChanged> SEAT_ID = field("seatId", SeatChanged.class,
            SeatChanged::new, SeatChanged::before, SeatChanged::after)
            .column(MemberColumns.SEAT_ID).created(MemberCreated::seatId).unique("SEAT_ID", true).type(FieldType.TEXT);
    public static final MemberField<String, EmployeeIdChanged> EMPLOYEE_ID = field("employeeId",
            EmployeeIdChanged.class, EmployeeIdChanged::new, EmployeeIdChanged::before, EmployeeIdChanged::after)
            .column(MemberColumns.EMPLOYEE_ID).created(MemberCreated::employeeId).unique("EMPLOYEE_ID", true)
            .type(FieldType.TEXT);
    public static final MemberField<LocalDate, EmploymentDateChanged> EMPLOYMENT_DATE = field("employmentDate",
            EmploymentDateChanged.class, EmploymentDateChanged::new, EmploymentDateChanged::before,
            EmploymentDateChanged::after)
            .column(MemberColumns.EMPLOYMENT_DATE).created(MemberCreated::employmentDate).shown(MemberFields::text)
            .type(FieldType.DATE);
    public static final MemberField<String, CountryRegionChanged> COUNTRY_REGION = field("countryRegion",
            CountryRegionChanged.class, CountryRegionChanged::new, CountryRegionChanged::before,
            CountryRegionChanged::after)
            .column(MemberColumns.COUNTRY_REGION).created(MemberCreated::countryRegion).type(FieldType.SPECIAL);
    public static final MemberField<String, CityChanged> CITY = field("city", CityChanged.class,
            CityChanged::new, CityChanged::before, CityChanged::after)
            .column(MemberColumns.CITY).created(MemberCreated::city).type(FieldType.TEXT);
    public static final MemberField<MemberId, ManagerChanged> MANAGER = field("managerId", ManagerChanged.class,
            ManagerChanged::new, ManagerChanged::before, ManagerChanged::after)
            .column(MemberColumns.DIRECT_MANAGER).created(MemberCreated::managerId).shown(MemberFields::text)
            .type(FieldType.MEMBER);
    public static final MemberField<List<MemberId>, DottedLineManagersChanged> DOTTED_LINE_MANAGERS = field(
            "dottedLineManagerIds", DottedLineManagersChanged.class, DottedLineManagersChanged::new,
            DottedLineManagersChanged::before, DottedLineManagersChanged::after)
            .column(MemberColumns.DOTTED_LINE_MANAGERS).created(MemberCreated::dottedLineManagerIds)
            .shown(ids -> texts(ids, MemberId::value)).type(FieldType.SPECIAL);
    /** Holds an option id; shown by its current label. */
    public static final MemberField<String, JobTitleChanged> JOB_TITLE = field("jobTitle", JobTitleChanged.class,
            JobTitleChanged::new, JobTitleChanged::before, JobTitleChanged::after)
            .column(MemberColumns.JOB_TITLE).type(FieldType.SINGLE_OPTION);
    /** Holds an option id; shown by its current label. */
    public static final MemberField<String, WorkforceTypeChanged> WORKFORCE_TYPE = field("workforceType",
            WorkforceTypeChanged.class, WorkforceTypeChanged::new, WorkforceTypeChanged::before,
            WorkforceTypeChanged::after)
            .column(MemberColumns.WORKFORCE_TYPE).type(FieldType.SINGLE_OPTION);

    /**
     * The identifier an identity provider's provisioning client keeps for the member (SCIM {@code externalId},
     * docs/scim.md); not unique: it is the client's, compared case-exactly. Recorded after {@code MemberCreated}.
     */
    public static final MemberField<String, ExternalIdChanged> EXTERNAL_ID = field("externalId", ExternalIdChanged.class,
            ExternalIdChanged::new, ExternalIdChanged::before, ExternalIdChanged::after)
            .column(MemberColumns.EXTERNAL_ID).type(FieldType.TEXT);

    /** Every built-in field, in the order a write records their changes. */
    public static final List<MemberField<?, ?>> ALL = List.of(NAME, SURNAME, FIRST_NAME, ALIAS, USER_ID, WORK_EMAIL,
            BUSINESS_EMAIL, LOGIN_EMAIL, PHONE, HIDE_PHONE, GENDER, DEPARTMENTS, SEAT_ID, EMPLOYEE_ID, EMPLOYMENT_DATE,
            COUNTRY_REGION, CITY, MANAGER, DOTTED_LINE_MANAGERS, JOB_TITLE, WORKFORCE_TYPE, EXTERNAL_ID);

    /**
     * The fields whose value is text as written: a string in the Member JSON, a text cell in the workbook, a string
     * under the field's name in the member list. A PATCH, the import and the export handle them without a line of
     * their own.
     */
    public static final List<MemberField<String, ?>> TEXT = List.of(NAME, SURNAME, FIRST_NAME, ALIAS, USER_ID,
            WORK_EMAIL, BUSINESS_EMAIL, PHONE, SEAT_ID, EMPLOYEE_ID, COUNTRY_REGION, CITY, EXTERNAL_ID);

    /**
     * The fields of the record as the field list shows them to admins, labelled by their columns; the option fields
     * (job title, workforce type) are listed with their options from the field catalog.
     */
    public static final List<FieldView> RECORD_FIELDS = ALL.stream()
            .filter(field -> !field.isDerived() && field.type() != FieldType.SINGLE_OPTION)
            .map(field -> new FieldView(field.name(), field.column(), field.type(), true, List.of()))
            .toList();

    private static final Map<Class<?>, MemberField<?, ?>> BY_EVENT = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(MemberField::event, Function.identity()));

    private MemberFields() {
    }

    /** Whether a custom field may not take this key: a built-in field has it (ignoring case). */
    public static boolean isBuiltIn(String key) {
        return ALL.stream().anyMatch(field -> !field.isDerived() && field.name().equalsIgnoreCase(key));
    }

    /** The field whose change this event records; empty for the events that are not a field's change. */
    public static Optional<MemberField<?, ?>> changedBy(MemberEvent event) {
        return Optional.ofNullable(BY_EVENT.get(event.getClass()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static <T> List<String> texts(List<T> ids, Function<T, String> text) {
        return ids == null ? List.of() : ids.stream().map(text).toList();
    }
}

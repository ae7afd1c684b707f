package com.memberdirectory.kernel.workbook;

import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The columns of the member workbook (docs/spreadsheets.md, "Workbook layout"): what an export writes and an import
 * reads. A built-in field's column is named by its entry in {@link MemberFields}; the constants here are the headers
 * code refers to by name.
 * Custom fields follow as one column each, headed by the field's label, before {@link #VERSION}.
 */
public final class MemberColumns {

    public static final String SHEET = "Members";
    public static final String MEMBER_ID = "Member ID";
    public static final String USER_ID = "User ID";
    public static final String NAME = "Name";
    public static final String SURNAME = "Surname";
    public static final String FIRST_NAME = "First name";
    public static final String ALIAS = "Alias";
    public static final String WORK_EMAIL = "Work email";
    public static final String BUSINESS_EMAIL = "Business email";
    public static final String PHONE = "Phone number";
    public static final String HIDE_PHONE = "Hide phone number";
    public static final String GENDER = "Gender";
    public static final String DEPARTMENT = "Department";
    public static final String SEAT_ID = "Seat ID";
    public static final String EMPLOYEE_ID = "Employee ID";
    public static final String EMPLOYMENT_DATE = "Date of employment";
    public static final String COUNTRY_REGION = "Country or region";
    public static final String CITY = "City";
    public static final String EXTERNAL_ID = "External ID";
    public static final String DIRECT_MANAGER = "Direct manager";
    public static final String DOTTED_LINE_MANAGERS = "Dotted-line managers";
    public static final String JOB_TITLE = "Job title";
    public static final String WORKFORCE_TYPE = "Workforce type";
    public static final String LOGIN_EMAIL_TYPE = "Login email type";
    /**
     * Import only: a row choosing {@link #BUSINESS_EMAIL_LOGIN} may give the password here. Exports write the header
     * with every cell empty (an empty cell means "none given", so an exported file imports back unchanged); error
     * reports and previews blank it, so a password never leaves the uploaded file.
     */
    public static final String LOGIN_PASSWORD = "Login password";
    public static final String VERSION = "Version";
    public static final String ERRORS = "Errors";
    public static final String CHANGES = "Changes";
    /** The undo report's column (docs/undo.md): what the undo did to the row, or the conflict that kept it. */
    public static final String UNDO = "Undo";

    /**
     * The built-in columns in export order: the two that identify a row (member id, user id), then the column of every
     * other field of the schema in its order ({@link MemberFields#ALL}, where each field names its column), then the
     * login columns.
     */
    public static final List<String> BUILT_IN = Stream.of(Stream.of(MEMBER_ID, USER_ID),
            MemberFields.ALL.stream().map(MemberField::column).filter(column -> column != null && !column.equals(USER_ID)),
            Stream.of(LOGIN_EMAIL_TYPE, LOGIN_PASSWORD)).flatMap(columns -> columns).toList();

    public static final String YES = "Yes";
    public static final String NO = "No";
    public static final String WORK_EMAIL_LOGIN = "Work email";
    public static final String BUSINESS_EMAIL_LOGIN = "Business email";
    /** Separator of several departments or managers in one cell. */
    public static final String LIST_SEPARATOR = ";";

    private MemberColumns() {
    }

    /** Headers are matched ignoring case and surrounding spaces. */
    public static String normalize(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
    }
}

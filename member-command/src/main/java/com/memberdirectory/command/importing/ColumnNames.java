package com.memberdirectory.command.importing;

import java.util.Map;

import static com.memberdirectory.kernel.workbook.MemberColumns.*;

/** The workbook column of a member field, for messages in the error report. */
final class ColumnNames {

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("name", NAME), Map.entry("surname", SURNAME), Map.entry("firstName", FIRST_NAME),
            Map.entry("alias", ALIAS), Map.entry("userId", USER_ID), Map.entry("workEmail", WORK_EMAIL),
            Map.entry("businessEmail", BUSINESS_EMAIL), Map.entry("phone", PHONE), Map.entry("hidePhone", HIDE_PHONE),
            Map.entry("gender", GENDER), Map.entry("departmentIds", DEPARTMENT), Map.entry("seatId", SEAT_ID),
            Map.entry("employeeId", EMPLOYEE_ID), Map.entry("employmentDate", EMPLOYMENT_DATE),
            Map.entry("countryRegion", COUNTRY_REGION), Map.entry("city", CITY), Map.entry("managerId", DIRECT_MANAGER),
            Map.entry("dottedLineManagerIds", DOTTED_LINE_MANAGERS), Map.entry("jobTitle", JOB_TITLE),
            Map.entry("workforceType", WORKFORCE_TYPE), Map.entry("loginEmailType", LOGIN_EMAIL_TYPE),
            Map.entry("password", LOGIN_EMAIL_TYPE), Map.entry("loginPassword", LOGIN_PASSWORD),
            Map.entry("hasLoginPassword", LOGIN_PASSWORD), Map.entry("version", VERSION));

    private ColumnNames() {
    }

    static String of(String field) {
        if (field.startsWith("custom.")) {
            return field.substring("custom.".length());
        }
        return COLUMNS.getOrDefault(field, field);
    }
}

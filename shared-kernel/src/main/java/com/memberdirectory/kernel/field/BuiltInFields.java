package com.memberdirectory.kernel.field;

import java.util.List;

/** The fields every directory has. Keys are stable identifiers; labels are what people see. */
public final class BuiltInFields {

    public static final String CATALOG_ID = "field-catalog";
    public static final String JOB_TITLE = "jobTitle";
    public static final String WORKFORCE_TYPE = "workforceType";

    /** The option fields that come with the product; their options live in the catalog's events. */
    public static final List<FieldView> OPTION_FIELDS = List.of(
            new FieldView(JOB_TITLE, "Job title", FieldType.SINGLE_OPTION, true, List.of()),
            new FieldView(WORKFORCE_TYPE, "Workforce type", FieldType.SINGLE_OPTION, true, List.of(
                    new FieldOption("regular", "Regular"),
                    new FieldOption("intern", "Intern"),
                    new FieldOption("contractor", "Contractor"),
                    new FieldOption("outsourced", "Outsourced"))));

    /** The other built-in fields of the member record, listed for the admin console. */
    public static final List<FieldView> RECORD_FIELDS = List.of(
            field("name", "Name", FieldType.TEXT), field("surname", "Surname", FieldType.TEXT),
            field("firstName", "First name", FieldType.TEXT), field("alias", "Alias", FieldType.TEXT),
            field("userId", "User ID", FieldType.TEXT), field("workEmail", "Work email", FieldType.SPECIAL),
            field("businessEmail", "Business email", FieldType.SPECIAL), field("phone", "Phone number", FieldType.SPECIAL),
            field("hidePhone", "Hide phone number", FieldType.SPECIAL), field("gender", "Gender", FieldType.SPECIAL),
            field("departmentIds", "Department", FieldType.SPECIAL), field("seatId", "Seat ID", FieldType.TEXT),
            field("employeeId", "Employee ID", FieldType.TEXT), field("employmentDate", "Date of employment", FieldType.DATE),
            field("countryRegion", "Country or region", FieldType.SPECIAL), field("city", "City", FieldType.TEXT),
            field("managerId", "Direct manager", FieldType.MEMBER),
            field("dottedLineManagerIds", "Dotted-line managers", FieldType.SPECIAL));

    private BuiltInFields() {
    }

    public static boolean isBuiltIn(String key) {
        return OPTION_FIELDS.stream().anyMatch(f -> f.key().equalsIgnoreCase(key))
                || RECORD_FIELDS.stream().anyMatch(f -> f.key().equalsIgnoreCase(key));
    }

    private static FieldView field(String key, String label, FieldType type) {
        return new FieldView(key, label, type, true, List.of());
    }
}

package com.memberdirectory.kernel.field;

import java.util.List;

/**
 * The option fields every directory has, and the field catalog's id. Keys are stable identifiers; labels are what
 * people see. The other built-in fields are described by the member field schema ({@code MemberFields}).
 */
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

    private BuiltInFields() {
    }
}

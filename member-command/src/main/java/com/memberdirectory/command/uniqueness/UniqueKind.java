package com.memberdirectory.command.uniqueness;

/** The kinds of values that the lookup table keeps unique (or resolvable) across aggregates. */
public enum UniqueKind {
    USER_ID,
    WORK_EMAIL,
    BUSINESS_EMAIL,
    PHONE,
    SEAT_ID,
    EMPLOYEE_ID,
    /** value: the address a member signs in with, in lower case; owner: the member id. */
    LOGIN_EMAIL,
    /** value: a member id; lets other members' commands check that a member exists. */
    MEMBER,
    /**
     * value: the id of an offboarded member; owner: the same id. Their {@link #MEMBER} entry is gone (no rule finds
     * them), this one lets an import row naming them reach the member, which refuses it as offboarded.
     */
    OFFBOARDED_MEMBER,
    /** value: a member id; owner: the id of the member's direct manager (walked to refuse cycles). */
    MANAGER,
    /** value: a lock name; claimed and released within one transaction to make commands wait for each other. */
    LOCK,
    /** value: a field key in lower case; owner: the key as defined (keys are unique regardless of case, never reused). */
    FIELD_KEY,
    /** value: a field key; owner: the field's type. */
    FIELD,
    /** value: {@code <key>/<option id>}; owner: the option's label. */
    FIELD_OPTION,
    /** value: {@code <key>/<label in lower case>}; owner: the option id (labels are unique within a field). */
    FIELD_OPTION_LABEL,
    /** value: {@code <key>/<option id>/<member id>}; owner: the member id. Counts who uses an option. */
    OPTION_USE,
    /** value: {@code <import id>/<changed|unchanged>/<row>}; owner: the member id. Rows an import applied. */
    IMPORT_ROW,
    /** value: a department id; owner: the department's path. */
    DEPARTMENT,
    /** value: a department path in lower case; owner: the department id (sibling names are unique). */
    DEPARTMENT_PATH,
    /** value: the name of a one-off data migration; owner: when it completed. Present once it is done. */
    MIGRATION
}

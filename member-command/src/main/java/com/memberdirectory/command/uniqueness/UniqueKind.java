package com.memberdirectory.command.uniqueness;

/** The kinds of values that the lookup table keeps unique (or resolvable) across aggregates. */
public enum UniqueKind {
    USER_ID,
    WORK_EMAIL,
    BUSINESS_EMAIL,
    PHONE,
    SEAT_ID,
    EMPLOYEE_ID,
    /** value: a member id; lets other members' commands check that a member exists. */
    MEMBER,
    /** value: a member id; owner: the id of the member's direct manager (walked to refuse cycles). */
    MANAGER,
    /** value: a lock name; claimed and released within one transaction to make commands wait for each other. */
    LOCK,
    /** value: a department id; owner: the department's path. */
    DEPARTMENT,
    /** value: a department path in lower case; owner: the department id (sibling names are unique). */
    DEPARTMENT_PATH
}

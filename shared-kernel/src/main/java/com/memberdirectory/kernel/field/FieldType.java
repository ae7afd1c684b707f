package com.memberdirectory.kernel.field;

/** The kinds of value a field holds. */
public enum FieldType {
    TEXT,
    NUMBER,
    DATE,
    URL,
    SINGLE_OPTION,
    MULTI_OPTION,
    MEMBER,
    /** Built-in fields with a format of their own (email, phone, departments, …); not for custom fields. */
    SPECIAL;

    public boolean hasOptions() {
        return this == SINGLE_OPTION || this == MULTI_OPTION;
    }
}

package com.memberdirectory.command.member;

import com.memberdirectory.kernel.field.FieldType;

import java.util.Optional;

/** What the member rules need to know about the field catalog. */
public interface FieldLookups {

    /** The type of a field that accepts values (custom fields, built-in option fields), if it exists. */
    Optional<FieldType> typeOf(String fieldKey);

    /** The id of the option with this label (ignoring case), if the field has one. */
    Optional<String> optionIdByLabel(String fieldKey, String label);

    boolean hasOptions(String fieldKey);
}

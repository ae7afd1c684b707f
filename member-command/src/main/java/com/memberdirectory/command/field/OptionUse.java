package com.memberdirectory.command.field;

import com.memberdirectory.command.uniqueness.CommandLocks;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;

/**
 * Who uses which option, kept in the lookup table so that removing an option and giving it to a member
 * cannot both succeed: both sides pass through {@link #serialize} for the field first.
 */
public final class OptionUse {

    private OptionUse() {
    }

    /** Makes concurrent commands touching the options of {@code fieldKey} wait for each other. */
    public static void serialize(UniqueValues unique, String fieldKey) {
        CommandLocks.serialize(unique, "field/" + fieldKey);
    }

    public static void use(UniqueValues unique, String fieldKey, String optionId, String memberId) {
        unique.claim(UniqueKind.OPTION_USE, fieldKey + "/" + optionId + "/" + memberId, memberId);
    }

    public static void stopUsing(UniqueValues unique, String fieldKey, String optionId, String memberId) {
        unique.release(UniqueKind.OPTION_USE, fieldKey + "/" + optionId + "/" + memberId, memberId);
    }
}

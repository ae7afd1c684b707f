package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.Locale;

/**
 * Text a person can read and the workbook export can hold: no control characters (U+0000–U+001F, tab and line
 * breaks included, and U+007F–U+009F), no U+FFFE or U+FFFF and no half of a surrogate pair. Such characters are
 * invisible in the list, and the export writes them as {@code ?}, so re-importing an unchanged export would
 * change the row.
 */
public final class PlainTextRule {

    private PlainTextRule() {
    }

    /** @return {@code text} unchanged when it is plain */
    public static String check(String field, String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c)) {
                throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, field, "'" + field + "' contains the character "
                        + String.format(Locale.ROOT, "U+%04X", (int) c) + " at position " + (i + 1)
                        + ", which cannot be shown or exported; remove it.");
            }
        }
        return text;
    }
}

package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

/** An optional free-text field (surname, first name, alias, city, seat ID, employee ID): trimmed, at most 64 characters of plain text. */
public final class OptionalTextRule {

    static final int MAX_LENGTH = ValueLimits.MAX_SHORT_TEXT;

    /** @return the trimmed text, or null when blank (the field is cleared) */
    public String check(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, field,
                    "'" + field + "' has at most " + MAX_LENGTH + " characters.");
        }
        return PlainTextRule.check(field, text);
    }
}

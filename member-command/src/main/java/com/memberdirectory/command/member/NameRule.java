package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

/** A member's name is required: 1–64 characters after trimming, plain text ({@link PlainTextRule}). */
public final class NameRule {

    static final int MAX_LENGTH = ValueLimits.MAX_SHORT_TEXT;

    public String check(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new DomainRuleViolation(ErrorCode.NAME_REQUIRED, "name", "A name is required.");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "name",
                    "A name has at most " + MAX_LENGTH + " characters.");
        }
        return PlainTextRule.check("name", name);
    }
}
